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

test('sign out ends the session everywhere', async ({ page, context }) => {
  await signIn(page, GARCIA);
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
