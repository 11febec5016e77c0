import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { MoneyPipe, formatCents } from '../../core/format/money.pipe';
import { POLL_TIMER } from '../../core/poll-timer';
import type { CallFailure } from '../../core/graphql/errors';
import { ConsoleTask, failureOf } from '../core/console-api';
import { ConsolePage } from '../core/console-page';
import { formatConsoleDate } from '../core/console-date';
import type { ConsoleKey } from '../core/messages.en';
import { OneTimeLink } from '../core/one-time-link';
import type { TransactionStatus } from '../../core/graphql/schema-types';
import { ConsolePaymentGQL, ConsoleReceiptPdfGQL, type ConsolePaymentQuery } from '../graphql/generated';
import { RefundDialog, type RefundRequest } from './refund-dialog';

type Payment = NonNullable<NonNullable<NonNullable<ConsolePaymentQuery['console']>['practice']>['payment']>;

/** How often a pending refund is checked, and for how long (then the page says to look again later). */
export const REFUND_POLL = { ms: 2000, max: 90 } as const;

/**
 * `/console/:practiceId/payments/:transactionId`: one online payment — summary, what it paid per charge (patient, date,
 * procedure name and code, location), its refunds, disputes and inquiries, the audit trail — with the receipt PDF and,
 * for PRACTICE_ADMIN and BILLING, a refund. A requested refund stays "pending" until the processor's event posts it to
 * the ledger: the page asks again every 2 s until it has.
 */
@Component({
  selector: 'app-console-payment-detail',
  imports: [MoneyPipe, RouterLink, OneTimeLink, RefundDialog],
  templateUrl: './payment-detail.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentDetailPage extends ConsolePage {
  readonly practiceId = input.required<string>();
  readonly transactionId = input.required<string>();

  private readonly paymentGql = inject(ConsolePaymentGQL);
  private readonly receiptGql = inject(ConsoleReceiptPdfGQL);
  private readonly pollTimer = inject(POLL_TIMER);

  protected readonly payment = signal<Payment | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'notFound' | 'error'>('loading');
  protected readonly failure = signal<CallFailure | null>(null);
  protected readonly refundOpen = signal(false);
  /** The refund this page requested and is waiting for, and how it ended. */
  protected readonly refund = signal<{
    request: RefundRequest;
    outcome: 'pending' | 'posted' | 'failed' | 'slow';
  } | null>(null);
  protected readonly receiptLocale = signal<'en' | 'es'>(this.i18n.lang());
  protected readonly receipt = signal<{ url: string; expiresAt: string } | null>(null);
  private readonly receiptTask = new ConsoleTask();
  protected readonly receiptBusy = this.receiptTask.busy;
  protected readonly receiptFailure = this.receiptTask.failure;
  protected readonly canRefund = computed(() => this.session.canRefund(this.practiceId()));
  protected readonly pendingRefunds = computed(
    () => this.payment()?.timeline.filter((a) => a.kind === 'REFUND' && a.status === 'PENDING') ?? [],
  );
  /** Cancels the scheduled poll, if any. */
  private cancelPoll: (() => void) | null = null;
  private polls = 0;
  private refundedBefore = 0;

  constructor() {
    super();
    effect(() => {
      const tx = this.transactionId();
      this.title.set('title.payment', { tx });
      untracked(() => void this.load());
    });
    inject(DestroyRef).onDestroy(() => {
      this.stopPolling();
    });
  }

  protected async load(): Promise<void> {
    if (!this.payment()) {
      this.state.set('loading');
    }
    try {
      const result = await this.api.call(
        this.paymentGql.fetch({ variables: { practiceId: this.practiceId(), transactionId: this.transactionId() } }),
      );
      const payment = result.data?.console?.practice?.payment ?? null;
      this.payment.set(payment);
      this.state.set(payment ? 'ready' : 'notFound');
      this.followRefund();
    } catch (error) {
      const code = failureOf(error);
      this.failure.set(code);
      this.state.set(code === 'NOT_FOUND' ? 'notFound' : 'error');
    }
  }

  protected async openReceipt(): Promise<void> {
    await this.receiptTask.run(async () => {
      this.receipt.set(null);
      const result = await this.api.call(
        this.receiptGql.fetch({
          variables: {
            practiceId: this.practiceId(),
            transactionId: this.transactionId(),
            locale: this.receiptLocale(),
          },
        }),
      );
      this.receipt.set(result.data?.console?.practice?.receiptPdf ?? null);
    });
  }

  protected refundRequested(request: RefundRequest): void {
    this.refundOpen.set(false);
    this.refundedBefore = this.payment()?.refunded.cents ?? 0;
    this.refund.set({ request, outcome: 'pending' });
    this.polls = 0;
    this.schedulePoll();
  }

  /** After each answer: is the refund this page asked for posted (or failed) yet? Else ask again shortly. */
  private followRefund(): void {
    const refund = this.refund();
    const payment = this.payment();
    if (refund?.outcome !== 'pending' || payment === null) {
      return;
    }
    const failed = payment.timeline.some(
      (a) => a.kind === 'REFUND' && a.status === 'FAILED' && a.amount.cents === refund.request.amount.cents,
    );
    if (failed) {
      this.refund.set({ ...refund, outcome: 'failed' });
    } else if (this.pendingRefunds().length === 0 && payment.refunded.cents > this.refundedBefore) {
      this.refund.set({ ...refund, outcome: 'posted' });
    } else if (++this.polls >= REFUND_POLL.max) {
      this.refund.set({ ...refund, outcome: 'slow' });
    } else {
      this.schedulePoll();
    }
  }

  private schedulePoll(): void {
    this.stopPolling();
    this.cancelPoll = this.pollTimer(() => {
      this.cancelPoll = null;
      void this.load();
    }, REFUND_POLL.ms);
  }

  private stopPolling(): void {
    this.cancelPoll?.();
    this.cancelPoll = null;
  }

  protected date(value: string): string {
    return formatConsoleDate(value, this.i18n.locale());
  }

  protected money(cents: number, currency = 'USD'): string {
    return formatCents(cents, currency, this.i18n.locale());
  }

  protected refundKey(outcome: 'pending' | 'posted' | 'failed' | 'slow'): ConsoleKey {
    return `detail.refund.${outcome}`;
  }

  protected statusKey(status: TransactionStatus): ConsoleKey {
    return `status.${status}`;
  }

  /** A timeline entry's kind and state in words; the server's code when it is one the console does not know. */
  protected label(prefix: 'kind' | 'state' | 'audit', code: string): string {
    return this.i18n.label(`${prefix}.${code}`, code);
  }

  protected localeValue(event: Event): 'en' | 'es' {
    return (event.target as HTMLSelectElement).value === 'es' ? 'es' : 'en';
  }
}
