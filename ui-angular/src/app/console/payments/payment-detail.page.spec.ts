import { ADMIN, SUPPORT, patientPays, startApp, ui, type App } from '../../../testing/graphql-backend';
import { ManualPollTimer } from '../../../testing/manual-poll-timer';
import type { MockApi } from '../../../testing/mock-api';
import { REFUND_POLL } from './payment-detail.page';

const owed = (api: MockApi, account: string) =>
  (api.households[account] ?? ui.fail(`no household ${account}`)).charges.reduce((s, c) => s + c.balanceCents, 0);

/** The payment's detail page; its refund polls run only on `polls.fire()`. */
async function openDetail(staff: string, tx?: string): Promise<App & { tx: string; polls: ManualPollTimer }> {
  const polls = new ManualPollTimer();
  const app = await startApp('/console/sign-in', { staff, providers: [polls.provider] });
  const id = tx ?? patientPays(app.api, '100234', 'garcia', 2500);
  await app.harness.navigateByUrl(`/console/pr-K7MX4Q/payments/${id}`);
  await ui.settle(app.harness, 6);
  return Object.assign(app, { tx: id, polls });
}

const outcome = () => ui.find(document, '[data-testid="refund-status"]').getAttribute('data-outcome');

describe('PaymentDetailPage', () => {
  it('shows what the payment paid per charge, its timeline and its audit trail', async () => {
    const app = await openDetail(ADMIN);
    expect(ui.find(document, '[data-testid="detail-amount"]').getAttribute('data-cents')).toBe('2500');
    expect(ui.find(document, '[data-testid="detail-status"]').textContent).toContain('Paid');
    const allocations = Array.from(document.querySelectorAll('[data-testid="allocation"]')).map((r) =>
      Array.from(r.querySelectorAll('td'), (td) => td.textContent.replace(/\s+/g, ' ').trim()).join(' | '),
    );
    // Oldest date of service first: $25.00 goes to Lucas's fluoride treatment ($35.00) of 2026-01-12.
    expect(allocations).toEqual([
      'Lucas García | Jan 12, 2026 | Fluoride treatment (D0150) | Downtown | $25.00 | $10.00',
    ]);
    expect(ui.find(document, '[data-testid="timeline-empty"]').textContent).toContain('No refund, dispute or inquiry.');
    expect(
      Array.from(document.querySelectorAll('[data-testid="audit-row"]')).map((r) => r.getAttribute('data-action')),
    ).toEqual(['PAYMENT_POSTED']);
    expect(ui.documentText()).toContain(`Payment ${app.tx}`);
  });

  it('refunds $5.00 of $25.00: confirmation, one request with an idempotency key, pending until the ledger posts it', async () => {
    const app = await openDetail(ADMIN);
    const before = owed(app.api, '100234');
    ui.find(document, '[data-testid="refund"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect(ui.find(document, '[data-testid="refund-dialog"]', HTMLDialogElement).open).toBe(true);
    ui.check(ui.find(document, 'input[name="refund-mode"][value="partial"]', HTMLInputElement));
    await ui.settle(app.harness);
    ui.type(ui.find(document, '#refund-amount', HTMLInputElement), '5.00');
    ui.choose(ui.find(document, '#refund-reason', HTMLSelectElement), 'REQUESTED_BY_CUSTOMER');
    ui.submit(ui.find(document, '[data-testid="refund-dialog"] form'));
    await ui.settle(app.harness);
    expect(ui.find(document, '[data-testid="refund-confirmation"]').textContent).toContain(
      'Refund $5.00 to VISA ••••4242 (reason: The patient asked for it)?',
    );
    expect(app.api.calls('ConsoleRefundPayment')).toHaveLength(0);

    ui.find(document, '[data-testid="refund-confirm"]', HTMLButtonElement).click();
    ui.find(document, '[data-testid="refund-confirm"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 4);
    expect(app.api.calls('ConsoleRefundPayment')).toHaveLength(1);
    const { idempotencyKey, ...refund } = app.api.lastCall('ConsoleRefundPayment').variables;
    expect(refund).toEqual({ transactionId: app.tx, amountCents: 500, reason: 'REQUESTED_BY_CUSTOMER', note: null });
    expect(idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ui.find(document, '[data-testid="refund-dialog"]', HTMLDialogElement).open).toBe(false);
    expect(outcome()).toBe('pending');
    expect(ui.find(document, '[data-testid="refund-status"]').textContent).toContain('Refund of $5.00 requested.');
    expect(app.polls.scheduled()).toEqual([REFUND_POLL.ms]);

    // The mock's processor posts the refund on the third read of the payment after it was requested.
    for (const poll of [1, 2]) {
      app.polls.fire();
      await ui.settle(app.harness, 4);
      expect(outcome(), `after poll ${String(poll)}`).toBe('pending');
      expect(app.polls.scheduled()).toEqual([REFUND_POLL.ms]);
    }
    app.polls.fire();
    await ui.settle(app.harness, 4);
    expect(outcome()).toBe('posted');
    expect(app.polls.scheduled()).toEqual([]);
    expect(ui.find(document, '[data-testid="detail-refunded"]').getAttribute('data-cents')).toBe('500');
    expect(ui.find(document, '[data-testid="detail-refundable"]').getAttribute('data-cents')).toBe('2000');
    expect(ui.find(document, '[data-testid="detail-status"]').textContent).toContain('Partly refunded');
    expect(owed(app.api, '100234')).toBe(before + 500);
    const timeline = Array.from(document.querySelectorAll('[data-testid="timeline-entry"]'));
    expect(timeline.map((t) => [t.getAttribute('data-kind'), t.getAttribute('data-status')])).toEqual([
      ['REFUND', 'SUCCEEDED'],
    ]);
    expect(
      Array.from(document.querySelectorAll('[data-testid="audit-row"]')).map((r) => r.getAttribute('data-action')),
    ).toEqual(['PAYMENT_POSTED', 'REFUND_REQUESTED', 'REFUND_APPLIED']);
    expect(ui.documentText()).toContain('Alex Admin');
  });

  it('retries a failed confirmation with the same idempotency key; a changed refund gets a new one', async () => {
    const app = await openDetail(ADMIN);
    const confirm = async () => {
      ui.find(document, '[data-testid="refund-confirm"]', HTMLButtonElement).click();
      await ui.settle(app.harness, 4);
    };
    const keys = () => app.api.calls('ConsoleRefundPayment').map((c) => c.variables['idempotencyKey']);
    ui.find(document, '[data-testid="refund"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    ui.choose(ui.find(document, '#refund-reason', HTMLSelectElement), 'DUPLICATE');
    ui.submit(ui.find(document, '[data-testid="refund-dialog"] form'));
    await ui.settle(app.harness);
    app.api.override('ConsoleRefundPayment', { errorCode: 'UPSTREAM_UNAVAILABLE' });
    await confirm();
    expect(ui.find(document, '[data-testid="refund-confirmation"]').textContent).toContain(
      'A service the console depends on is unavailable',
    );
    app.api.override('ConsoleRefundPayment', { errorCode: 'UPSTREAM_UNAVAILABLE' });
    await confirm();
    expect(keys()).toHaveLength(2);
    expect(keys()[1]).toBe(keys()[0]);

    // Changed to $5.00 after the failures: another refund, so another key.
    ui.findByText(document, '[data-testid="refund-dialog"] button', 'Change', HTMLButtonElement).click();
    await ui.settle(app.harness);
    ui.check(ui.find(document, 'input[name="refund-mode"][value="partial"]', HTMLInputElement));
    await ui.settle(app.harness);
    ui.type(ui.find(document, '#refund-amount', HTMLInputElement), '5.00');
    ui.submit(ui.find(document, '[data-testid="refund-dialog"] form'));
    await ui.settle(app.harness);
    await confirm();
    expect(keys()).toHaveLength(3);
    expect(keys()[2]).not.toBe(keys()[0]);
    expect(app.api.lastCall('ConsoleRefundPayment').variables['amountCents']).toBe(500);
    expect(outcome()).toBe('pending');
    expect(app.polls.scheduled()).toEqual([REFUND_POLL.ms]);
  });

  it.each([
    ['25.01', 'At most $25.00 can be refunded.'],
    ['0', 'The amount must be more than zero.'],
    ['5.001', 'Enter an amount in dollars and cents, like 5.00.'],
  ])('rejects a partial amount of %j', async (amount, message) => {
    const app = await openDetail(ADMIN);
    ui.find(document, '[data-testid="refund"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    ui.check(ui.find(document, 'input[name="refund-mode"][value="partial"]', HTMLInputElement));
    await ui.settle(app.harness);
    ui.type(ui.find(document, '#refund-amount', HTMLInputElement), amount);
    ui.choose(ui.find(document, '#refund-reason', HTMLSelectElement), 'OTHER');
    ui.submit(ui.find(document, '[data-testid="refund-dialog"] form'));
    await ui.settle(app.harness);
    expect(ui.find(document, '#refund-amount-error').textContent).toBe(message);
    expect(ui.documentText()).toContain('Say why in the note.');
    expect(document.activeElement?.id).toBe('refund-amount');
    expect(document.querySelector('[data-testid="refund-confirmation"]')).toBeNull();
    ui.findByText(document, '[data-testid="refund-dialog"] button', 'Cancel', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect(ui.find(document, '[data-testid="refund-dialog"]', HTMLDialogElement).open).toBe(false);
  });

  it('explains to support that refunds are not theirs to make', async () => {
    const app = await openDetail(SUPPORT, 'TX-SK70001');
    expect(document.querySelector('[data-testid="refund"]')).toBeNull();
    expect(ui.find(document, '[data-testid="refund-unavailable"]').textContent).toContain(
      'your role can only view payments',
    );
    expect(app.api.calls('ConsoleRefundPayment')).toHaveLength(0);
  });

  it('says when nothing is left to refund', async () => {
    await openDetail(ADMIN, 'TX-SK70010');
    expect(ui.find(document, '[data-testid="refund-unavailable"]').textContent).toContain('Nothing is left to refund');
    expect(ui.find(document, '[data-testid="detail-status"]').textContent).toContain('Refunded');
  });

  it('opens the receipt PDF in the chosen language through a one-time link', async () => {
    const app = await openDetail(ADMIN);
    ui.choose(ui.find(document, '#receipt-locale', HTMLSelectElement), 'es');
    ui.find(document, '[data-testid="open-receipt"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsoleReceiptPdf').variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      transactionId: app.tx,
      locale: 'es',
    });
    expect(ui.find(document, '[data-testid="receipt-link"]', HTMLAnchorElement).getAttribute('href')).toContain(
      `tx=${app.tx}`,
    );
  });

  it('answers an unknown transaction with a not-found message', async () => {
    await openDetail(ADMIN, 'TX-NOPE');
    expect(ui.find(document, '[data-testid="payment-not-found"]').textContent).toContain(
      'There is no online payment with this transaction ID',
    );
  });
});
