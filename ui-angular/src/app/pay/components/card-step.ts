import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  InjectionToken,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ConfirmSimulatedPaymentGQL, PaymentStatusGQL, StartPaymentGQL } from '../../core/graphql/generated';
import { errorCode, requireData, type CallFailure } from '../../core/graphql/errors';
import { MoneyPipe } from '../../core/format/money.pipe';
import { I18n } from '../../core/i18n/i18n';
import { declineMessage } from '../charges';
import { PaymentFlow, newIdempotencyKey, type PaymentFailure, type PaymentSession } from '../payment-flow';
import { StripeCard } from '../stripe-card';

/** How long (ms) the card step itself waits for a payment's outcome before the receipt page takes over the waiting. */
export const INLINE_WAIT_MS = new InjectionToken<number>('INLINE_WAIT_MS', { factory: () => 8000 });

interface Decline extends PaymentFailure {
  /** The reason is already in the patient's language (Stripe.js). */
  localized?: boolean;
}

/**
 * Step 2 of paying: the card (Stripe's Payment Element, or the simulated provider's test card field), one submit =
 * one payment. The card step waits a few seconds for the outcome itself: a decline is shown right by the card form,
 * focus moves to it, and the amount and everything else stay as they were (the card field is kept: neither provider
 * requires clearing it; Stripe's element keeps its own). A payment still processing after that goes on to the
 * receipt page, which keeps waiting (a late decline comes back here through `PaymentFlow`).
 */
