import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  OnInit,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  DownloadReceiptGQL,
  EmailReceiptGQL,
  PaymentStatusGQL,
  ReceiptGQL,
  type ReceiptQuery,
} from '../core/graphql/generated';
import { errorCode, errorKey, requireData, type CallFailure } from '../core/graphql/errors';
import { LocalDatePipe } from '../core/format/date.pipe';
import { MoneyPipe } from '../core/format/money.pipe';
import { POLL_TIMER } from '../core/poll-timer';
import { I18n } from '../core/i18n/i18n';
import { PageTitle } from '../core/i18n/page-title';
import { whileBusy } from '../core/while-busy';
import { PageLoadError, PageLoading } from '../landing/page-load-states';
import { PracticeIdentity } from '../landing/practice-identity';
import { PaymentFlow } from '../pay/payment-flow';

type Receipt = NonNullable<ReceiptQuery['receipt']>;
type Line = Receipt['lines'][number];

/** Polling gets gentler the longer a payment takes; after this long the page says so (and keeps polling). */
const SLOW_AFTER_MS = 20000;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `/p/:hash/receipt/:txId`. With `txId = pending` and `?payment=<id>` it first waits for the payment to post
 * (polling `payment(id)`), then shows the itemized receipt. Once rendered, Print needs nothing from the server.
 */
