import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { PRACTICE, answer, money, startApp, text, type } from '../../testing/graphql-backend';

function paymentStatus(status: string, txId: string | null = null, failureCode: string | null = null) {
  return {
    payment: {
      __typename: 'Payment',
      id: 'pay-1',
      status,
      txId,
      failureReason: failureCode ? 'Your card has insufficient funds.' : null,
      failureCode,
      amount: money(15000),
    },
  };
}

const RECEIPT = {
  receipt: {
    __typename: 'Receipt',
    txId: 'TX-7',
    providerReference: 'pi_123',
    paidAt: '2026-03-22T09:41:00-05:00',
    timeZone: 'America/Chicago',
    methodLabel: 'VISA ••••4242',
    total: money(15000),
    applied: money(15000),
    credit: money(0),
    guarantorName: 'Maria García',
    practice: PRACTICE,
    lines: [
      line('c1', 'Lucas García', '2026-01-12', 'Fluoride treatment', 3500, 3500, 0),
      line('c3', 'Maria García', '2026-01-12', 'Cleaning (adult)', 12000, 11500, 500),
    ],
  },
};

function line(id: string, patient: string, date: string, name: string, amount: number, applied: number, remaining: number) {
  return {
    __typename: 'ReceiptLine',
    chargeId: id,
    patientName: patient,
    serviceDate: date,
    procedureName: name,
    providerName: null,
    chargeAmount: money(amount),
    applied: money(applied),
    remaining: money(remaining),
  };
}

describe('ReceiptPage', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.setItem('pp.signedIn', '1');
  });

  it('waits visibly while the payment posts, then shows the itemized receipt grouped by patient', async () => {
    const harness = await startApp('/p/K7MX4Q/receipt/pending?payment=pay-1');
    expect(text(harness)).toContain('Your payment is being recorded');
    await answer(harness, 'PaymentStatus', { data: paymentStatus('PROCESSING') });
    await new Promise((r) => setTimeout(r, 600));
    await answer(harness, 'PaymentStatus', { data: paymentStatus('SUCCEEDED', 'TX-7') });
    expect(await answer(harness, 'Receipt', { data: RECEIPT })).toEqual({ txId: 'TX-7' });
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/receipt/TX-7');

    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="tx-id"]')!.textContent).toBe('TX-7');
    expect(page.querySelector('[data-testid="method"]')!.textContent).toBe('VISA ••••4242');
    expect(page.querySelector('[data-testid="receipt-total"]')!.textContent).toBe('$150.00');
    expect(page.querySelector('[data-testid="paid-at"]')!.textContent).toContain('March 22, 2026');
    const groups = [...page.querySelectorAll('[data-testid="receipt-patient"]')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['Patient: Lucas García', 'Patient: Maria García']);
    expect(groups[1].querySelector('[data-testid="line-applied"]')!.textContent).toBe('$115.00');
    expect(groups[1].querySelector('[data-testid="line-remaining"]')!.textContent).toBe('$5.00');
  });

  it('sends a failed payment back to the pay page with its reason', async () => {
    const harness = await startApp('/p/K7MX4Q/receipt/pending?payment=pay-1');
    await answer(harness, 'PaymentStatus', { data: paymentStatus('FAILED', null, 'insufficient_funds') });
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
    await answer(harness, 'Household', {
      data: { household: { __typename: 'Household', guarantorName: 'M', practice: PRACTICE, balance: money(100), credit: money(0), charges: [] } },
    });
    expect(text(harness)).toContain('Your card has insufficient funds.');
  });

  it('emails the receipt and confirms; an expired receipt still leaves Print', async () => {
    const harness = await startApp('/p/K7MX4Q/receipt/TX-7');
    await answer(harness, 'Receipt', { data: RECEIPT });
    const page = harness.routeNativeElement as HTMLElement;
    const form = page.querySelector<HTMLFormElement>('form.email')!;

    type(page.querySelector('#email')!, 'not-an-email');
    form.dispatchEvent(new Event('submit'));
    harness.detectChanges();
    expect(text(harness)).toContain('Enter a valid email address');

    type(page.querySelector('#email')!, 'maria@example.com');
    form.dispatchEvent(new Event('submit'));
    expect(await answer(harness, 'EmailReceipt', { data: { emailReceipt: { __typename: 'EmailReceiptResult', queued: true } } })).toEqual({
      txId: 'TX-7',
      email: 'maria@example.com',
    });
    expect(page.querySelector('[data-testid="email-sent"]')!.textContent).toContain('maria@example.com');

    page.querySelector<HTMLButtonElement>('[data-testid="download"]')!.click();
    await answer(harness, 'DownloadReceipt', { errorCode: 'NOT_FOUND' });
    expect(page.querySelector('[data-testid="action-error"]')!.textContent).toContain('Use Print to save a copy');
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    page.querySelector<HTMLButtonElement>('[data-testid="print"]')!.click();
    expect(print).toHaveBeenCalled();
    // The receipt itself is still on the page to print.
    expect(page.querySelector('[data-testid="receipt"]')).not.toBeNull();
  });
});
