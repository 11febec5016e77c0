import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { BILLING, SUPPORT, startApp, ui } from '../../../testing/graphql-backend';

const rows = () => Array.from(document.querySelectorAll('[data-testid="payment-row"]'));

describe('PaymentsPage', () => {
  it('lists the newest payments first, a page at a time, and loads the next page after the last cursor', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: BILLING });
    await ui.settle(app.harness, 6);
    expect(rows()).toHaveLength(25);
    expect(ui.find(document, '[data-testid="payments-count"]').textContent).toContain('Showing 25 of 60 payments.');
    const paid = rows().map((r) => r.getAttribute('data-tx'));
    expect(paid[0]).toBe('TX-SK70001');
    expect(app.api.calls('ConsolePayments')[0]?.variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      filter: {},
      first: 25,
      after: null,
    });

    ui.find(document, '[data-testid="load-more"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(rows()).toHaveLength(50);
    expect(app.api.calls('ConsolePayments')[1]?.variables['after']).toBe('cur-TX-SK70025');
    expect(document.activeElement?.closest('[data-row-index]')?.getAttribute('data-row-index')).toBe('25');
    ui.find(document, '[data-testid="load-more"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(rows()).toHaveLength(60);
    expect(document.querySelector('[data-testid="load-more"]')).toBeNull();
    expect(new Set(rows().map((r) => r.getAttribute('data-tx'))).size).toBe(60);
  });

  it('filters by account number and status, keeps the filters in the address, and shows an empty result as such', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: BILLING });
    await ui.settle(app.harness, 6);
    ui.type(ui.find(document, '#filter-account', HTMLInputElement), ' 500009 ');
    ui.check(ui.find(ui.findByText(document, 'label.check', 'Refunded'), 'input', HTMLInputElement));
    ui.submit(ui.find(document, '[data-testid="payment-filters"]'));
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsolePayments').variables['filter']).toEqual({
      accountNumber: '500009',
      statuses: ['REFUNDED'],
    });
    expect(TestBed.inject(Router).url).toBe('/console/pr-K7MX4Q/payments?account=500009&status=REFUNDED');
    expect(rows().map((r) => r.getAttribute('data-tx'))).toEqual(['TX-SK70010']);
    expect(rows()[0]?.textContent).toContain('Refunded');

    ui.type(ui.find(document, '#filter-account', HTMLInputElement), '999999');
    ui.submit(ui.find(document, '[data-testid="payment-filters"]'));
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="payments-empty"]').textContent).toContain(
      'No online payments match these filters.',
    );
  });

  it('restores the filters from the address (back from a payment)', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments?min=100&location=loc-na', { staff: BILLING });
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '#filter-min', HTMLInputElement).value).toBe('100');
    expect(app.api.calls('ConsolePayments')[0]?.variables['filter']).toEqual({
      locationId: 'loc-na',
      minAmountCents: 10000,
    });
    expect(rows().length).toBeGreaterThan(0);
  });

  it('reads an address with a repeated parameter (the first value; every status) instead of failing', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments?account=500009&account=1&status=REFUNDED&status=DISPUTED', {
      staff: BILLING,
    });
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '#filter-account', HTMLInputElement).value).toBe('500009');
    expect(app.api.lastCall('ConsolePayments').variables['filter']).toEqual({
      accountNumber: '500009',
      statuses: ['REFUNDED', 'DISPUTED'],
    });
    expect(rows().map((r) => r.getAttribute('data-tx'))).toEqual(['TX-SK70010']);
  });

  it.each([
    ['#filter-min', { '#filter-min': 'ten' }, 'Enter an amount in dollars and cents, like 25.00.'],
    [
      '#filter-max',
      { '#filter-min': '20', '#filter-max': '10' },
      'This amount must be at least the “Amount at least” amount.',
    ],
    [
      '#filter-to',
      { '#filter-from': '2026-03-02', '#filter-to': '2026-03-01' },
      'This date must be on or after the “Paid from” date.',
    ],
  ])('rejects a bad %s before asking the server, focusing it', async (selector, values, message) => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: BILLING });
    await ui.settle(app.harness, 6);
    for (const [field, value] of Object.entries(values)) ui.type(ui.find(document, field, HTMLInputElement), value);
    ui.submit(ui.find(document, '[data-testid="payment-filters"]'));
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain(message);
    expect(document.activeElement).toBe(ui.find(document, selector));
    expect(app.api.calls('ConsolePayments')).toHaveLength(1);
  });

  it('filters by location through the select, and clears', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: BILLING });
    await ui.settle(app.harness, 6);
    ui.choose(ui.find(document, '#filter-location', HTMLSelectElement), 'loc-dt');
    ui.submit(ui.find(document, '[data-testid="payment-filters"]'));
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsolePayments').variables['filter']).toEqual({ locationId: 'loc-dt' });
    ui.findByText(document, 'button', 'Clear filters', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsolePayments').variables['filter']).toEqual({});
    expect(TestBed.inject(Router).url).toBe('/console/pr-K7MX4Q/payments');
  });

  it.each([
    ['UPSTREAM_UNAVAILABLE', 'A service the console depends on is unavailable right now.'],
    ['FORBIDDEN', 'Your role does not allow this for this practice.'],
    ['BAD_USER_INPUT', 'Something entered isn’t valid.'],
    ['INTERNAL', 'Something went wrong on our side.'],
  ])('shows %s with its own message and a retry', async (code, message) => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: BILLING });
    await ui.settle(app.harness, 6);
    app.api.override('ConsolePayments', { errorCode: code });
    ui.submit(ui.find(document, '[data-testid="payment-filters"]'));
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="payments-error"]').textContent).toContain(message);
    ui.find(document, '[data-testid="payments-error"] button', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(rows()).toHaveLength(25);
  });

  it('sends UNAUTHENTICATED back to the staff sign-in, to come back here after', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments?account=100234', { staff: BILLING });
    await ui.settle(app.harness, 6);
    app.api.override('ConsolePayments', { errorCode: 'UNAUTHENTICATED' });
    ui.submit(ui.find(document, '[data-testid="payment-filters"]'));
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/console/sign-in');
    expect(ui.documentText()).toContain('Your console session ended for security.');
  });

  it('exports the filtered payments as a one-time CSV link, focused', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments?account=500001', { staff: BILLING });
    await ui.settle(app.harness, 6);
    ui.find(document, '[data-testid="export-csv"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsolePaymentsCsv').variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      filter: { accountNumber: '500001' },
    });
    const link = ui.find(document, '[data-testid="csv-link"]', HTMLAnchorElement);
    expect(link.getAttribute('href')).toMatch(/^\/mock-payments\.csv\?/);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(document.activeElement).toBe(link);
    expect(ui.documentText()).toContain('Works once, until');
  });

  it('is read-only for support, with the audited-access notice, in Spanish too', async () => {
    const app = await startApp('/console/pr-HR9T3W/payments', { staff: SUPPORT });
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="support-notice"]').textContent).toContain(
      'every page you open is recorded',
    );
    expect(ui.find(document, '[data-testid="role"]').textContent).toContain('Support (read-only)');
    TestBed.inject(I18n).use('es');
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('Pagos en línea');
    expect(ui.find(document, '[data-testid="support-notice"]').textContent).toContain('auditoría');
  });

  it('switches practice with the switcher, keeping the section and dropping the old practice’s filters', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments?location=loc-dt', { staff: SUPPORT });
    await ui.settle(app.harness, 6);
    expect(app.api.calls('ConsolePayments')[0]?.variables['filter']).toEqual({ locationId: 'loc-dt' });
    ui.choose(ui.find(document, '[data-testid="practice-switch"]', HTMLSelectElement), 'pr-HR9T3W');
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/console/pr-HR9T3W/payments');
    expect(app.api.lastCall('ConsolePayments').variables).toEqual({
      practiceId: 'pr-HR9T3W',
      filter: {},
      first: 25,
      after: null,
    });
    expect(ui.find(document, '#filter-location', HTMLSelectElement).value).toBe('');
    expect(rows()).toHaveLength(8);
  });
});
