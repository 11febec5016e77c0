import type { Page } from '@playwright/test';
import { createMockApi } from './mock-api.mjs';

/**
 * Installs the mock API (`mock-api.mjs`) on one page via `page.route`: for visual checks only, never the e2e suite.
 */
export function installMockGraphQL(page: Page, options: { provider?: 'SIMULATED' | 'STRIPE' } = {}) {
  const api = createMockApi(options);
  let account: string | null = null;
  return page.route('**/graphql', async (route) => {
    const result = api.handle(route.request().postDataJSON(), account);
    account = result.account;
    await route.fulfill({ json: result.json });
  });
}
