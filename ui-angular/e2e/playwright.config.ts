import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './browser.mjs';

/**
 * End-to-end tests against the REAL stack (`make demo`): `E2E_BASE_URL` (default http://127.0.0.1:8080) and the mail
 * stand-in's listing `E2E_MAIL_URL`. Specs change balances, so they run in one worker, in file order, each on its
 * own household where it matters. Screenshots go to `test-results/screenshots/`.
 */
export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: the shared CI machine can be slow, and the first spec visits many pages (axe + two screenshots each).
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: '../playwright-report', open: 'never' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080',
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 375, height: 812 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
