import { TestBed } from '@angular/core/testing';
import {
  ADMIN,
  SUPPORT,
  choose,
  documentText,
  el,
  patientPays,
  settle,
  startApp,
  submit,
  type,
  wait,
  type App,
} from '../../../testing/graphql-backend';
import type { MockApi } from '../../../testing/mock-api';
import { REFUND_POLL } from './payment-detail.page';

const owed = (api: MockApi, account: string) => api.households[account].charges.reduce((s, c) => s + c.balanceCents, 0);
const button = (label: string) =>
  Array.from(document.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.includes(label))!;

async function openDetail(staff: string, tx?: string): Promise<App & { tx: string }> {
  const app = await startApp('/console/sign-in', { staff });
  const id = tx ?? patientPays(app.api, '100234', 'garcia', 2500);
  await app.harness.navigateByUrl(`/console/pr-K7MX4Q/payments/${id}`);
  await settle(app.harness, 6);
  return Object.assign(app, { tx: id });
}

describe('PaymentDetailPage', () => {
  const poll = { ...REFUND_POLL };
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
    REFUND_POLL.ms = 5;
  });
  afterEach(() => Object.assign(REFUND_POLL, poll));

  it('shows what the payment paid per charge, its timeline and its audit trail', async () => {
    const app = await openDetail(ADMIN);
    expect(el('[data-testid="detail-amount"]').getAttribute('data-cents')).toBe('2500');
    expect(el('[data-testid="detail-status"]').textContent).toContain('Paid');
    const allocations = Array.from(document.querySelectorAll('[data-testid="allocation"]')).map((r) =>
      Array.from(r.querySelectorAll('td'), (td) => td.textContent!.replace(/\s+/g, ' ').trim()).join(' | '),
    );
    // Oldest date of service first: $25.00 goes to Lucas's fluoride treatment ($35.00) of 2026-01-12.
    expect(allocations).toEqual([
      'Lucas García | Jan 12, 2026 | Fluoride treatment (D0150) | Downtown | $25.00 | $10.00',
    ]);
    expect(el('[data-testid="timeline-empty"]')).toBeTruthy();
    expect(
      Array.from(document.querySelectorAll('[data-testid="audit-row"]')).map((r) => r.getAttribute('data-action')),
    ).toEqual(['PAYMENT_POSTED']);
    expect(documentText()).toContain(`Payment ${app.tx}`);
  });

  it('refunds $5.00 of $25.00: confirmation, one request with an idempotency key, pending until the ledger posts it', async () => {
    const app = await openDetail(ADMIN);
    const before = owed(app.api, '100234');
    el<HTMLButtonElement>('[data-testid="refund"]').click();
    await settle(app.harness);
    expect(el<HTMLDialogElement>('[data-testid="refund-dialog"]').open).toBe(true);
    const partial = el<HTMLInputElement>('input[name="refund-mode"][value="partial"]');
    partial.checked = true;
    partial.dispatchEvent(new Event('change'));
    await settle(app.harness);
    type(el<HTMLInputElement>('#refund-amount'), '5.00');
    choose(el<HTMLSelectElement>('#refund-reason'), 'REQUESTED_BY_CUSTOMER');
    submit(el('[data-testid="refund-dialog"] form'));
    await settle(app.harness);
    expect(el('[data-testid="refund-confirmation"]').textContent).toContain(
      'Refund $5.00 to VISA ••••4242 (reason: The patient asked for it)?',
    );
    expect(app.api.calls('ConsoleRefundPayment')).toHaveLength(0);

    el<HTMLButtonElement>('[data-testid="refund-confirm"]').click();
    el<HTMLButtonElement>('[data-testid="refund-confirm"]').click();
    await settle(app.harness, 4);
    const calls = app.api.calls('ConsoleRefundPayment');
    expect(calls).toHaveLength(1);
    expect(calls[0].variables).toEqual({
      transactionId: app.tx,
      amountCents: 500,
      reason: 'REQUESTED_BY_CUSTOMER',
      note: null,
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    });
    expect(el<HTMLDialogElement>('[data-testid="refund-dialog"]').open).toBe(false);
    expect(el('[data-testid="refund-status"]').getAttribute('data-outcome')).toBe('pending');
    expect(el('[data-testid="refund-status"]').textContent).toContain('Refund of $5.00 requested.');

    await wait(app.harness, 60);
    expect(el('[data-testid="refund-status"]').getAttribute('data-outcome')).toBe('posted');
    expect(el('[data-testid="detail-refunded"]').getAttribute('data-cents')).toBe('500');
    expect(el('[data-testid="detail-refundable"]').getAttribute('data-cents')).toBe('2000');
    expect(el('[data-testid="detail-status"]').textContent).toContain('Partly refunded');
    expect(owed(app.api, '100234')).toBe(before + 500);
    const timeline = Array.from(document.querySelectorAll('[data-testid="timeline-entry"]'));
    expect(timeline.map((t) => [t.getAttribute('data-kind'), t.getAttribute('data-status')])).toEqual([
      ['REFUND', 'SUCCEEDED'],
    ]);
    expect(
      Array.from(document.querySelectorAll('[data-testid="audit-row"]')).map((r) => r.getAttribute('data-action')),
    ).toEqual(['PAYMENT_POSTED', 'REFUND_REQUESTED', 'REFUND_APPLIED']);
    expect(documentText()).toContain('Alex Admin');
  });

  it('retries a failed confirmation with the same idempotency key; a changed refund gets a new one', async () => {
    const app = await openDetail(ADMIN);
    el<HTMLButtonElement>('[data-testid="refund"]').click();
    await settle(app.harness);
    choose(el<HTMLSelectElement>('#refund-reason'), 'DUPLICATE');
    submit(el('[data-testid="refund-dialog"] form'));
    await settle(app.harness);
    app.api.override('ConsoleRefundPayment', { errorCode: 'UPSTREAM_UNAVAILABLE' });
    el<HTMLButtonElement>('[data-testid="refund-confirm"]').click();
    await settle(app.harness, 4);
    expect(el('[data-testid="refund-confirmation"]').textContent).toContain(
      'A service the console depends on is unavailable',
    );
    el<HTMLButtonElement>('[data-testid="refund-confirm"]').click();
    await settle(app.harness, 4);
    const [first, second] = app.api.calls('ConsoleRefundPayment');
    expect(second.variables['idempotencyKey']).toBe(first.variables['idempotencyKey']);
    expect(second.variables['amountCents']).toBe(2500);
  });

  it.each([
    ['25.01', 'At most $25.00 can be refunded.'],
    ['0', 'The amount must be more than zero.'],
    ['5.001', 'Enter an amount in dollars and cents, like 5.00.'],
  ])('rejects a partial amount of %j', async (amount, message) => {
    const app = await openDetail(ADMIN);
    el<HTMLButtonElement>('[data-testid="refund"]').click();
    await settle(app.harness);
    const partial = el<HTMLInputElement>('input[name="refund-mode"][value="partial"]');
    partial.checked = true;
    partial.dispatchEvent(new Event('change'));
    await settle(app.harness);
    type(el<HTMLInputElement>('#refund-amount'), amount);
    choose(el<HTMLSelectElement>('#refund-reason'), 'OTHER');
    submit(el('[data-testid="refund-dialog"] form'));
    await settle(app.harness);
    expect(el('#refund-amount-error').textContent).toBe(message);
    expect(documentText()).toContain('Say why in the note.');
    expect(document.activeElement?.id).toBe('refund-amount');
    expect(document.querySelector('[data-testid="refund-confirmation"]')).toBeNull();
    button('Cancel').click();
    await settle(app.harness);
    expect(el<HTMLDialogElement>('[data-testid="refund-dialog"]').open).toBe(false);
  });

  it('explains to support that refunds are not theirs to make', async () => {
    const app = await openDetail(SUPPORT, 'TX-SK70001');
    expect(document.querySelector('[data-testid="refund"]')).toBeNull();
    expect(el('[data-testid="refund-unavailable"]').textContent).toContain('your role can only view payments');
    expect(app.api.calls('ConsoleRefundPayment')).toHaveLength(0);
  });

  it('says when nothing is left to refund', async () => {
    await openDetail(ADMIN, 'TX-SK70010');
    expect(el('[data-testid="refund-unavailable"]').textContent).toContain('Nothing is left to refund');
    expect(el('[data-testid="detail-status"]').textContent).toContain('Refunded');
  });

  it('opens the receipt PDF in the chosen language through a one-time link', async () => {
    const app = await openDetail(ADMIN);
    choose(el<HTMLSelectElement>('#receipt-locale'), 'es');
    el<HTMLButtonElement>('[data-testid="open-receipt"]').click();
    await settle(app.harness, 6);
    expect(app.api.calls('ConsoleReceiptPdf')[0].variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      transactionId: app.tx,
      locale: 'es',
    });
    expect(el<HTMLAnchorElement>('[data-testid="receipt-link"]').getAttribute('href')).toContain(`tx=${app.tx}`);
  });

  it('answers an unknown transaction with a not-found message', async () => {
    await openDetail(ADMIN, 'TX-NOPE');
    expect(el('[data-testid="payment-not-found"]').textContent).toContain(
      'There is no online payment with this transaction ID',
    );
    expect(TestBed).toBeTruthy();
  });
});
