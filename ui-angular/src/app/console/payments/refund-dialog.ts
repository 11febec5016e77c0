import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { formatCents } from '../../core/format/money.pipe';
import { requireData, type CallFailure } from '../../core/graphql/errors';
import { newIdempotencyKey } from '../../pay/payment-flow';
import { checkRefundAmount, type RefundAmountError } from '../core/amount';
import { ConsoleApi, failureOf } from '../core/console-api';
import { bindModal } from '../core/modal';
import { ConsoleI18n } from '../core/console-i18n';
import type { ConsoleKey } from '../core/messages.en';
import type { RefundReason } from '../../core/graphql/schema-types';
import { ConsoleRefundPaymentGQL, type ConsoleRefundPaymentMutation } from '../graphql/generated';

export const REFUND_REASONS: readonly RefundReason[] = ['REQUESTED_BY_CUSTOMER', 'DUPLICATE', 'FRAUDULENT', 'OTHER'];
/** Longest note the form takes. */
export const NOTE_MAX = 500;

export type RefundRequest = ConsoleRefundPaymentMutation['refundPayment'];

/**
 * The refund dialog: the full refundable amount or a part of it (cents-exact, at most what is refundable), a reason
 * (a note is required for "Other"), then a confirmation step that says what will happen. One idempotency key per
 * confirmed submission: a double click or a retry after a lost answer is one refund; changing the refund makes a new
 * key. The ledger changes only when the processor's refund event arrives, so the answer is `PENDING`.
 */
@Component({
  selector: 'app-refund-dialog',
  templateUrl: './refund-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RefundDialog {
  readonly open = input.required<boolean>();
  readonly transactionId = input.required<string>();
  readonly refundableCents = input.required<number>();
  readonly currency = input('USD');
  readonly methodLabel = input('');
  readonly closed = output();
  readonly requested = output<RefundRequest>();

  protected readonly i18n = inject(ConsoleI18n);
  protected readonly t = this.i18n.t;
  private readonly api = inject(ConsoleApi);
  private readonly refundGql = inject(ConsoleRefundPaymentGQL);
  protected readonly reasons = REFUND_REASONS;
  protected readonly noteMax = NOTE_MAX;

  protected readonly step = signal<'form' | 'confirm'>('form');
  protected readonly mode = signal<'full' | 'partial'>('full');
  protected readonly amountText = signal('');
  protected readonly reason = signal<RefundReason | ''>('');
  protected readonly note = signal('');
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<CallFailure | null>(null);
  private idempotencyKey: string | null = null;

  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    bindModal(this.dialog, () => this.open());
  }

  protected readonly amountCheck = computed(() =>
    this.mode() === 'full'
      ? ({ ok: true, cents: this.refundableCents() } as const)
      : checkRefundAmount(this.amountText(), this.refundableCents()),
  );
  protected readonly noteMissing = computed(() => this.reason() === 'OTHER' && this.note().trim() === '');

  protected amountErrorKey(error: RefundAmountError): ConsoleKey {
    return `refund.err.${error}`;
  }

  protected reasonKey(reason: RefundReason): ConsoleKey {
    return `refund.reason.${reason}`;
  }

  protected cents(): number {
    const check = this.amountCheck();
    return check.ok ? check.cents : 0;
  }

  protected formatted(cents: number): string {
    return formatCents(cents, this.currency(), this.i18n.locale());
  }

  /** The confirmation step's question (shown only once a reason is chosen). */
  protected confirmText(): string {
    const reason = this.reason();
    return this.t('refund.confirmText', {
      amount: this.formatted(this.cents()),
      method: this.methodLabel(),
      reason: reason === '' ? '' : this.t(this.reasonKey(reason)),
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected review(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.failure.set(null);
    const invalid = !this.amountCheck().ok
      ? '#refund-amount'
      : !this.reason()
        ? '#refund-reason'
        : this.noteMissing()
          ? '#refund-note'
          : null;
    if (invalid) {
      document.querySelector<HTMLElement>(invalid)?.focus();
      return;
    }
    this.idempotencyKey = newIdempotencyKey();
    this.step.set('confirm');
    setTimeout(() => document.querySelector<HTMLElement>('#refund-confirm')?.focus());
  }

  protected back(): void {
    this.step.set('form');
    this.idempotencyKey = null;
    this.failure.set(null);
  }

  protected async confirm(): Promise<void> {
    const idempotencyKey = this.idempotencyKey;
    if (this.busy() || idempotencyKey === null) {
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      const result = await this.api.call(
        this.refundGql.mutate({
          variables: {
            transactionId: this.transactionId(),
            amountCents: this.cents(),
            reason: this.reason() as RefundReason,
            note: this.note().trim() || null,
            idempotencyKey,
          },
        }),
      );
      this.requested.emit(requireData(result, 'ConsoleRefundPayment').refundPayment);
      this.reset();
    } catch (error) {
      // The same key stays for a retry of this same refund (it may have reached the server).
      this.failure.set(failureOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected cancel(): void {
    if (!this.busy()) {
      this.reset();
      this.closed.emit();
    }
  }

  private reset(): void {
    this.step.set('form');
    this.mode.set('full');
    this.amountText.set('');
    this.reason.set('');
    this.note.set('');
    this.submitted.set(false);
    this.failure.set(null);
    this.idempotencyKey = null;
  }
}
