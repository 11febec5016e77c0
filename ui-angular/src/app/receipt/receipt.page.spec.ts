import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { startApp, ui, type App } from '../../testing/graphql-backend';
import { ManualPollTimer } from '../../testing/manual-poll-timer';

/** The page's element matching `selector` (the test fails when there is none). */
const $ = (app: App, selector: string) => ui.find(app.page(), selector);
const $input = (app: App, selector: string) => ui.find(app.page(), selector, HTMLInputElement);
/** The page's element matching `selector`, or null: for asserting that it is absent. */
const $maybe = (app: App, selector: string) => app.page().querySelector(selector);

/** Signed in as 100234 with one payment of $150.00 made (posted as TX-000001), on its receipt page. */
async function paidReceipt(url = '/p/K7MX4Q/receipt/TX-000001'): Promise<App> {
  const app = await startApp('/p/K7MX4Q', { account: '100234' });
  app.api.handle({ operationName: 'StartPayment', variables: { amountCents: 15000 } }, '100234');
  app.api.handle(
    { operationName: 'ConfirmSimulatedPayment', variables: { paymentId: 'pay_1', cardNumber: '4242424242424242' } },
    '100234',
  );
  app.api.handle({ operationName: 'PaymentStatus', variables: { id: 'pay_1' } }, '100234');
  await app.harness.navigateByUrl(url);
  await ui.settle(app.harness, 8);
  return app;
}

