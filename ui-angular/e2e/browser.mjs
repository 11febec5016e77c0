import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium; nothing here ever downloads a browser (`PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1`). */
export const chromiumLaunch: LaunchOptions = {
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
