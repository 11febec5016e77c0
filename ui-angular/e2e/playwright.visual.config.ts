import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './browser.mjs';

// Chosen once in the main process; workers inherit the environment and so agree on it.
const port = (process.env.VISUAL_PORT ??= String(4300 + Math.floor(Math.random() * 2000)));

/**
 * Visual tests of the production build against the SPA's GraphQL mock (`src/testing/mock-api.ts`, installed per page
 * by `visual/mock-graphql.ts`): landing, pay and receipt at 320, 375 and 1280 px compared with the committed
 * baselines in `visual/baselines/` (small tolerance), plus layout checks (nothing overlaps at 320 px). Deterministic
 * by construction: fixed data, a fixed clock, no animations or caret, the machine's fonts (Debian Chromium's
 * fontconfig defaults). Update the baselines on purpose with `npm run e2e:visual -- --update-snapshots` and look at
 * them before committing. Not the end-to-end suite (that is `playwright.config.ts`, against the real stack).
 */
export default defineConfig({
  testDir: './visual',
  testMatch: '**/*.visual.ts',
  outputDir: '../test-results/visual-artifacts',
  snapshotPathTemplate: '{testDir}/baselines/{arg}{ext}',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  reporter: [['list']],
  expect: {
    timeout: 15_000,
    toHaveScreenshot: { maxDiffPixelRatio: 0.005, threshold: 0.2, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  webServer: {
    command: `node e2e/serve-dist.mjs`,
    cwd: '..',
    env: { PORT: port },
    url: `http://127.0.0.1:${port}/p/K7MX4Q`,
    reuseExistingServer: false,
  },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 375, height: 812 },
    locale: 'en-US',
    timezoneId: 'America/Chicago',
    deviceScaleFactor: 1,
  },
});
