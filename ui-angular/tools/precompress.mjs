// `npm run build` (postbuild): writes a gzip -9 twin (`main-ABCD1234.js.gz`) next to each content-hashed JS/CSS file of
// the production build, so the BFF serves those bytes instead of compressing the bundle again on every request
// (bff web.SpaAssetsFilter). Names without a content hash (index.html, favicon, assets/) are left alone.
import { readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/ui-angular/browser/', import.meta.url).pathname;
const hashed = /^[A-Za-z0-9]+-[A-Za-z0-9_-]{8,}\.(js|css)$/;
let files = 0;
let before = 0;
let after = 0;
for (const name of readdirSync(dist)) {
  if (name.endsWith('.gz')) {
    unlinkSync(join(dist, name)); // From an earlier build into the same directory.
    continue;
  }
  if (!hashed.test(name)) {
    continue;
  }
  const body = readFileSync(join(dist, name));
  const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(join(dist, `${name}.gz`), gz);
  files++;
  before += body.length;
  after += gz.length;
}
console.log(`precompress: ${files} files, ${(before / 1024).toFixed(1)} KB → ${(after / 1024).toFixed(1)} KB gzip`);
