import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { money, seedHouseholds } from '../../testing/mock-api';
import { startApp, ui, type App } from '../../testing/graphql-backend';
import { ManualPollTimer } from '../../testing/manual-poll-timer';
import { PREVIEW_DEBOUNCE_MS } from './components/allocation-preview';
import { INLINE_WAIT_MS } from './components/card-step';

/** The page's element matching `selector` (the test fails when there is none). */
const $ = (app: App, selector: string) => ui.find(app.page(), selector);
const $input = (app: App, selector: string) => ui.find(app.page(), selector, HTMLInputElement);
/** The page's element matching `selector`, or null: for asserting that it is absent. */
const $maybe = (app: App, selector: string) => app.page().querySelector(selector);
const $$ = (app: App, selector: string) => [...app.page().querySelectorAll<HTMLElement>(selector)];

async function openPay(account = '100234', options: Parameters<typeof startApp>[1] = {}): Promise<App> {
  const app = await startApp('/p/K7MX4Q/pay', { account, ...options });
  await ui.settle(app.harness);
  return app;
}

async function chooseOther(app: App, amount: string): Promise<void> {
  ui.check($input(app, 'input[value="other"]'));
  await ui.settle(app.harness);
  ui.type($input(app, '#amount'), amount);
  await ui.wait(app.harness, PREVIEW_DEBOUNCE_MS + 20);
}

async function toCardStep(app: App, amount: string): Promise<void> {
  await chooseOther(app, amount);
  ui.submit($(app, '#amount-form'));
  await ui.settle(app.harness, 8);
}

async function payWithCard(app: App, card: string): Promise<void> {
  ui.type($input(app, '#cardNumber'), card);
  ui.submit($(app, '.card-form'));
  await ui.wait(app.harness, 400);
}