describe('ReceiptPage', () => {
  it('waits visibly while the payment posts, then shows the itemized receipt grouped by patient', async () => {
    const polls = new ManualPollTimer();
    const app = await startApp('/p/K7MX4Q', { account: '100234', processingPolls: 1, providers: [polls.provider] });
    app.api.handle({ operationName: 'StartPayment', variables: { amountCents: 15000 } }, '100234');
    app.api.handle(
      { operationName: 'ConfirmSimulatedPayment', variables: { paymentId: 'pay_1', cardNumber: '4242424242424242' } },
      '100234',
    );
    await app.harness.navigateByUrl('/p/K7MX4Q/receipt/pending?payment=pay_1');
    await ui.settle(app.harness);
    expect(polls.scheduled()).toEqual([0]);
    polls.fire();
    await ui.settle(app.harness);
    // Still processing on the first look: the page waits visibly and looks again after 500 ms.
    expect(ui.text(app.harness)).toContain('Your payment is being recorded');
    expect(TestBed.inject(Title).getTitle()).toBe('Finishing your payment');
    expect(polls.scheduled()).toEqual([500]);
    polls.fire();
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/receipt/TX-000001');
    expect(polls.scheduled()).toEqual([]);

    expect($(app, '[data-testid="tx-id"]').textContent).toBe('TX-000001');
    expect($(app, '[data-testid="method"]').textContent).toBe('VISA ••••4242');
    expect($(app, '[data-testid="receipt-total"]').textContent).toBe('$150.00');
    const groups = [...app.page().querySelectorAll('[data-testid="receipt-patient"]')];
    expect(groups.map((g) => ui.find(g, 'h3').textContent)).toEqual(['Patient: Lucas García', 'Patient: Maria García']);
    const maria = groups[1] ?? ui.fail('no second patient');
    // The cells' text as shown (a table cell does not render the whitespace around it in the template).
    expect(ui.find(maria, '[data-testid="line-applied"]').textContent.trim()).toBe('$115.00');
    expect(ui.find(maria, '[data-testid="line-remaining"]').textContent.trim()).toBe('$5.00');
    expect(TestBed.inject(Title).getTitle()).toBe('Payment receipt TX-000001 — Bright Smiles Dental');
  });

  it('shows the payment time with its time zone, the remaining balance, and a plain reference label', async () => {
    const app = await paidReceipt();
    // 09:41 at UTC-5 in America/Chicago (daylight time).
    expect($(app, '[data-testid="paid-at"]').textContent).toMatch(/March 22, 2026.*9:41\sAM CDT/);
    expect($(app, '[data-testid="balance-after"]').dataset['cents']).toBe('25000');
    expect(ui.text(app.harness)).toMatch(/Remaining balance on your account\s*\$250\.00/);
    expect(ui.text(app.harness)).toContain('Card payment reference');
    expect(ui.text(app.harness)).not.toContain('Processor reference');

    TestBed.inject(I18n).use('es');
    await ui.settle(app.harness);
    expect($(app, '[data-testid="paid-at"]').textContent).toMatch(/22 de marzo de 2026.*9:41.*(CDT|GMT-5)/);
    expect(ui.text(app.harness)).toContain('Saldo pendiente de su cuenta');
    expect(TestBed.inject(Title).getTitle()).toBe('Recibo de pago TX-000001 — Bright Smiles Dental');
  });

  it('leaves out the remaining balance when the server does not know it', async () => {
    const app = await paidReceipt();
    const receipt = app.api.handle({ operationName: 'Receipt', variables: { txId: 'TX-000001' } }, '100234').json as {
      data: { receipt: Record<string, unknown> };
    };
    app.api.override('Receipt', { data: { receipt: { ...receipt.data.receipt, balanceAfter: null } } });
    await app.harness.navigateByUrl('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    await app.harness.navigateByUrl('/p/K7MX4Q/receipt/TX-000001');
    await ui.settle(app.harness, 8);
    expect($maybe(app, '[data-testid="receipt-total"]')).not.toBeNull();
    expect($maybe(app, '[data-testid="balance-after"]')).toBeNull();
  });

  it('sends a failed payment back to the pay page with its reason', async () => {
    const app = await startApp('/p/K7MX4Q', { account: '100234', processingPolls: 5 });
    app.api.handle({ operationName: 'StartPayment', variables: { amountCents: 15000 } }, '100234');
    app.api.handle(
      { operationName: 'ConfirmSimulatedPayment', variables: { paymentId: 'pay_1', cardNumber: '4000000000009995' } },
      '100234',
    );
    await app.harness.navigateByUrl('/p/K7MX4Q/receipt/pending?payment=pay_1');
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    expect(ui.text(app.harness)).toContain('Your card has insufficient funds.');
  });

  it('emails and downloads in the page’s language; an expired receipt still leaves Print', async () => {
    const app = await paidReceipt();
    TestBed.inject(I18n).use('es');
    await ui.settle(app.harness);
    const form = ui.find(app.page(), 'form.email', HTMLFormElement);

    ui.type($input(app, '#email'), 'not-an-email');
    ui.submit(form);
    await ui.settle(app.harness);
    expect(document.activeElement?.id).toBe('email');
    expect(app.api.calls('EmailReceipt')).toHaveLength(0);

    ui.type($input(app, '#email'), 'maria@example.com');
    ui.submit(form);
    await ui.settle(app.harness, 6);
    expect(app.api.calls('EmailReceipt')[0]?.variables).toEqual({
      txId: 'TX-000001',
      email: 'maria@example.com',
      locale: 'es',
    });
    expect($(app, '[data-testid="email-sent"]').textContent).toContain('maria@example.com');

    const assign = vi.fn();
    // The real location, but for `assign` (jsdom cannot navigate). jsdom's own `assign` is unforgeable (a proxy of
    // the location itself may not answer another one), so the proxy stands in front of an empty object.
    const real = window.location;
    const location = new Proxy({} as Location, {
      get: (_, key): unknown => (key === 'assign' ? assign : Reflect.get(real, key)),
    });
    vi.spyOn(window, 'location', 'get').mockReturnValue(location);
    ui.find(app.page(), '[data-testid="download"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.calls('DownloadReceipt')[0]?.variables).toEqual({ txId: 'TX-000001', locale: 'es' });
    expect(assign).toHaveBeenCalledWith('/mock-receipt.pdf?tx=TX-000001&locale=es');
    vi.restoreAllMocks();

    app.api.override('DownloadReceipt', { errorCode: 'NOT_FOUND' });
    ui.find(app.page(), '[data-testid="download"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect($(app, '[data-testid="action-error"]').textContent).toContain('Imprimir');
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    ui.find(app.page(), '[data-testid="print"]', HTMLButtonElement).click();
    expect(print).toHaveBeenCalled();
    expect($maybe(app, '[data-testid="receipt"]')).not.toBeNull();
  });

  it('lists the receipts of this visit on the balance page', async () => {
    const app = await paidReceipt();
    await app.harness.navigateByUrl('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    const list = $(app, '[data-testid="visit-receipts"]');
    expect(list.textContent).toContain('Receipts from this visit');
    const link = ui.find(list, 'a', HTMLAnchorElement);
    expect(link.textContent).toContain('Receipt TX-000001 — $150.00');
    expect(link.getAttribute('href')).toBe('/p/K7MX4Q/receipt/TX-000001');
    // Listed once: not again as "your last payment".
    expect($maybe(app, '[data-testid="last-receipt"]')).toBeNull();
  });

  it('says why a receipt cannot be shown under its heading, with the way back to the balance', async () => {
    const app = await startApp('/p/K7MX4Q', { account: '100234' });
    app.api.override('Receipt', { errorCode: 'NOT_FOUND' });
    await app.harness.navigateByUrl('/p/K7MX4Q/receipt/TX-000001');
    await ui.settle(app.harness, 8);
    expect($(app, 'h1').textContent).toBe('Payment receipt');
    expect($(app, '[role="alert"]').textContent).toContain('We couldn’t find what you asked for.');
    expect($(app, 'a.btn').getAttribute('href')).toBe('/p/K7MX4Q/pay');
    expect($maybe(app, '[data-testid="receipt"]')).toBeNull();
  });
});
