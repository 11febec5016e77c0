import { expect, test } from '@playwright/test';
import { installMockGraphQL } from './mock-graphql';

const dir = 'test-results/visual';

for (const size of [
  { name: 'phone', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test(`pages at ${size.name}`, async ({ page }) => {
    await page.setViewportSize(size);
    await installMockGraphQL(page);
    await page.goto('/p/K7MX4Q?account=100234');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByText('Where do I find my account number?').click();
    await page.screenshot({ path: `${dir}/landing-${size.name}.png`, fullPage: true });

    await page.getByLabel('Last name', { exact: true }).fill('Smith');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signin-error')).toBeVisible();
    await page.screenshot({ path: `${dir}/landing-failed-${size.name}.png`, fullPage: true });

    await page.getByLabel('Last name', { exact: true }).fill('García');
    await page.getByLabel('Last name', { exact: true }).fill('garcia');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('household-total')).toBeVisible();
    await page.getByLabel('Pay another amount', { exact: true }).check();
    await page.getByLabel('Amount in dollars', { exact: true }).fill('0.3');
    await page.screenshot({ path: `${dir}/pay-error-${size.name}.png`, fullPage: true });
    await page.getByLabel('Amount in dollars', { exact: true }).fill('150');
    await page.screenshot({ path: `${dir}/pay-${size.name}.png`, fullPage: true });
    await page.getByTestId('continue').click();
    await page.getByLabel('Card number', { exact: true }).fill('4000 0000 0000 0002');
    await page.getByTestId('pay').click();
    await expect(page.getByTestId('decline')).toBeVisible();
    await page.screenshot({ path: `${dir}/pay-declined-${size.name}.png`, fullPage: true });
    await page.getByLabel('Card number', { exact: true }).fill('4242 4242 4242 4242');
    await page.getByTestId('pay').click();
    await expect(page.getByTestId('waiting')).toBeVisible();
    await page.screenshot({ path: `${dir}/receipt-waiting-${size.name}.png`, fullPage: true });
    await expect(page.getByTestId('receipt')).toBeVisible();
    await page.screenshot({ path: `${dir}/receipt-${size.name}.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${dir}/receipt-print-${size.name}.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Español' }).click();
    await page.screenshot({ path: `${dir}/receipt-es-${size.name}.png`, fullPage: true });
  });
}

test('unknown practice', async ({ page }) => {
  await installMockGraphQL(page);
  await page.goto('/p/ZZZZZZ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find this page');
  await page.screenshot({ path: `${dir}/not-found.png`, fullPage: true });
});

test('STRIPE mode without reachable Stripe.js keeps the page working', async ({ page }) => {
  await page.route('https://js.stripe.com/**', (route) => route.abort());
  await installMockGraphQL(page, { provider: 'STRIPE' });
  await page.goto('/p/K7MX4Q');
  await page.getByLabel('Account number', { exact: true }).fill('100234');
  await page.getByLabel('Last name', { exact: true }).fill('Garcia');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('continue').click();
  await expect(page.getByText('The secure card form could not load.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Change amount' })).toBeEnabled();
  await page.screenshot({ path: `${dir}/pay-stripe-unavailable.png`, fullPage: true });
});