describe('PayPage', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
  });

  it('lists open charges by patient, oldest first, with subtotals that add up to the total', async () => {
    const app = await openPay();
    expect($(app, '[data-testid="household-total"]').textContent).toContain('$400.00');
    const groups = $$(app, '[data-testid="patient-group"]');
    expect(groups.map((g) => ui.find(g, 'h3 span').textContent.trim())).toEqual([
      'Patient: Lucas García',
      'Patient: Maria García',
      'Patient: Sofia García',
    ]);
    const lucas = groups[0] ?? ui.fail('no patient group');
    expect([...lucas.querySelectorAll('.charge__procedure')].map((e) => e.textContent.trim())).toEqual([
      'Fluoride treatment',
      'Filling, one surface (tooth-colored)',
    ]);
    expect(lucas.textContent).toContain('Partly paid');
    const subtotals = $$(app, '[data-testid="patient-payable"]').map((e) => Number(e.dataset['cents']));
    expect(subtotals.reduce((a, b) => a + b, 0)).toBe(40000);
    expect($maybe(app, '[data-testid="sums"]')).toBeNull(); // nothing disputed: listed = payable, no breakdown needed
  });

  it('labels disputed charges in words and states what is payable vs listed', async () => {
    const app = await openPay('100235');
    // 100235: crown $450 (partly paid), exam $75, and a disputed $118 evaluation.
    expect($(app, '[data-testid="household-total"]').textContent).toContain('$525.00');
    const disputed = $$(app, '[data-testid="charge"]').filter((c) => c.dataset['disputed'] === 'true');
    expect(disputed).toHaveLength(1);
    const evaluation = disputed[0] ?? ui.fail('no disputed charge');
    expect(ui.find(evaluation, '[data-testid="disputed-explain"]').textContent).toContain(
      'A card dispute about this charge is open: it can’t be paid online until the dispute is settled',
    );
    expect(evaluation.querySelector('[title]')).toBeNull(); // the explanation is text, not only a tooltip
    const sum = (id: string) => Number($(app, `[data-testid="${id}"]`).dataset['cents']);
    expect(sum('sum-listed')).toBe(64300);
    expect(sum('sum-disputed')).toBe(11800);
    expect(sum('sum-payable')).toBe(52500);
    expect(sum('sum-listed') - sum('sum-disputed')).toBe(sum('sum-payable'));
    expect(ui.text(app.harness)).toContain('Listed charges (3)');
    expect(ui.text(app.harness)).toContain('Under dispute, not payable now (1)');
    expect(ui.text(app.harness)).toContain('Payable now (2)');
    const subtotal = Number($(app, '[data-testid="patient-payable"]').dataset['cents']);
    expect(subtotal).toBe(52500);
    expect(ui.text(app.harness)).toContain('$118.00 under dispute');
  });

  it('says the full balance pays “2 of the 3 charges” from the server’s preview', async () => {
    const app = await openPay('100235');
    await ui.wait(app.harness, 50);
    expect(app.api.lastCall('AllocationPreview').variables).toEqual({ amountCents: 52500 });
    expect($(app, '[data-testid="preview-full"]').textContent).toContain(
      'This pays 2 of the 3 charges listed, in full. Charges under dispute are not included.',
    );
  });

  it('shows exactly the server’s allocation preview, not one of its own', async () => {
    const app = await openPay();
    // An allocation no client-side rule would produce: the page must show it as given.
    app.api.override(
      'AllocationPreview',
      () => ({
        household: {
          __typename: 'Household',
          allocationPreview: {
            __typename: 'AllocationPreview',
            amount: money(5000),
            lines: [
              { __typename: 'AllocationPreviewLine', chargeId: 'c4', applied: money(4000), remaining: money(4500) },
            ],
            credit: money(1000),
          },
        },
      }),
      false,
    );
    await chooseOther(app, '50');
    const lines = $$(app, '[data-testid="preview-line"]');
    expect(lines.map((l) => [l.dataset['chargeId'], l.dataset['applied'], l.dataset['remaining']])).toEqual([
      ['c4', '4000', '4500'],
    ]);
    expect(lines[0]?.textContent).toContain('X-rays, full mouth');
    expect(lines[0]?.textContent.replace(/\s+/g, ' ')).toContain('$40.00 paid · $45.00 left');
    expect($(app, '[data-testid="preview-credit"]').textContent).toContain('$10.00 will be kept as credit.');
  });

  it('previews the typed amount once the patient pauses, with the ledger’s order from the server', async () => {
    const app = await openPay('100235');
    await chooseOther(app, '500');
    expect(app.api.lastCall('AllocationPreview').variables).toEqual({ amountCents: 50000 });
    const lines = $$(app, '[data-testid="preview-line"]');
    // The disputed (oldest) evaluation is skipped: the crown, then part of the exam.
    expect(lines.map((l) => l.dataset['chargeId'])).toEqual(['o1', 'o3']);
    expect(ui.text(app.harness)).toContain('Charges under dispute are skipped.');
  });

  it('still lets the patient pay when the server cannot preview', async () => {
    const app = await openPay();
    app.api.override('AllocationPreview', { errorCode: 'INTERNAL' }, false);
    await chooseOther(app, '50');
    expect($(app, '[data-testid="preview-unavailable"]').textContent).toContain('You can still pay');
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    expect(app.api.calls('StartPayment')).toHaveLength(1);
    expect($maybe(app, '[data-testid="test-mode"]')).not.toBeNull();
  });

  it('validates the amount as the patient types and does not call the server with an invalid one', async () => {
    const app = await openPay();
    await chooseOther(app, '0.30');
    expect($(app, '[data-testid="amount-error"]').textContent).toContain('The smallest amount we can accept is $0.50');
    expect($(app, '#amount').getAttribute('aria-invalid')).toBe('true');
    ui.type($input(app, '#amount'), '500');
    await ui.settle(app.harness);
    expect($(app, '[data-testid="amount-error"]').textContent).toContain('more than your balance of $400.00');
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness);
    expect(document.activeElement?.id).toBe('amount');
    expect(app.api.calls('StartPayment')).toHaveLength(0);
    expect(app.api.calls('AllocationPreview').map((c) => c.variables['amountCents'])).not.toContain(50000);
  });

  it('a decline keeps the amount, shows the error by the card form with focus on it; the retry is a new payment', async () => {
    const app = await openPay();
    await toCardStep(app, '37.50');
    const first = (app.api.calls('StartPayment')[0] ?? ui.fail('no StartPayment request')).variables;
    expect(first['amountCents']).toBe(3750);
    expect(first['idempotencyKey']).toMatch(/^[0-9a-f-]{36}$/);

    await payWithCard(app, '4000 0000 0000 0002');
    const decline = $(app, '.card-form [data-testid="decline"]');
    expect(decline.textContent).toContain('Your card was declined.');
    expect(document.activeElement).toBe(decline);
    expect(ui.text(app.harness)).toContain('You are paying $37.50');
    expect($input(app, '#cardNumber').value).toBe('4000 0000 0000 0002'); // not cleared
    expect($input(app, '#cardNumber').getAttribute('aria-describedby')).toContain('decline');
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');

    // Change amount: the choice is still "another amount", $37.50.
    ui.find(app.page(), '[data-testid="change-amount"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect($input(app, 'input[value="other"]').checked).toBe(true);
    expect($input(app, '#amount').value).toBe('37.50');
    expect(document.activeElement?.id).toBe('amount-title');

    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    await payWithCard(app, '4242424242424242');
    const retry = app.api.lastCall('StartPayment').variables;
    expect(retry['amountCents']).toBe(3750);
    expect(retry['idempotencyKey']).not.toBe(first['idempotencyKey']);
    await ui.wait(app.harness, 100);
    expect(TestBed.inject(Router).url).toMatch(/^\/p\/K7MX4Q\/receipt\/TX-000001$/);
  });

  it('a decline right after a retry from the same card step starts a new payment for the same amount', async () => {
    const app = await openPay();
    await toCardStep(app, '37.50');
    await payWithCard(app, '4000 0000 0000 0002');
    await payWithCard(app, '4000 0000 0000 9995');
    expect($(app, '[data-testid="decline"]').textContent).toContain('insufficient funds');
    expect(app.api.calls('StartPayment').map((c) => c.variables['amountCents'])).toEqual([3750, 3750]);
    await payWithCard(app, '4242 4242 4242 4242');
    await ui.wait(app.harness, 100);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/receipt/TX-000001');
    expect([...app.api.payments.values()].map((p) => p.status)).toEqual(['FAILED', 'FAILED', 'SUCCEEDED']);
  });

  it('a decline the receipt page learns of reopens the card step with the amount as chosen', async () => {
    // The card step stops waiting at once: the payment is still processing, the receipt page waits on.
    const polls = new ManualPollTimer();
    const app = await openPay('100234', {
      processingPolls: 1000,
      providers: [{ provide: INLINE_WAIT_MS, useValue: 0 }, polls.provider],
    });
    await toCardStep(app, '37.50');
    await payWithCard(app, '4242 4242 4242 4242');
    await ui.wait(app.harness, 50);
    expect(TestBed.inject(Router).url).toMatch(/^\/p\/K7MX4Q\/receipt\/pending\?payment=pay_1$/);
    polls.fire();
    await ui.settle(app.harness);
    expect(TestBed.inject(Router).url).toMatch(/^\/p\/K7MX4Q\/receipt\/pending\?payment=pay_1$/);
    (app.api.payments.get('pay_1') ?? ui.fail('no payment pay_1')).status = 'FAILED';
    polls.fire();
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    expect($(app, '[data-testid="decline"]').textContent).toContain('Your card was declined.');
    expect(ui.text(app.harness)).toContain('You are paying $37.50');
    ui.find(app.page(), '[data-testid="change-amount"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect($input(app, '#amount').value).toBe('37.50');
  });

  it('shows a readable error when the balance changed on the server, and the new balance', async () => {
    const app = await openPay();
    (app.api.households['100234']?.charges[0] ?? ui.fail('no charge')).balanceCents = 0; // paid elsewhere meanwhile
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 10);
    expect($(app, '[data-testid="call-error"]').textContent).toContain('Your balance changed');
    expect($(app, '[data-testid="household-total"]').textContent).toContain('$365.00');
  });

  it('an answer without data is a fault on our side, not the patient’s connection', async () => {
    const app = await openPay();
    app.api.override('StartPayment', { data: null });
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 10);
    const error = $(app, '[data-testid="call-error"]').textContent;
    expect(error).toContain('Something went wrong on our side');
    expect(error).not.toContain('connection');
    expect($maybe(app, '.card-form')).toBeNull();
  });

  it('offers no payment when nothing is owed', async () => {
    const app = await openPay('100234', {
      households: {
        '100234': {
          practice: 'K7MX4Q',
          lastName: 'garcia',
          guarantorName: 'Maria García',
          creditCents: 0,
          charges: [],
        },
      },
    });
    expect(ui.text(app.harness)).toContain('You have no balance due.');
    expect(app.page().querySelector('form')).toBeNull();
  });

  it('shows the household credit', async () => {
    const households = seedHouseholds();
    (households['100234'] ?? ui.fail('no household 100234')).creditCents = 1250;
    const app = await openPay('100234', { households });
    expect($(app, '[data-testid="credit"]').textContent).toContain('Credit on your account: $12.50');
  });

  it('follows the language in the document title', async () => {
    const app = await openPay();
    expect(TestBed.inject(Title).getTitle()).toBe('Your balance — Bright Smiles Dental');
    TestBed.inject(I18n).use('es');
    await ui.settle(app.harness);
    expect(TestBed.inject(Title).getTitle()).toBe('Su saldo — Bright Smiles Dental');
    expect(document.documentElement.lang).toBe('es');
  });

  it('says so under its heading when the balance cannot be loaded, and "Try again" asks again', async () => {
    const app = await startApp('/p/K7MX4Q', { account: '100234' });
    app.api.override('Household', { errorCode: 'UPSTREAM_UNAVAILABLE' });
    await app.harness.navigateByUrl('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    expect($(app, 'h1').textContent).toBe('Your balance');
    expect($(app, '[role="alert"]').textContent).toContain('Our system is busy right now.');
    expect($maybe(app, '[data-testid="household-total"]')).toBeNull();

    ui.find(app.page(), 'button', HTMLButtonElement).click();
    await ui.settle(app.harness, 8);
    expect(app.api.calls('Household')).toHaveLength(2);
    expect($maybe(app, '[role="alert"]')).toBeNull();
    expect($maybe(app, '[data-testid="household-total"]')).not.toBeNull();
  });
});

