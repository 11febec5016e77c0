import {
  expect,
  test,
  OBRIEN,
  balanceCents,
  checkPage,
  payWithTestCard,
  signIn,
} from './support';

/** A declined card (4000 0000 0000 0002) shows a readable reason, takes no money, and the patient can retry. */
test('declined card, then a successful retry', async ({ page }) => {
  await signIn(page, OBRIEN);
  await expect(page.getByText('Disputed').first()).toBeVisible();
  const before = await balanceCents(page);

  await payWithTestCard(page, '1.00', '4000 0000 0000 0002');
  const decline = page.getByTestId('decline');
  await expect(decline).toBeVisible({ timeout: 60_000 });
  await expect(decline).toContainText('declined');
  await checkPage(page, 'pay-declined');
  await expect(page.getByTestId('household-total')).toHaveAttribute('data-cents', String(before));

  // Retry from wherever the decline left the patient (card step on the pay page, or the amount step after polling).
  if (!(await page.getByLabel('Card number', { exact: true }).isVisible())) {
    await page.getByLabel('Pay another amount', { exact: true }).check();
    await page.getByLabel('Amount in dollars', { exact: true }).fill('1.00');
    await page.getByTestId('continue').click();
  }
  await page.getByLabel('Card number', { exact: true }).fill('4242424242424242');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', '100');
});
