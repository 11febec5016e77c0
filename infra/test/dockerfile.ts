import * as fs from 'node:fs';

/** One instruction of a Dockerfile: keyword (upper case) and its arguments (continuation lines joined). */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** The instructions of the final stage (after the last FROM), comments and blank lines dropped. */
export function finalStage(file: string): Instruction[] {
  const joined = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const instructions = joined
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([A-Za-z]+)\s+(.*)$/.exec(l);
      if (!m) {
        throw new Error(`${file}: cannot parse '${l}'`);
      }
      return { keyword: m[1].toUpperCase(), args: m[2].trim() };
    });
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

/** Arguments of every instruction with this keyword. */
export function all(stage: Instruction[], keyword: string): string[] {
  return stage.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** The value an `ENV` in the stage gives a variable (last one wins). */
export function env(stage: Instruction[], name: string): string | undefined {
  let value: string | undefined;
  for (const args of all(stage, 'ENV')) {
    const re = /([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S+)/g;
    for (let m = re.exec(args); m; m = re.exec(args)) {
      if (m[1] === name) {
        value = m[3] ?? m[2];
      }
    }
  }
  return value;
}

/** `COPY [--flags] src… dest` → sources and destination. */
export function copies(stage: Instruction[]): { sources: string[]; dest: string }[] {
  return all(stage, 'COPY').map((args) => {
    const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
    return { sources: parts.slice(0, -1), dest: parts[parts.length - 1] };
  });
}
