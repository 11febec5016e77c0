import type { APIRequestContext } from '@playwright/test';
import {
  expect,
  test,
  GARCIA,
  checkPage,
  signIn,
} from './support';

test('an unknown practice link gets a friendly page without hints', async ({ page }) => {
  await page.goto('/p/ZZZZ99');
  await expect(page.getByRole('heading', { level: 1, name: 'We can’t find this page' })).toBeVisible();
  await expect(page.getByLabel('Account number', { exact: true })).toHaveCount(0);
  await checkPage(page, 'not-found');
});

/** Asks the BFF who is signed in with exactly this cookie, outside the browser (no shared cookie jar). */
async function householdWithCookie(request: APIRequestContext, baseURL: string, cookie: string): Promise<unknown> {
  const response = await request.post('/graphql', {
    headers: { 'content-type': 'application/json', origin: baseURL, cookie },
    data: { query: '{ household { guarantorName } }' },
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()).data?.household ?? null;
}

test('sign out ends the session everywhere', async ({ page, context, request, baseURL }) => {
  await signIn(page, GARCIA);
  const session = (await context.cookies()).find((c) => c.name === 'pp_session');
  expect(session, 'session cookie').toBeTruthy();
  const replay = `${session!.name}=${session!.value}`;
  expect(await householdWithCookie(request, baseURL!, replay)).not.toBeNull();
  const other = await context.newPage();
  await other.goto(`/p/${GARCIA.practice}/pay`);
  await expect(other.getByRole('heading', { level: 1, name: 'Your balance' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await checkPage(page, 'signed-out');

  // The other tab's next action finds the session gone and lands on the landing page.
  await other.reload();
  await expect(other).toHaveURL(new RegExp(`/p/${GARCIA.practice}$`));
  await expect(other.getByLabel('Account number', { exact: true })).toBeVisible();

  // Server-side: the very same cookie, replayed from elsewhere, no longer opens the session.
  expect(await householdWithCookie(request, baseURL!, replay)).toBeNull();
});

test('keyboard only: sign in and reach the amount choice', async ({ page }) => {
  await page.goto(`/p/${GARCIA.practice}`);
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.getByLabel('Account number', { exact: true }).focus();
  await page.keyboard.type(GARCIA.account);
  await page.keyboard.press('Tab'); // help disclosure
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Last name', { exact: true })).toBeFocused();
  await page.keyboard.type(GARCIA.lastName);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Your balance' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
});
