import {
  expect,
  test,
  GARCIA,
  balanceCents,
  chargesOnPage,
  checkPage,
  expectPdf,
  fail,
  fileBytes,
  mailStore,
} from './support';

/**
 * The demo household's whole journey: landing → failed sign-in → sign-in → partial payment with 4242… → receipt
 * with the allocation the ledger made → PDF download → email received by the mail stand-in.
 */
test('partial payment from landing to emailed receipt', async ({ page }) => {
  await page.goto(`/p/${GARCIA.practice}?account=${GARCIA.account}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pay your bill online' })).toBeVisible();
  await expect(page.getByText('Bright Smiles Dental').first()).toBeVisible();
  await expect(page.getByLabel('Account number', { exact: true })).toHaveValue(GARCIA.account);
  await checkPage(page, 'landing');

  await page.getByLabel('Last name', { exact: true }).fill('Not-The-Name');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const failure = page.getByTestId('signin-error');
  await expect(failure).toContainText('We couldn’t sign you in with those details.');
  await expect(failure.locator('a[href^="tel:"]')).toBeVisible();
  await checkPage(page, 'landing-failed-sign-in');

  await page.getByLabel('Last name', { exact: true }).fill(GARCIA.lastName);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your balance' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/p/${GARCIA.practice}/pay$`));
  await checkPage(page, 'pay');

  // The expected allocation, computed here from what the page lists: oldest date first. The amount pays every
  // charge of the oldest date and part of the next date's only charge (or only the oldest date when the next date
  // has several charges), so the result does not depend on how same-date charges are ordered.
  const before = await balanceCents(page);
  const charges = await chargesOnPage(page);
  expect(charges.reduce((sum, c) => sum + c.cents, 0)).toBe(before);
  const dates = [...new Set(charges.map((c) => c.date))].sort();
  expect(dates.length).toBeGreaterThanOrEqual(2);
  const oldest = charges.filter((c) => c.date === dates[0]);
  const next = charges.filter((c) => c.date === dates[1]);
  const extra = next.length === 1 && next[0].cents > 100 ? Math.floor(next[0].cents / 2) : 0;
  const amountCents = oldest.reduce((sum, c) => sum + c.cents, 0) + extra;
  expect(amountCents).toBeLessThan(before);
  const expected = new Map(oldest.map((c) => [c.id, { applied: c.cents, remaining: 0 }]));
  if (extra > 0) {
    expected.set(next[0].id, { applied: extra, remaining: next[0].cents - extra });
  }
  const amountText = `${String(Math.floor(amountCents / 100))}.${String(amountCents % 100).padStart(2, '0')}`;

  // (That the page's preview — the server's allocationPreview — matches the receipt is 06-preview-matches-receipt.)
  await page.getByLabel('Pay another amount', { exact: true }).check();
  await page.getByLabel('Amount in dollars', { exact: true }).fill(amountText);
  await expect(page.getByTestId('preview')).toBeVisible();
  await checkPage(page, 'pay-partial-amount');

  await page.getByTestId('continue').click();
  await expect(page.getByTestId('test-mode')).toBeVisible();
  await checkPage(page, 'pay-card-form');
  await page.getByLabel('Card number', { exact: true }).fill('4242 4242 4242 4242');
  await page.getByTestId('pay').click();

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(new RegExp(`/p/${GARCIA.practice}/receipt/(?!pending)[^/?]+$`));
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', String(amountCents));
  await expect(page.getByTestId('method')).toContainText('4242');
  await expect(page.getByTestId('tx-id')).not.toBeEmpty();
  // The time carries its zone; the plain label replaces "Processor reference".
  await expect(page.getByTestId('paid-at')).toHaveText(/\d{1,2}:\d{2}\s?[AP]M [A-Z]{2,4}|GMT[+-]\d/);
  await expect(page.getByText('Card payment reference')).toBeVisible();
  await expect(page.getByText('Processor reference')).toHaveCount(0);
  const lines = await page.getByTestId('receipt-line').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-charge-id') ?? '',
      applied: Number(r.getAttribute('data-applied')),
      remaining: Number(r.getAttribute('data-remaining')),
    })),
  );
  expect(new Map(lines.map((l) => [l.id, { applied: l.applied, remaining: l.remaining }]))).toEqual(expected);
  await checkPage(page, 'receipt');

  // Download PDF: the one-time link is opened by the browser; whatever it does with it, the bytes are a PDF.
  const download = page.waitForEvent('download', { timeout: 30_000 }).catch(() => null);
  const pdfResponse = page
    .waitForResponse((r) => (r.headers()['content-type'] ?? '').includes('application/pdf'), { timeout: 30_000 })
    .catch(() => null);
  await page.getByTestId('download').click();
  const [file, response] = await Promise.all([download, pdfResponse]);
  if (file) {
    expectPdf(await fileBytes(await file.path()));
  } else {
    expect(response, 'the download link answered with a PDF').not.toBeNull();
    expectPdf(await (response ?? fail('no PDF response')).body());
  }
  if (!page.url().includes('/receipt/')) {
    await page.goBack();
    await expect(receipt).toBeVisible();
  }

  // Email: confirmation on the page, and the mail stand-in received it.
  const address = `e2e-${String(Date.now())}@example.com`;
  await page.getByLabel('Email address', { exact: true }).fill(address);
  await page.getByTestId('send-email').click();
  await expect(page.getByTestId('email-sent')).toContainText(address);
  await expect.poll(async () => (await mailStore(page)).includes(address), { timeout: 60_000 }).toBe(true);

  // Back to the balance: it went down by exactly the amount paid, and this visit's receipt is linked.
  const txId = ((await page.getByTestId('tx-id').textContent()) ?? '').trim();
  await page.getByRole('link', { name: 'Back to your balance' }).click();
  await expect(page.getByTestId('household-total')).toHaveAttribute('data-cents', String(before - amountCents));
  const visit = page.getByTestId('visit-receipts');
  await expect(visit.getByRole('link', { name: new RegExp(`Receipt ${txId}`) })).toHaveAttribute(
    'href',
    `/p/${GARCIA.practice}/receipt/${txId}`,
  );
  await expect(page).toHaveTitle('Your balance — Bright Smiles Dental');
});
