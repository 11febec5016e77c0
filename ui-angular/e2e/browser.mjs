// Plain JavaScript so that both the Playwright suites (TypeScript) and `bench/bench.mjs` (plain Node, no TypeScript
// loader) launch Chromium the same way from this one module.

/**
 * Debian's Chromium; nothing here ever downloads a browser (`PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1`). `CHROME_BIN`
 * names another binary.
 *
 * @type {import('@playwright/test').LaunchOptions}
 */
export const chromiumLaunch = {
  executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
