import { TOTP } from 'otpauth';
import type { Browser, Page } from '@playwright/test';
import { KOWALSKI, balanceCents, checkPage, expect, expectPdf, fail, payWithTestCard, signIn, test } from './support';

/**
 * Issue 14's "Done when", against the real stack: a patient pays $25.00 → staff signs in with the second factor,
 * finds the payment by account number, opens the receipt (after publishing branding), refunds $5.00 → the patient's
 * balance shows $5.00 owed again, the console shows the refund posted, and the ROI of that day counts it (net).
 *
 * The staff credentials come from the DEMO line (`console= staff= password= otp=`), which scripts/with-demo.sh exports
 * as DEMO_CONSOLE_URL, DEMO_STAFF, DEMO_PASSWORD and DEMO_OTP (E2E_STAFF, E2E_PASSWORD, E2E_OTP override them).
 * `otp` is a base32 TOTP secret (RFC 6238, 30 s, 6 digits, SHA-1: the authenticator apps' default) or a fixed
 * 6-digit demo code.
 */
const STAFF = setting('E2E_STAFF', 'DEMO_STAFF');
const PASSWORD = setting('E2E_PASSWORD', 'DEMO_PASSWORD');
const OTP = setting('E2E_OTP', 'DEMO_OTP');

/** The first of these environment variables that is set and not empty, or null. */
function setting(...names: string[]): string | null {
  return names.map((name) => process.env[name]).find((value) => value !== undefined && value !== '') ?? null;
}

