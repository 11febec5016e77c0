import Papa from 'papaparse';

/** The most accounts one statement-links export takes (`ConsolePractice.statementLinksExport`). */
export const MAX_EXPORT_ACCOUNTS = 5000;

/**
 * Account numbers as the PMS prints them on statements: 1–32 letters, digits or hyphens (the patient sign-in form
 * takes up to 32 characters).
 */
const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

export type CsvLineError =
  | { line: number; kind: 'invalid'; value: string }
  | { line: number; kind: 'duplicate'; value: string }
  | { line: number; kind: 'empty' };

export interface AccountCsv {
  /** Valid account numbers, in file order, each once. */
  accounts: string[];
  /** One entry per line that was not used, with its 1-based line number in the file. */
  errors: CsvLineError[];
  /** True when a header row (a column named like "account") was recognised and skipped. */
  header: boolean;
  /** True when more than `MAX_EXPORT_ACCOUNTS` valid accounts were found (the list is cut there). */
  tooMany: boolean;
}

/** True for a value that is an account number. */
export function isAccountNumber(value: string): boolean {
  return ACCOUNT.test(value);
}

/**
 * Reads a CSV of account numbers (from a statement vendor or the PMS) with Papa Parse (RFC 4180: quotes, CRLF, BOM,
 * delimiter detection). The column is the one whose header names an account (`account`, `account_number`,
 * `Account No.`, `cuenta`…), else the first. Blank lines are skipped silently; a line whose value is not an account
 * number, or repeats one, is reported with its line number and left out.
 */
export function parseAccountCsv(text: string): AccountCsv {
  const clean = text.replace(/^\uFEFF/, '');
  // The delimiter is guessed without blank lines (they would spoil the guess); the rows are then read with them, so
  // that row i is line i + 1 of the file.
  const delimiter = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', preview: 50 }).meta.delimiter;
  const rows = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false }).data;
  let column = 0;
  let start = 0;
  let header = false;
  const first = rows[0]?.map((cell) => cell.trim()) ?? [];
  const named = first.findIndex((cell) => /account|acct|cuenta/i.test(cell));
  const namedCell = first[named]; // undefined when no cell names an account (-1)
  if (namedCell !== undefined && !/\d/.test(namedCell)) {
    column = named;
    start = 1;
    header = true;
  } else if (first.length > 0 && first.every((cell) => cell !== '' && !/\d/.test(cell))) {
    start = 1; // Some other header (names only, no digits): skip it, use the first column.
    header = true;
  }
  const accounts: string[] = [];
  const seen = new Set<string>();
  const errors: CsvLineError[] = [];
  let tooMany = false;
  for (const [i, row] of rows.entries()) {
    const line = i + 1;
    if (i < start) {
      continue;
    }
    if (row.every((cell) => cell.trim() === '')) {
      continue;
    }
    const value = (row[column] ?? '').trim();
    if (value === '') {
      errors.push({ line, kind: 'empty' });
    } else if (!isAccountNumber(value)) {
      errors.push({ line, kind: 'invalid', value: value.slice(0, 40) });
    } else if (seen.has(value.toUpperCase())) {
      errors.push({ line, kind: 'duplicate', value });
    } else if (accounts.length >= MAX_EXPORT_ACCOUNTS) {
      tooMany = true;
    } else {
      seen.add(value.toUpperCase());
      accounts.push(value);
    }
  }
  return { accounts, errors, header, tooMany };
}
