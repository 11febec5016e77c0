import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './browser';

// Chosen once in the main process; workers inherit the environment and so agree on it.
process.env['VISUAL_PORT'] ??= String(4300 + Math.floor(Math.random() * 2000));
const port = Number(process.env['VISUAL_PORT']);

/**
 * Visual checks of the production build against a mocked GraphQL API (`mock/mock-graphql.ts`): screenshots for a
 * human to look at while the backend is unavailable. Not the end-to-end suite (that is `playwright.config.ts`).
 */
export default defineConfig({
  testDir: './visual',
  testMatch: '**/*.visual.ts',
  outputDir: '../test-results/visual-artifacts',
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  webServer: {
    command: `node e2e/serve-dist.mjs`,
    cwd: '..',
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/p/K7MX4Q`,
    reuseExistingServer: false,
  },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 375, height: 812 },
    locale: 'en-US',
  },
});
