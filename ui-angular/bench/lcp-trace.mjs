// `npm run bench:trace`: where the pay page's (or the landing page's) Largest Contentful Paint time goes — one cold
// load under the bench's conditions (headless Debian Chromium, phone 375×812, 4× CPU slowdown, cache off, signed in
// as the demo household), recorded with Chromium's performance trace (Playwright `browser.startTracing`, the same
// trace DevTools' Performance panel records). Prints a timeline from navigation start: resource requests (start →
// end), the main thread's long tasks (what ran: script evaluation, timers, layout, paint) and the paint entries
// (FCP, each LCP candidate with the element it was). Writes the raw trace (open it in DevTools or
// https://ui.perfetto.dev) to BENCH_TRACE_OUT (default /tmp/lcp-trace-<page>.json).
//
// Env: BENCH_BASE_URL, BENCH_PAGE (pay | landing; default pay), BENCH_WARMUP_LOADS (default 2), BENCH_PRACTICE /
// BENCH_ACCOUNT / BENCH_LAST_NAME, CHROME_BIN (default /usr/bin/chromium).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CPU_SLOWDOWN, base, phone, practice, signIn as signInWithin, throttle } from './conditions.mjs';

const which = process.env.BENCH_PAGE ?? 'pay';
const out = process.env.BENCH_TRACE_OUT ?? `/tmp/lcp-trace-${which}.json`;
const warmupLoads = Number(process.env.BENCH_WARMUP_LOADS ?? 2);
const path = which === 'pay' ? `/p/${practice}/pay` : `/p/${practice}`;
const ready = which === 'pay' ? '[data-testid="household-total"]' : 'main h1';

const browser = await chromium.launch({
  executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});

const signIn = (context) => signInWithin(context, 120000);

try {
  // Unmeasured loads first, as the bench does: the demo's JVMs compile the request path.
  for (let i = 0; i < warmupLoads; i++) {
    const context = await browser.newContext(phone);
    if (which === 'pay') await signIn(context);
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await context.close();
  }
  const context = await browser.newContext(phone);
  if (which === 'pay') await signIn(context);
  const page = await context.newPage();
  page.setDefaultTimeout(120000);
  await throttle(context, page);
  await page.addInitScript(() => {
    window.__paints = [];
    const describe = (el) =>
      el
        ? `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}> "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`
        : '(removed)';
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__paints.push({ name: 'LCP candidate', t: e.startTime, size: e.size, what: describe(e.element) });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__paints.push({ name: e.name, t: e.startTime, what: '' });
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__paints.push({ name: 'layout shift', t: e.startTime, what: e.value.toFixed(4) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await browser.startTracing(page, {
    path: out,
    screenshots: true,
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink.user_timing',
      'loading',
    ],
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.locator(ready).first().waitFor({ timeout: 120000 });
  await page.waitForTimeout(1500);
  await browser.stopTracing();
  const { paints, resources, nav } = await page.evaluate(() => ({
    paints: window.__paints,
    resources: performance
      .getEntriesByType('resource')
      .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, size: e.encodedBodySize })),
    nav: (() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventEnd };
    })(),
  }));
  if (!page.url().endsWith(path)) throw new Error(`landed on ${page.url()}, not ${path}`);

  // Main-thread tasks from the trace, relative to navigation start.
  const events = JSON.parse(readFileSync(out, 'utf8')).traceEvents;
  const navStart = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.ts;
  const navPid = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.pid;
  const mainTid = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === navPid,
  )?.tid;
  const rows = [];
  rows.push({ t: nav.responseEnd, line: `document received` });
  rows.push({ t: nav.domInteractive, line: `DOM interactive` });
  for (const r of resources) {
    rows.push({ t: r.start, line: `request  ${r.name.replace(base, '')} → ${r.end.toFixed(0)} ms (${r.size} B)` });
  }
  for (const p of paints) rows.push({ t: p.t, line: `${p.name} ${p.size ? `(${p.size} px²) ` : ''}${p.what}` });
  if (navStart !== undefined && mainTid !== undefined) {
    for (const e of events) {
      if (e.tid !== mainTid || e.ph !== 'X' || e.name !== 'RunTask' || (e.dur ?? 0) < 15000) continue;
      const inner = events
        .filter(
          (x) =>
            x.tid === mainTid &&
            x.ph === 'X' &&
            x.ts >= e.ts &&
            x.ts < e.ts + e.dur &&
            x.name !== 'RunTask' &&
            (x.dur ?? 0) > 3000,
        )
        .map((x) => {
          const d = x.args?.data ?? {};
          const what = d.url ? d.url.replace(base, '') : d.functionName || d.type || '';
          return `${x.name}${what ? ' ' + what : ''} ${(x.dur / 1000).toFixed(0)}`;
        })
        .slice(0, 6);
      rows.push({ t: (e.ts - navStart) / 1000, line: `task ${(e.dur / 1000).toFixed(0)} ms: ${inner.join(' · ')}` });
    }
  }
  rows.sort((a, b) => a.t - b.t);
  console.log(
    `LCP trace — ${base}${path}, phone 375×812, CPU ${CPU_SLOWDOWN}× slowdown, cache disabled; trace: ${out}`,
  );
  for (const r of rows) console.log(`${r.t.toFixed(0).padStart(6)} ms  ${r.line}`);
} finally {
  await browser.close();
}
