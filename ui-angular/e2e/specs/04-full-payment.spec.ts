import { expect, test, NGUYEN_SMITH, balanceCents, payWithTestCard, signIn } from './support';

/** Paying the full balance leaves nothing owed (runs after the partial payments; its own household). */
test('full payment leaves a zero balance', async ({ page }) => {
  await signIn(page, NGUYEN_SMITH);
  const before = await balanceCents(page);
  expect(before).toBeGreaterThan(0);

  await payWithTestCard(page, null, '4242 4242 4242 4242');
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', String(before));
  const remaining = await page
    .getByTestId('receipt-line')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-remaining'))));
  expect(remaining.every((cents) => cents === 0)).toBe(true);

  await page.getByRole('link', { name: 'Back to your balance' }).click();
  await expect(page.getByTestId('household-total')).toHaveAttribute('data-cents', '0');
  await expect(page.getByTestId('zero-balance')).toBeVisible();
  await expect(page.getByTestId('continue')).toHaveCount(0);
});