/** The authenticator code for now: a fixed demo code as is, else TOTP of the base32 secret. */
function authenticatorCode(): string {
  if (OTP === null) throw new Error('DEMO_OTP is not set (the demo prints it as otp=…)');
  if (/^\d{6}$/.test(OTP)) return OTP;
  return new TOTP({ secret: OTP, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
}

async function staffSignIn(page: Page): Promise<void> {
  if (STAFF === null || PASSWORD === null)
    throw new Error('DEMO_STAFF / DEMO_PASSWORD are not set (the demo prints staff= and password=)');
  await page.goto('/console/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(STAFF);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByTestId('staff-sign-in').click();
  const code = page.getByLabel('Authenticator code', { exact: true });
  await expect(code).toBeFocused();
  await checkPage(page, 'console-otp');
  // A code in its last seconds may expire on the way: wait for the next period then.
  if (30 - (Math.floor(Date.now() / 1000) % 30) < 3) await page.waitForTimeout(3500);
  await code.fill(authenticatorCode());
  await page.getByTestId('staff-sign-in').click();
  await expect(page.getByTestId('staff-sign-out')).toBeVisible();
  // A member of several practices chooses the demo household's.
  if (await page.getByTestId('practice-list').isVisible()) {
    await page.getByRole('link', { name: 'Bright Smiles Dental' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Online payments' })).toBeVisible();
}

/** Online collections per day on the ROI page (default range: the last 90 days), in cents. */
async function onlineByDay(page: Page): Promise<Map<string, number>> {
  await page.getByRole('link', { name: 'ROI and analytics' }).click();
  await expect(page.getByTestId('roi-day-table')).toBeAttached({ timeout: 30_000 });
  const rows = await page.locator('[data-testid="roi-day-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const date = tr.getAttribute('data-date');
      const cents = tr.querySelector('td')?.getAttribute('data-cents');
      if (date === null || cents === null || cents === undefined) {
        throw new Error(`An ROI day row without data-date or data-cents: ${tr.outerHTML}`);
      }
      return [date, Number(cents)] as const;
    }),
  );
  return new Map(rows);
}

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  return context.newPage();
}

test('a $25.00 payment refunded $5.00 from the console: owed again, posted, counted in that day’s ROI', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  // Staff, in their own browser: the ROI before the payment.
  const staff = await newPage(browser, baseURL);
  await staffSignIn(staff);
  const practiceUrl = staff.url().replace(/\/payments.*$/, '');
  const before = await onlineByDay(staff);

  // The patient pays $25.00.
  await signIn(page, KOWALSKI);
  await payWithTestCard(page, '25.00', '4242 4242 4242 4242');
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', '2500');
  const txId = ((await page.getByTestId('tx-id').textContent()) ?? fail('the receipt shows no transaction id')).trim();
  await page.getByRole('link', { name: 'Back to your balance' }).click();
  const owedAfterPayment = await balanceCents(page);

  // Receipt branding published (when this staff member may), then the payment found by account number.
  await staff.goto(`${practiceUrl}/payments`);
  if (await staff.getByRole('link', { name: 'Receipt branding' }).isVisible()) {
    await staff.getByRole('link', { name: 'Receipt branding' }).click();
    await staff.getByLabel('Signature area text').fill('Received with thanks — e2e');
    await staff.getByTestId('save-draft').click();
    await expect(staff.getByTestId('draft-saved')).toBeVisible();
    await staff.getByTestId('publish').click();
    await staff.getByTestId('publish-confirm').click();
    await expect(staff.getByTestId('published-now')).toBeVisible();
    await expect(staff.getByTestId('branding-published')).toContainText('Received with thanks — e2e');
    await staff.getByRole('link', { name: 'Payments' }).click();
  }
  await staff.getByLabel('Account number', { exact: true }).fill(KOWALSKI.account);
  await staff.getByTestId('apply-filters').click();
  const row = staff.locator(`[data-testid="payment-row"][data-tx="${txId}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.locator('[data-cents]')).toHaveAttribute('data-cents', '2500');
  await checkPage(staff, 'console-payments');
  await row.getByRole('link', { name: txId }).click();
  await expect(staff.getByTestId('allocations')).toBeVisible();
  await expect(staff.getByTestId('detail-amount')).toHaveAttribute('data-cents', '2500');

  // The receipt PDF through its one-time link.
  await staff.getByTestId('open-receipt').click();
  const href = await staff.getByTestId('receipt-link').getAttribute('href');
  const pdf = await staff.request.get(new URL(href ?? fail('the receipt link has no href'), staff.url()).toString());
  expect(pdf.ok()).toBe(true);
  expectPdf(await pdf.body());

  // Refund $5.00: pending until the processor's event posts it to the ledger.
  await staff.getByTestId('refund').click();
  await staff.getByLabel('Part of it').check();
  await staff.getByLabel('Amount to refund ($)').fill('5.00');
  await staff.getByLabel('Reason').selectOption('REQUESTED_BY_CUSTOMER');
  await staff.getByTestId('refund-review').click();
  await expect(staff.getByTestId('refund-confirmation')).toContainText('Refund $5.00');
  await staff.getByTestId('refund-confirm').click();
  await expect(staff.getByTestId('refund-status')).toHaveAttribute('data-outcome', 'posted', { timeout: 90_000 });
  await expect(staff.getByTestId('detail-refunded')).toHaveAttribute('data-cents', '500');
  await expect(staff.locator('[data-testid="timeline-entry"][data-kind="REFUND"]')).toHaveAttribute(
    'data-status',
    'SUCCEEDED',
  );
  await checkPage(staff, 'console-refund-posted');

  // The patient owes $5.00 more again.
  await page.reload();
  await expect(page.getByTestId('household-total')).toHaveAttribute('data-cents', String(owedAfterPayment + 500), {
    timeout: 30_000,
  });

  // The ROI of that day counts the payment net of the refund; no other day changed.
  const after = await onlineByDay(staff);
  const changed = [...after].filter(([day, cents]) => cents !== (before.get(day) ?? 0));
  expect(changed.map(([day, cents]) => [day, cents - (before.get(day) ?? 0)])).toEqual([[expect.any(String), 2000]]);
  await checkPage(staff, 'console-roi');
});
