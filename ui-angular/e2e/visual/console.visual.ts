import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, fail } from '../specs/support';
import { installMockGraphQL } from './mock-graphql';

/**
 * The practice console against the SPA's one GraphQL mock (the server side of the console is another branch's work):
 * every page and state passes axe (WCAG 2.x A/AA), lays out at 320 px without sideways scrolling, works by keyboard
 * alone, and the patient's pages never download console code.
 */

const ADMIN = 'admin@brightsmiles.example';
const BILLING = 'billing@brightsmiles.example';
const SUPPORT = 'support@pmsvendor.example';
const PASSWORD = 'correct-horse-battery';
const OTP = '246810';

/** axe at desktop width, then nothing wider than the viewport at 320 px (WCAG 1.4.10 Reflow), then back. */
async function check(page: Page, name: string): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectAccessible(page, name);
  const size = page.viewportSize() ?? fail('the page has no fixed viewport');
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} at 320 px scrolls sideways`).toBeLessThanOrEqual(0);
  await expectAccessible(page, `${name} at 320 px`);
  await page.setViewportSize(size);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/console/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByTestId('staff-sign-in').click();
  if (email !== SUPPORT) {
    await page.getByLabel('Authenticator code', { exact: true }).fill(OTP);
    await page.getByTestId('staff-sign-in').click();
  }
  await expect(page.getByTestId('staff-sign-out')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    localStorage.setItem('pp.lang', 'en');
  });
});

test('sign-in states pass axe: form, errors, authenticator step, uniform failure', async ({ page }) => {
  await installMockGraphQL(page);
  await page.goto('/console/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice console' })).toBeVisible();
  await check(page, 'sign-in');
  await page.getByTestId('staff-sign-in').click();
  await expect(page.getByText('Enter your email.')).toBeVisible();
  await check(page, 'sign-in errors');
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByTestId('staff-sign-in').click();
  await expect(page.getByLabel('Authenticator code', { exact: true })).toBeFocused();
  await check(page, 'authenticator step');
  await page.getByLabel('Authenticator code', { exact: true }).fill('111111');
  await page.getByTestId('staff-sign-in').click();
  await expect(page.getByTestId('staff-sign-in-error')).toBeVisible();
  await check(page, 'sign-in failure');
});

test('every console page of an admin passes axe and reflows at 320 px, in English and Spanish', async ({ page }) => {
  test.setTimeout(180_000);
  await installMockGraphQL(page);
  await signIn(page, ADMIN);
  await expect(page.getByTestId('practice-list')).toBeVisible();
  await check(page, 'practices');

  await page.getByRole('link', { name: 'Bright Smiles Dental' }).click();
  await expect(page.getByTestId('payments-table')).toBeVisible();
  await check(page, 'payments');
  await page.getByLabel('Account number', { exact: true }).fill('nobody');
  await page.getByTestId('apply-filters').click();
  await expect(page.getByTestId('payments-empty')).toBeVisible();
  await check(page, 'payments empty');
  await page.getByLabel('Amount at least ($)').fill('ten');
  await page.getByTestId('apply-filters').click();
  await expect(page.getByText('Enter an amount in dollars and cents, like 25.00.')).toBeVisible();
  await check(page, 'payments filter error');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('csv-link')).toBeFocused();

  await page.getByRole('link', { name: 'TX-SK70001' }).click();
  await expect(page.getByTestId('allocations')).toBeVisible();
  await check(page, 'payment detail');
  await page.getByTestId('refund').click();
  await expect(page.getByTestId('refund-dialog')).toBeVisible();
  await check(page, 'refund dialog');
  await page.getByLabel('Part of it').check();
  await page.getByLabel('Amount to refund ($)').fill('5');
  await page.getByLabel('Reason').selectOption('REQUESTED_BY_CUSTOMER');
  await page.getByTestId('refund-review').click();
  await expect(page.getByTestId('refund-confirmation')).toBeVisible();
  await check(page, 'refund confirmation');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-status')).toHaveAttribute('data-outcome', 'pending');
  await check(page, 'refund pending');
  await expect(page.getByTestId('refund-status')).toHaveAttribute('data-outcome', 'posted', { timeout: 20_000 });
  await check(page, 'refund posted');

  await page.getByRole('link', { name: 'Receipt branding' }).click();
  await expect(page.getByTestId('branding-published')).toBeVisible();
  await check(page, 'branding');
  await page.getByLabel('Signature area text').fill('Dr. Ana Ruiz, DDS');
  await page.getByTestId('save-draft').click();
  await expect(page.getByTestId('draft-saved')).toBeVisible();
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('publish-dialog')).toBeVisible();
  await check(page, 'publish dialog');
  await page.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('published-now')).toBeVisible();

  await page.getByRole('link', { name: 'ROI and analytics' }).click();
  await expect(page.getByTestId('roi-source-table')).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(5);
  await check(page, 'roi');

  await page.getByRole('link', { name: 'Statement links' }).click();
  await page.getByLabel('Account number', { exact: true }).fill('100234');
  await page.getByTestId('statement-find').click();
  await expect(page.getByTestId('statement-qr')).toBeVisible();
  expect(await page.getByTestId('statement-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
    0,
  );
  await page.getByLabel('Or paste account numbers').fill('100234\nnot valid\n100235\n');
  await page.getByTestId('statement-check').click();
  await expect(page.getByTestId('csv-errors')).toBeVisible();
  await check(page, 'statements');

  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enlaces para estados de cuenta' })).toBeVisible();
  await check(page, 'statements (es)');
  await page.getByRole('link', { name: 'Pagos' }).click();
  await expect(page.getByTestId('payments-table')).toBeVisible();
  await check(page, 'payments (es)');
});

test('support: audited notice, read-only payment, operations with its dialog', async ({ page }) => {
  await installMockGraphQL(page);
  await signIn(page, SUPPORT);
  await expect(page.getByTestId('support-notice')).toBeVisible();
  await page.getByRole('link', { name: 'Lakeside Family Dentistry' }).click();
  await page.getByRole('link', { name: 'TX-SHR0001' }).click();
  await expect(page.getByTestId('refund-unavailable')).toBeVisible();
  await check(page, 'support payment detail');
  await page.getByRole('link', { name: 'Operations' }).click();
  await expect(page.getByTestId('dlq-depth')).toHaveText('3');
  await check(page, 'operations');
  await page.getByTestId('replay').click();
  await expect(page.getByTestId('replay-dialog')).toBeVisible();
  await check(page, 'replay dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('replay-dialog')).toBeHidden();
  await expect(page.getByTestId('replay')).toBeFocused();
});

test('the idle warning passes axe and "Stay signed in" keeps the session', async ({ page }) => {
  await page.clock.install();
  await installMockGraphQL(page);
  await signIn(page, BILLING);
  await expect(page.getByTestId('payments-table')).toBeVisible();
  await page.clock.fastForward(14 * 60_000);
  await expect(page.getByTestId('staff-timeout')).toBeVisible();
  await check(page, 'idle warning');
  await page.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(page.getByTestId('staff-timeout')).toBeHidden();
});

test('keyboard only: sign in, find a payment by account, refund $5.00 and see it pending', async ({ page }) => {
  await installMockGraphQL(page);
  await page.goto('/console/sign-in');
  const tabTo = async (locator: Locator, max = 40) => {
    for (let i = 0; i < max; i++) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${locator.toString()}`);
  };
  await tabTo(page.getByLabel('Email', { exact: true }));
  await page.keyboard.type(BILLING);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Authenticator code', { exact: true })).toBeFocused();
  await page.keyboard.type(OTP);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payments-table')).toBeVisible();

  await tabTo(page.getByLabel('Account number', { exact: true }));
  await page.keyboard.type('500000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-row')).toHaveCount(1);
  await tabTo(page.getByRole('link', { name: 'TX-SK70001' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Payment TX-SK70001' })).toBeFocused();

  await tabTo(page.getByTestId('refund'), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/Everything refundable/)).toBeFocused();
  await page.keyboard.press('ArrowDown'); // the "Part of it" radio
  await expect(page.getByLabel('Part of it')).toBeChecked();
  await tabTo(page.getByLabel('Amount to refund ($)'));
  await page.keyboard.type('5.00');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Reason')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // the first reason
  await expect(page.getByLabel('Reason')).toHaveValue('REQUESTED_BY_CUSTOMER');
  await tabTo(page.getByTestId('refund-review'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-confirm')).toBeFocused();
  await expect(page.getByTestId('refund-confirmation')).toContainText('Refund $5.00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-status')).toHaveAttribute('data-outcome', /pending|posted/);
  await expect(page.getByTestId('refund')).toBeFocused();
});

test('the patient’s pages never download console code', async ({ page }) => {
  await installMockGraphQL(page);
  const scripts: string[] = [];
  page.on('response', async (response) => {
    if (response.url().endsWith('.js')) scripts.push(await response.text());
  });
  await page.goto('/p/K7MX4Q?account=100234');
  await expect(page.getByText('Bright Smiles Dental').first()).toBeVisible();
  // Past the 2 s idle preload of the patient's other pages.
  await page.waitForTimeout(3500);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((body) => body.includes('app-console-shell') || body.includes('app-roi-chart'))).toEqual([]);
});
