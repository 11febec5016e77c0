import { expect, test, OBRIEN, checkPage, passRecentPaymentWarning } from './support';

test.use({ locale: 'es-US' });

/** A Spanish-speaking browser gets Spanish by default, through sign-in errors, the pay page and the receipt. */
test('Spanish from landing to receipt', async ({ page }) => {
  await page.goto(`/p/${OBRIEN.practice}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pague su factura en línea' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByText('Escriba el número de cuenta de su factura.')).toBeVisible();
  await page.getByLabel('Número de cuenta', { exact: true }).fill(OBRIEN.account);
  await page.getByLabel('Apellido', { exact: true }).fill('Otro');
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByTestId('signin-error')).toContainText('No pudimos iniciar su sesión');
  await checkPage(page, 'es-landing-failed-sign-in');

  await page.getByLabel('Apellido', { exact: true }).fill(OBRIEN.lastName);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Su saldo' })).toBeVisible();
  await page.getByLabel('Pagar otra cantidad', { exact: true }).check();
  await page.getByLabel('Cantidad en dólares', { exact: true }).fill('0.10');
  await expect(page.getByTestId('amount-error')).toContainText('La cantidad mínima');
  await checkPage(page, 'es-pay');

  await page.getByLabel('Cantidad en dólares', { exact: true }).fill('1.25');
  await page.getByRole('button', { name: 'Continuar a los datos de la tarjeta' }).click();
  // Spec 02 paid for this household a minute ago: the recent-payment warning comes first, in Spanish.
  const warning = page.getByTestId('recent-warning');
  await expect(page.getByText('Modo de prueba').or(warning)).toBeVisible();
  if (await warning.isVisible()) {
    await expect(warning).toContainText('¿Quiere hacer otro pago?');
    await checkPage(page, 'es-recent-payment-warning');
  }
  await passRecentPaymentWarning(page);
  await expect(page.getByText('Modo de prueba')).toBeVisible();
  await page.getByLabel('Número de tarjeta', { exact: true }).fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: /Pagar/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recibo de pago' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Total pagado hoy')).toBeVisible();
  await checkPage(page, 'es-receipt');

  // Switching back to English is remembered.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment receipt' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment receipt' })).toBeVisible();
});
