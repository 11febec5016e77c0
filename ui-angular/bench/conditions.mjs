// What `bench.mjs` and `lcp-trace.mjs` measure under, in one place so the trace explains the bench's own loads: the
// stack under test, the demo household, a phone (375×812) and a 4× CPU slowdown with the cache off.
//
// Env: BENCH_BASE_URL (default http://127.0.0.1:8080), BENCH_PRACTICE / BENCH_ACCOUNT / BENCH_LAST_NAME (the demo
// household).

/** The stack under test, without a trailing slash. */
export const base = (process.env.BENCH_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
/** The demo practice's hash and the household that signs in there. */
export const practice = process.env.BENCH_PRACTICE ?? 'K7MX4Q';
const account = process.env.BENCH_ACCOUNT ?? '100234';
const lastName = process.env.BENCH_LAST_NAME ?? 'Garcia';
/** How many times slower than the machine the page's CPU runs. */
export const CPU_SLOWDOWN = 4;
/** Playwright browser-context options: a phone, 375×812 CSS px at 2× density, touch, US English. */
export const phone = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-US',
};

/** Opens a CDP session on `page` with the network cache off and the CPU slowed down; returns it (network enabled). */
export async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** Signs the demo household in on a page of `context` (its cookie then serves the context), within `timeout` ms a step. */
export async function signIn(context, timeout) {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(`${base}/p/${practice}`);
  await page.getByLabel('Account number', { exact: true }).fill(account);
  await page.getByLabel('Last name', { exact: true }).fill(lastName);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/pay$/, { timeout });
  await page.close();
}
