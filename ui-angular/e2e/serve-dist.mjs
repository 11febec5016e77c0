// Serves the production build with the BFF's routing rule (index.html for /p/** and /console/**), for local checks only.
// With MOCK_API=1 it also answers /graphql from the mock API (cookies `mock_session` for the patient, `mock_staff` for
// the practice console), its one-time links (/mock-receipt.pdf, /mock-payments.csv, /mock-statements.zip) and /store
// (like the SES stand-in), so the pages and the specs' logic can be tried without the real stack.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
// The SPA's one GraphQL mock (TypeScript, run as is by Node 22's type stripping).
import { MOCK_PDF_TEXT, createMockApi } from '../src/testing/mock-api.ts';

const MOCK_PDF = Buffer.from(MOCK_PDF_TEXT, 'latin1');

const root = new URL('../dist/ui-angular/browser/', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 4300);
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
};
const api = process.env.MOCK_API === '1' ? createMockApi() : null;
// With API_URL=http://127.0.0.1:<bff port>, everything that is not a file of the build or a /p/** page goes to a
// running BFF (same origin for the browser; Origin rewritten to the BFF's so its same-origin check passes).
const apiUrl = process.env.API_URL ? new URL(process.env.API_URL) : null;
// The BFF's Content-Security-Policy (bff SecurityHeadersFilter): no inline scripts, so the build must not need any.
const CSP =
  "default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: https://*.stripe.com; font-src 'self' data:; connect-src 'self' https://api.stripe.com; " +
  "frame-src https://js.stripe.com https://hooks.stripe.com; frame-ancestors 'none'; base-uri 'self'; " +
  "form-action 'self'; object-src 'none'";

createServer(async (req, res) => {
  res.setHeader('Content-Security-Policy', CSP);
  const url = new URL(req.url, 'http://x');
  if (api && url.pathname === '/graphql' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const account = /mock_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? null;
    const staff = /mock_staff=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? null;
    const result = api.handle(JSON.parse(body), account === '-' ? null : account, staff === '-' ? null : staff);
    res.setHeader('Set-Cookie', [
      `mock_session=${result.account ?? '-'}; Path=/; HttpOnly; SameSite=Strict`,
      `mock_staff=${result.staff ?? '-'}; Path=/; HttpOnly; SameSite=Strict`,
    ]);
    res.setHeader('Content-Type', 'application/json');
    return res.end(JSON.stringify(result.json));
  }
  if (api && url.pathname === '/mock-receipt.pdf') {
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', 'attachment; filename="receipt.pdf"');
    return res.end(MOCK_PDF);
  }
  if (api && url.pathname === '/mock-payments.csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="payments.csv"');
    return res.end('transaction_id,paid_at,account_number,amount\n');
  }
  if (api && url.pathname === '/mock-statements.zip') {
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', 'attachment; filename="statement-links.zip"');
    return res.end(Buffer.from('504b0506000000000000000000000000000000000000', 'hex')); // an empty ZIP
  }
  if (api && url.pathname === '/store') {
    res.setHeader('Content-Type', 'application/json');
    return res.end(JSON.stringify({ emails: api.mail }));
  }
  const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  try {
    if (!(await stat(file)).isFile()) throw new Error('dir');
  } catch {
    if (apiUrl && !/^\/(p|console)(\/|$)/.test(url.pathname)) {
      return proxy(req, res);
    }
    file = join(root, 'index.html');
  }
  let content = await readFile(file);
  res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
  if (/gzip/.test(req.headers['accept-encoding'] ?? '') && /\.(js|css|html)$/.test(file)) {
    content = gzipSync(content);
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.end(content);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));

async function proxy(req, res) {
  let body = Buffer.alloc(0);
  for await (const chunk of req) body = Buffer.concat([body, chunk]);
  const headers = { ...req.headers };
  delete headers['accept-encoding'];
  delete headers['host'];
  // fetch sets Host to the BFF's; make the Origin match it, as it would when the BFF serves the SPA itself.
  if (headers['origin']) headers['origin'] = apiUrl.origin;
  const upstream = await fetch(new URL(req.url, apiUrl), {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    redirect: 'manual',
  });
  const out = {};
  upstream.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-encoding' && key !== 'content-length' && key !== 'transfer-encoding')
      out[key] = value;
  });
  const cookies = upstream.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies;
  res.writeHead(upstream.status, out);
  res.end(Buffer.from(await upstream.arrayBuffer()));
}
