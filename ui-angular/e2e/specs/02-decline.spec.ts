import { expect, test, OBRIEN, balanceCents, checkPage, signIn } from './support';

/**
 * A decline keeps everything the patient chose: "another amount", $37.50. The error is shown by the card form and
 * takes focus; the retry with 4242… is charged $37.50, not the full balance.
 */
test('declined card keeps the chosen amount; the retry pays exactly that', async ({ page }) => {
  await signIn(page, OBRIEN);
  await expect(page.getByText('Disputed').first()).toBeVisible();
  const before = await balanceCents(page);
  expect(before).toBeGreaterThan(3750);

  await page.getByLabel('Pay another amount', { exact: true }).check();
  await page.getByLabel('Amount in dollars', { exact: true }).fill('37.50');
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('test-mode')).toBeVisible();
  await page.getByLabel('Card number', { exact: true }).fill('4000 0000 0000 0002');
  await page.getByTestId('pay').click();

  // Next to the card form, focused, readable; the page did not jump to the top or reset the amount.
  const decline = page.locator('.card-form').getByTestId('decline');
  await expect(decline).toBeVisible({ timeout: 60_000 });
  await expect(decline).toContainText('declined');
  await expect(decline).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/p/${OBRIEN.practice}/pay$`));
  await expect(page.getByText('You are paying $37.50')).toBeVisible();
  await expect(page.getByTestId('pay')).toHaveText(/Pay \$37\.50/);
  await checkPage(page, 'pay-declined');
  await expect(page.getByTestId('household-total')).toHaveAttribute('data-cents', String(before));

  // Retry right there: the card field is kept as typed (the simulated provider does not require clearing it).
  await expect(page.getByLabel('Card number', { exact: true })).toHaveValue('4000 0000 0000 0002');
  await page.getByLabel('Card number', { exact: true }).fill('4242424242424242');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', '3750');
  await expect(page.getByTestId('receipt-total')).toHaveText('$37.50');
});
