import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import { answer, charge, household, money, startApp, text, type, verifyNoPending } from '../../testing/graphql-backend';

const CHARGES = [
  charge('lucas-jan', 'Lucas García', '2026-01-12', 'Fluoride treatment', 3500),
  charge('lucas-feb', 'Lucas García', '2026-02-20', 'Filling', 10000, { status: 'PARTIALLY_PAID', amount: money(18000) }),
  charge('maria-jan', 'Maria García', '2026-01-12', 'Cleaning (adult)', 12000),
  charge('sofia-mar', 'Sofia García', '2026-03-03', 'Sealants', 6000, { status: 'DISPUTED', disputed: true }),
];

function session(paymentId: string, cents: number) {
  return {
    startPayment: {
      __typename: 'PaymentSession',
      paymentId,
      provider: 'SIMULATED',
      clientSecret: `pi_${paymentId}_secret_x`,
      publishableKey: null,
      stripeAccount: null,
      amount: money(cents),
    },
  };
}

function payment(id: string, status: string, failureCode: string | null = null) {
  return {
    confirmSimulatedPayment: {
      __typename: 'Payment',
      id,
      status,
      txId: null,
      failureReason: failureCode ? 'Your card was declined.' : null,
      failureCode,
    },
  };
}

async function openPayPage(): Promise<{ harness: RouterTestingHarness; page: HTMLElement }> {
  const harness = await startApp('/p/K7MX4Q/pay');
  await answer(harness, 'Household', { data: household(CHARGES) });
  return { harness, page: harness.routeNativeElement as HTMLElement };
}

function submit(page: HTMLElement): void {
  page.querySelector('form')!.dispatchEvent(new Event('submit'));
}

async function chooseOther(harness: RouterTestingHarness, page: HTMLElement, amount: string): Promise<void> {
  const radio = page.querySelector<HTMLInputElement>('input[value="other"]')!;
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
  harness.detectChanges();
  type(page.querySelector('#amount')!, amount);
  harness.detectChanges();
}

describe('PayPage', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.setItem('pp.signedIn', '1');
  });

  it('lists open charges by patient, oldest first, with the household total and disputed charges marked', async () => {
    const { page } = await openPayPage();
    expect(page.querySelector('[data-testid="household-total"]')!.textContent).toContain('$315.00');
    const groups = [...page.querySelectorAll('[data-testid="patient-group"]')];
    expect(groups.map((g) => g.querySelector('h3 span')!.textContent!.trim())).toEqual([
      'Patient: Lucas García',
      'Patient: Maria García',
      'Patient: Sofia García',
    ]);
    const lucas = [...groups[0].querySelectorAll('.charge__procedure')].map((e) => e.textContent!.trim());
    expect(lucas).toEqual(['Fluoride treatment', 'Filling']);
    expect(groups[0].textContent).toContain('Partly paid');
    expect(groups[2].textContent).toContain('Disputed');
    expect(groups[2].textContent).toContain('Downtown');
  });

  it('says the full balance pays every charge', async () => {
    const { page } = await openPayPage();
    expect(page.querySelector('[data-testid="preview-full"]')!.textContent).toContain('This pays all 4 charges listed above in full.');
  });

  it('validates the amount as the patient types and previews what it pays, oldest first', async () => {
    const { harness, page } = await openPayPage();
    await chooseOther(harness, page, '0.30');
    expect(page.querySelector('[data-testid="amount-error"]')!.textContent).toContain('The smallest amount we can accept is $0.50');
    expect(page.querySelector('#amount')!.getAttribute('aria-invalid')).toBe('true');

    type(page.querySelector('#amount')!, '400');
    harness.detectChanges();
    expect(page.querySelector('[data-testid="amount-error"]')!.textContent).toContain('more than your balance of $315.00');

    type(page.querySelector('#amount')!, '50');
    harness.detectChanges();
    expect(page.querySelector('[data-testid="amount-error"]')).toBeNull();
    const lines = [...page.querySelectorAll('[data-testid="preview-line"]')].map((l) => l.textContent!.replace(/\s+/g, ' '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Fluoride treatment');
    expect(lines[0]).toContain('$35.00 paid');
    expect(lines[1]).toContain('Cleaning (adult)');
    expect(lines[1]).toContain('$15.00 paid · $105.00 left');
  });

  it('does not call the server with an invalid amount', async () => {
    const { harness, page } = await openPayPage();
    await chooseOther(harness, page, 'abc');
    submit(page);
    harness.detectChanges();
    expect(text(harness)).toContain('Enter an amount in dollars and cents');
    verifyNoPending();
  });

  it('pays with the test card: one idempotency key per submit, a decline can be retried, success goes to the receipt', async () => {
    const { harness, page } = await openPayPage();
    await chooseOther(harness, page, '150');
    submit(page);
    const first = await answer(harness, 'StartPayment', { data: session('pay-1', 15000) });
    expect(first['amountCents']).toBe(15000);
    expect(first['idempotencyKey']).toMatch(/^[0-9a-f-]{36}$/);
    expect(text(harness)).toContain('Test mode — no real card is charged');

    type(page.querySelector('#cardNumber')!, '4000 0000 0000 0002');
    submit(page);
    harness.detectChanges();
    expect(page.querySelector('[data-testid="pay"]')!.getAttribute('aria-disabled')).toBe('true');
    submit(page); // a double-click while the first submit runs does nothing
    const confirm = await answer(harness, 'ConfirmSimulatedPayment', { data: payment('pay-1', 'FAILED', 'card_declined') });
    expect(confirm).toEqual({ paymentId: 'pay-1', cardNumber: '4000000000000002' });
    expect(page.querySelector('[data-testid="decline"]')!.textContent).toContain('Your card was declined.');
    verifyNoPending();

    type(page.querySelector('#cardNumber')!, '4242424242424242');
    submit(page);
    const retry = await answer(harness, 'StartPayment', { data: session('pay-2', 15000) });
    expect(retry['idempotencyKey']).not.toBe(first['idempotencyKey']);
    await answer(harness, 'ConfirmSimulatedPayment', { data: payment('pay-2', 'PROCESSING') });
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/receipt/pending?payment=pay-2');
  });

  it('shows a readable error when the balance changed on the server', async () => {
    const { harness, page } = await openPayPage();
    submit(page);
    await answer(harness, 'StartPayment', { errorCode: 'AMOUNT_EXCEEDS_BALANCE' });
    expect(page.querySelector('[data-testid="call-error"]')!.textContent).toContain('Your balance changed');
    await answer(harness, 'Household', { data: household(CHARGES.slice(0, 2)) });
    expect(page.querySelector('[data-testid="household-total"]')!.textContent).toContain('$135.00');
  });

  it('offers no payment when nothing is owed', async () => {
    const harness = await startApp('/p/K7MX4Q/pay');
    await answer(harness, 'Household', { data: household([]) });
    expect(text(harness)).toContain('You have no balance due.');
    expect((harness.routeNativeElement as HTMLElement).querySelector('form')).toBeNull();
  });
});