@Component({
  selector: 'app-card-step',
  imports: [MoneyPipe, StripeCard],
  templateUrl: './card-step.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CardStep implements OnInit {
  readonly hash = input.required<string>();
  readonly session = input.required<PaymentSession>();
  readonly phone = input<string | null>(null);
  /** A decline to show at once (reported late by the receipt page); the session is then spent. */
  readonly initialDecline = input<PaymentFailure | null>(null);
  /** The patient wants another amount. */
  readonly changeAmount = output();
  /** A call failed in a way the page handles (the balance changed, the amount is too low …). */
  readonly failed = output<CallFailure>();

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly flow = inject(PaymentFlow);
  private readonly inlineWaitMs = inject(INLINE_WAIT_MS);
  private readonly startGql = inject(StartPaymentGQL);
  private readonly confirmGql = inject(ConfirmSimulatedPaymentGQL);
  private readonly statusGql = inject(PaymentStatusGQL);
  private readonly stripeCard = viewChild(StripeCard);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly declineBox = viewChild<ElementRef<HTMLElement>>('declineBox');
  private readonly cardInput = viewChild<ElementRef<HTMLInputElement>>('cardInput');

  /** The payment this step collects for; replaced by a new one when a declined payment is retried. */
  protected readonly current = signal<PaymentSession | null>(null);
  /** True once the current payment was declined: the next submit must start a new payment. */
  private spent = false;
  private destroyed = false;
  protected readonly cardNumber = signal('');
  protected readonly cardTouched = signal(false);
  protected readonly busy = signal<'paying' | 'checking' | null>(null);
  private readonly declined = signal<Decline | null>(null);
  protected readonly decline = computed(() => {
    const declined = this.declined();
    return declined ? declineMessage(this.t, this.i18n.lang(), declined) : null;
  });
  protected readonly cardValid = computed(() => /^\d{16}$/.test(this.cardNumber().replace(/[\s-]/g, '')));

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  ngOnInit(): void {
    this.current.set(this.session());
    const decline = this.initialDecline();
    if (decline) {
      this.spent = true;
      this.showDecline(decline);
    } else {
      afterNextRender(
        {
          read: () => {
            this.heading().nativeElement.focus();
          },
        },
        { injector: this.injector },
      );
    }
  }

  protected typeCard(event: Event): void {
    this.cardNumber.set((event.target as HTMLInputElement).value);
  }

  /** One submit = one payment. The button is guarded while it runs; a decline lets the patient retry. */
  protected async pay(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.current();
    if (!session || this.busy()) {
      return;
    }
    if (session.provider === 'SIMULATED') {
      this.cardTouched.set(true);
      if (!this.cardValid()) {
        this.cardInput()?.nativeElement.focus();
        return;
      }
    }
    this.declined.set(null);
    this.busy.set('paying');
    try {
      if (session.provider === 'SIMULATED') {
        await this.paySimulated(session);
      } else {
        await this.payWithStripe(session);
      }
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'UNAUTHENTICATED') {
        this.failed.emit(code);
      }
    } finally {
      this.busy.set(null);
    }
  }

  private async paySimulated(current: PaymentSession): Promise<void> {
    let session = current;
    if (this.spent) {
      // A declined payment is final: retrying means a new payment with a new idempotency key.
      session = await this.start(current.amount.cents);
    }
    this.flow.confirmed(session.paymentId);
    const result = await firstValueFrom(
      this.confirmGql.mutate({
        variables: { paymentId: session.paymentId, cardNumber: this.cardNumber().replace(/[\s-]/g, '') },
      }),
    );
    const payment = requireData(result, 'ConfirmSimulatedPayment').confirmSimulatedPayment;
    await this.settle(session, payment.status, payment.txId, {
      code: payment.failureCode,
      reason: payment.failureReason,
    });
  }

  /** Acts on a payment's status; while it is processing, asks again for a few seconds before the receipt page. */
  private async settle(
    session: PaymentSession,
    status: string,
    txId: string | null,
    failure: PaymentFailure,
  ): Promise<void> {
    const deadline = Date.now() + this.inlineWaitMs;
    let delay = 250;
    while (status === 'PROCESSING' && Date.now() < deadline && !this.destroyed) {
      this.busy.set('checking');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 1000);
      const result = await firstValueFrom(this.statusGql.fetch({ variables: { id: session.paymentId } }));
      const payment = result.data?.payment;
      if (!payment) {
        break;
      }
      status = payment.status;
      txId = payment.txId;
      failure = { code: payment.failureCode, reason: payment.failureReason };
    }
    if (status === 'FAILED') {
      this.spent = true;
      this.showDecline(failure);
      return;
    }
    // Succeeded (or still processing): the receipt page shows it, or keeps waiting for it.
    this.flow.declinedSession.set(session);
    await this.toReceipt(session.paymentId, status === 'SUCCEEDED' ? txId : null);
  }

  private async payWithStripe(session: PaymentSession): Promise<void> {
    const card = this.stripeCard();
    const returnUrl = `${location.origin}/p/${encodeURIComponent(this.hash())}/receipt/pending?payment=${encodeURIComponent(session.paymentId)}`;
    this.flow.confirmed(session.paymentId);
    const outcome = card ? await card.confirm(returnUrl) : { ok: false as const, message: this.t('decline.other') };
    if (!outcome.ok) {
      // Stripe keeps the PaymentIntent open after a decline: the same one is confirmed again with the next card.
      this.showDecline({ code: null, reason: outcome.message, localized: true });
      return;
    }
    this.flow.declinedSession.set(session);
    await this.toReceipt(session.paymentId, null);
  }

  private async start(amountCents: number): Promise<PaymentSession> {
    const result = await firstValueFrom(
      this.startGql.mutate({ variables: { amountCents, idempotencyKey: newIdempotencyKey() } }),
    );
    const session = requireData(result, 'StartPayment').startPayment;
    this.flow.started(session.paymentId);
    this.spent = false;
    this.current.set(session);
    return session;
  }

  private async toReceipt(paymentId: string, txId: string | null): Promise<void> {
    await this.router.navigate(['/p', this.hash(), 'receipt', txId ?? 'pending'], {
      queryParams: txId !== null ? {} : { payment: paymentId },
    });
  }

  private showDecline(declined: Decline): void {
    this.declined.set(declined);
    afterNextRender({ read: () => this.declineBox()?.nativeElement.focus() }, { injector: this.injector });
  }
}