describe('PayPage with a recent payment (two tabs)', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
  });

  function recentPayment(app: App, status: 'SUCCEEDED' | 'PROCESSING') {
    app.api.payments.set('other', {
      id: 'other',
      account: '100234',
      amountCents: 6000,
      status,
      card: '4242424242424242',
      polls: 0,
      txId: status === 'SUCCEEDED' ? 'TX-OTHER' : null,
      createdAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    });
  }

  it('warns before another payment starts, and pays only when the patient says so', async () => {
    const app = await openPay();
    recentPayment(app, 'SUCCEEDED');
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    const warning = $(app, '[data-testid="recent-warning"]');
    expect(warning.getAttribute('role')).toBe('alertdialog');
    expect(warning.textContent).toContain('A payment of $60.00 was made 3 minutes ago.');
    expect(document.activeElement).toBe(warning);
    expect(ui.find(warning, 'a').getAttribute('href')).toBe('/p/K7MX4Q/receipt/TX-OTHER');
    expect(app.api.calls('StartPayment')).toHaveLength(0);

    ui.find(app.page(), '[data-testid="dont-pay"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect($maybe(app, '[data-testid="recent-warning"]')).toBeNull();
    expect(app.api.calls('StartPayment')).toHaveLength(0);

    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    ui.find(app.page(), '[data-testid="pay-anyway"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 8);
    expect(app.api.calls('StartPayment')).toHaveLength(1);
    expect($maybe(app, '[data-testid="test-mode"]')).not.toBeNull();
  });

  it('warns about a payment still processing elsewhere', async () => {
    const app = await openPay();
    recentPayment(app, 'PROCESSING');
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    expect($(app, '[data-testid="recent-warning"]').textContent).toContain(
      'started 3 minutes ago is still being processed',
    );
  });

  it('does not warn about a payment this tab started and left without paying', async () => {
    const app = await openPay();
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    ui.find(app.page(), '[data-testid="change-amount"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    expect($maybe(app, '[data-testid="recent-warning"]')).toBeNull();
    expect(app.api.calls('StartPayment')).toHaveLength(2);
  });

  it('pays without a warning when recent payments cannot be read', async () => {
    const app = await openPay();
    recentPayment(app, 'SUCCEEDED');
    app.api.override('RecentPayments', { errorCode: 'INTERNAL' }, false);
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 8);
    expect($maybe(app, '[data-testid="recent-warning"]')).toBeNull();
    expect(app.api.calls('StartPayment')).toHaveLength(1);
  });

  it('links the last receipt on the balance page', async () => {
    const app = await startApp('/p/K7MX4Q', { account: '100234' });
    recentPayment(app, 'SUCCEEDED');
    await app.harness.navigateByUrl('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    const last = $(app, '[data-testid="last-receipt"]');
    expect(last.textContent).toContain('Your last payment: $60.00, 3 minutes ago.');
    expect(ui.find(last, 'a').getAttribute('href')).toBe('/p/K7MX4Q/receipt/TX-OTHER');
  });
});

describe('PayPage sticky summary bar (phones)', () => {
  let visible = true;
  let observers: { callback: IntersectionObserverCallback }[] = [];

  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
    observers = [];
    visible = true;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(readonly callback: IntersectionObserverCallback) {
          observers.push(this);
        }
        observe(): void {
          this.callback(
            [{ isIntersecting: visible } as IntersectionObserverEntry],
            this as unknown as IntersectionObserver,
          );
        }
        disconnected = false;
        disconnect(): void {
          this.disconnected = true;
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('repeats the amount and Continue while the form’s button is out of view, and continues from there', async () => {
    visible = false;
    const app = await openPay();
    const bar = $(app, '[data-testid="sticky-bar"]');
    expect(bar.getAttribute('role')).toBe('region');
    expect(bar.getAttribute('aria-label')).toBe('Payment summary');
    expect(bar.getAttribute('aria-hidden')).toBeNull();
    expect($(app, '[data-testid="sticky-amount"]').textContent).toContain('$400.00');
    const button = ui.find(app.page(), '[data-testid="sticky-continue"]', HTMLButtonElement);
    expect(button.getAttribute('form')).toBe('amount-form');
    expect(button.type).toBe('submit');

    await chooseOther(app, '37.50');
    expect($(app, '[data-testid="sticky-amount"]').textContent).toContain('$37.50');
    button.click();
    await ui.settle(app.harness, 8);
    expect(app.api.lastCall('StartPayment').variables['amountCents']).toBe(3750);
  });

  it('is not there while the form’s own Continue button is in view', async () => {
    visible = true;
    const app = await openPay();
    expect($maybe(app, '[data-testid="sticky-bar"]')).toBeNull();
    (observers[0] ?? ui.fail('no IntersectionObserver')).callback(
      [{ isIntersecting: false } as IntersectionObserverEntry],
      {} as IntersectionObserver,
    );
    await ui.settle(app.harness);
    expect($maybe(app, '[data-testid="sticky-bar"]')).not.toBeNull();
  });
});
