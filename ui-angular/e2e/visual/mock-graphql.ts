import type { Page } from '@playwright/test';
import { createMockApi, type GraphQLBody, type MockOptions } from '../../src/testing/mock-api';

/**
 * Answers the page's `/graphql` requests from the SPA's one GraphQL mock (`src/testing/mock-api.ts`) via
 * `page.route`: for the visual tests only, never the end-to-end suite (that runs against the real stack).
 */
export async function installMockGraphQL(page: Page, options: MockOptions = {}) {
  const api = createMockApi(options);
  let account: string | null = null;
  let staff: string | null = null;
  await page.route('**/graphql', async (route) => {
    const result = api.handle(route.request().postDataJSON() as GraphQLBody, account, staff);
    account = result.account;
    staff = result.staff;
    await route.fulfill({ json: result.json, headers: { date: new Date().toUTCString() } });
  });
  return api;
}