@Component({
  selector: 'app-receipt',
  imports: [PracticeIdentity, PageLoading, PageLoadError, MoneyPipe, LocalDatePipe],
  templateUrl: './receipt.page.html',
  styleUrl: './receipt.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReceiptPage implements OnInit, OnDestroy {
  readonly hash = input.required<string>();
  readonly txId = input.required<string>();
  /** Query parameter: the payment to wait for when the transaction id is not known yet. */
  readonly payment = input<string>();

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly title = inject(PageTitle);
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  protected readonly errorKey = errorKey;
  private readonly router = inject(Router);
  private readonly flow = inject(PaymentFlow);
  private readonly paymentGql = inject(PaymentStatusGQL);
  private readonly receiptGql = inject(ReceiptGQL);
  private readonly downloadGql = inject(DownloadReceiptGQL);
  private readonly emailGql = inject(EmailReceiptGQL);
  private readonly pollTimer = inject(POLL_TIMER);

  protected readonly state = signal<'waiting' | 'loading' | 'ready' | 'error'>('loading');
  protected readonly slow = signal(false);
  protected readonly loadError = signal<CallFailure | null>(null);
  protected readonly receipt = signal<Receipt | null>(null);
  protected readonly downloading = signal(false);
  protected readonly email = signal('');
  protected readonly emailTouched = signal(false);
  protected readonly sending = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly actionError = signal<CallFailure | 'EXPIRED' | null>(null);
  /** Cancels the scheduled poll, if any. */
  private cancelPoll: (() => void) | null = null;
  private destroyed = false;

  protected readonly groups = computed(() => {
    const groups: { patientName: string; lines: Line[] }[] = [];
    for (const line of this.receipt()?.lines ?? []) {
      const last = groups.at(-1);
      if (last?.patientName === line.patientName) {
        last.lines.push(line);
      } else {
        groups.push({ patientName: line.patientName, lines: [line] });
      }
    }
    return groups;
  });

  protected readonly emailValid = computed(() => EMAIL_PATTERN.test(this.email().trim()));

  ngOnInit(): void {
    const paymentId = this.payment();
    if (this.txId() === 'pending' && paymentId !== undefined && paymentId !== '') {
      this.state.set('waiting');
      this.title.set('title.waiting');
      this.poll(paymentId, Date.now(), 0);
    } else {
      void this.load(this.txId());
    }
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.cancelPoll?.();
  }

  private poll(paymentId: string, startedAt: number, attempt: number): void {
    const delay = attempt === 0 ? 0 : Math.min(500 * 2 ** Math.min(attempt - 1, 2), 2000);
    this.cancelPoll = this.pollTimer(() => {
      void this.check(paymentId, startedAt, attempt);
    }, delay);
  }

  /** One look at the payment: on to its receipt, back to paying, or another look later. Never rejects. */
  private async check(paymentId: string, startedAt: number, attempt: number): Promise<void> {
    if (this.destroyed) {
      return;
    }
    try {
      const result = await firstValueFrom(this.paymentGql.fetch({ variables: { id: paymentId } }));
      const payment = result.data?.payment;
      if (payment?.status === 'SUCCEEDED' && payment.txId !== null) {
        // Same route, new parameter: the router reuses this component, so it loads the receipt itself.
        await this.router.navigate(['/p', this.hash(), 'receipt', payment.txId], { replaceUrl: true });
        await this.load(payment.txId);
        return;
      }
      if (payment?.status === 'FAILED') {
        this.flow.lastFailure.set({ code: payment.failureCode, reason: payment.failureReason });
        await this.router.navigate(['/p', this.hash(), 'pay'], { replaceUrl: true });
        return;
      }
      if (!payment) {
        this.fail('NOT_FOUND');
        return;
      }
    } catch (error) {
      const code = errorCode(error);
      if (code === 'UNAUTHENTICATED' || code === 'NOT_FOUND' || code === 'FORBIDDEN') {
        this.fail(code);
        return;
      }
      // Network or upstream trouble while waiting: keep polling, the payment itself is safe.
    }
    this.slow.set(Date.now() - startedAt > SLOW_AFTER_MS);
    this.poll(paymentId, startedAt, attempt + 1);
  }

  protected async load(txId: string): Promise<void> {
    this.state.set('loading');
    this.title.set('title.receiptPlain');
    try {
      const result = await firstValueFrom(this.receiptGql.fetch({ variables: { txId } }));
      const receipt = result.data?.receipt;
      if (!receipt) {
        this.fail('NOT_FOUND');
        return;
      }
      this.receipt.set(receipt);
      this.state.set('ready');
      this.title.set('title.receipt', { txId: receipt.txId, practice: receipt.practice.name });
      // Listed on the balance page as one of this visit's receipts; the payment is settled, nothing to reopen.
      this.flow.addReceipt({ txId: receipt.txId, amountCents: receipt.total.cents });
      this.flow.declinedSession.set(null);
    } catch (error) {
      this.fail(errorCode(error));
    }
  }

  private fail(code: CallFailure): void {
    if (code === 'UNAUTHENTICATED') {
      return; // The session handler takes the patient to the landing page.
    }
    this.loadError.set(code);
    this.state.set('error');
  }

  protected async download(): Promise<void> {
    const receipt = this.receipt();
    if (!receipt) {
      return;
    }
    await whileBusy(this.downloading, async () => {
      this.actionError.set(null);
      try {
        const result = await firstValueFrom(
          this.downloadGql.mutate({ variables: { txId: receipt.txId, locale: this.i18n.lang() } }),
        );
        location.assign(requireData(result, 'DownloadReceipt').downloadReceipt.url);
      } catch (error) {
        this.actionFailed(error);
      }
    });
  }

  protected async sendEmail(event: Event): Promise<void> {
    event.preventDefault();
    const receipt = this.receipt();
    this.emailTouched.set(true);
    this.sentTo.set(null);
    this.actionError.set(null);
    if (!receipt || this.sending()) {
      return;
    }
    if (!this.emailValid()) {
      this.emailInput()?.nativeElement.focus();
      return;
    }
    const email = this.email().trim();
    await whileBusy(this.sending, async () => {
      try {
        const result = await firstValueFrom(
          this.emailGql.mutate({ variables: { txId: receipt.txId, email, locale: this.i18n.lang() } }),
        );
        if (result.data?.emailReceipt.queued === true) {
          this.sentTo.set(email);
        } else {
          this.actionError.set('INTERNAL');
        }
      } catch (error) {
        this.actionFailed(error);
      }
    });
  }

  protected backToPay(): void {
    void this.router.navigate(['/p', this.hash(), 'pay']);
  }

  protected print(): void {
    window.print();
  }

  protected typeEmail(event: Event): void {
    this.email.set((event.target as HTMLInputElement).value);
  }

  private actionFailed(error: unknown): void {
    const code = errorCode(error);
    if (code === 'UNAUTHENTICATED') {
      return;
    }
    // The server keeps receipt data for a limited time; printing the rendered page always works.
    this.actionError.set(code === 'NOT_FOUND' ? 'EXPIRED' : code);
  }
}
