import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  ConfirmSimulatedPaymentGQL,
  StartPaymentGQL,
  type HouseholdQuery,
  type StartPaymentMutation,
} from '../core/graphql/generated';
import { errorCode, errorKey, type CallFailure } from '../core/graphql/errors';
import { LocalDatePipe, prepareDateFormat } from '../core/format/date.pipe';
import { MoneyPipe, prepareMoneyFormat } from '../core/format/money.pipe';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages.en';
import { Session } from '../core/session/session';
import { PracticeIdentity } from '../landing/practice-identity';
import { previewAllocation, type PreviewLine } from './allocation';
import { MIN_PAYMENT_CENTS, checkAmount, type AmountCheck } from './amount';
import { PaymentFlow, newIdempotencyKey } from './payment-flow';
import { StripeCard } from './stripe-card';
import { HouseholdRequest } from './household-request';
import { declineKey, groupByPatient } from './charges';

type Household = NonNullable<HouseholdQuery['household']>;
type PaymentSession = StartPaymentMutation['startPayment'];


/** `/p/:hash/pay`: open charges by patient, the amount (full or partial) with its allocation preview, and the card. */
@Component({
  selector: 'app-pay',
  imports: [PracticeIdentity, MoneyPipe, LocalDatePipe, StripeCard],
  templateUrl: './pay.page.html',
  styleUrl: './pay.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayPage implements OnInit {
  readonly hash = input.required<string>();

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly errorKey = errorKey;
  protected readonly minCents = MIN_PAYMENT_CENTS;
  private readonly session = inject(Session);
  private readonly flow = inject(PaymentFlow);
  private readonly router = inject(Router);
  private readonly householdRequest = inject(HouseholdRequest);
  /** Taken at creation (during the navigation): the request sent at start-up when the app opened on this page. */
  private firstLoad = this.householdRequest.takeEarly();
  private readonly startGql = inject(StartPaymentGQL);
  private readonly confirmGql = inject(ConfirmSimulatedPaymentGQL);
  private readonly stripeCard = viewChild(StripeCard);

  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly household = signal<Household | null>(null);
  protected readonly mode = signal<'full' | 'other'>('full');
  protected readonly amountText = signal('');
  protected readonly amountTouched = signal(false);
  protected readonly phase = signal<'amount' | 'card'>('amount');
  protected readonly paymentSession = signal<PaymentSession | null>(null);
  /** True once the current payment session was declined: the next submit must start a new payment. */
  private sessionSpent = false;
  protected readonly cardNumber = signal('');
  protected readonly cardTouched = signal(false);
  protected readonly busy = signal<'starting' | 'paying' | null>(null);
  /** The last decline: a processor code and text, or a message already in the patient's language (Stripe.js). */
  private readonly declined = signal<{ code: string | null; reason: string | null; localized?: boolean } | null>(null);
  protected readonly decline = computed(() => {
    const declined = this.declined();
    if (!declined) {
      return null;
    }
    const reason = declined.localized ? declined.reason : this.declineText(declined.code, declined.reason);
    return this.t('pay.declined', { reason: reason ?? this.t('decline.other') });
  });
  protected readonly callError = signal<CallFailure | null>(null);

  protected readonly balanceCents = computed(() => this.household()?.balance.cents ?? 0);

  protected readonly groups = computed(() => groupByPatient(this.household()?.charges ?? []));

  protected readonly check = computed<AmountCheck>(() =>
    this.mode() === 'full' ? { ok: true, cents: this.balanceCents() } : checkAmount(this.amountText(), this.balanceCents()),
  );

  protected readonly amountErrorKey = computed<MessageKey | null>(() => {
    const check = this.check();
    if (check.ok || this.mode() !== 'other' || (!this.amountTouched() && check.error === 'required')) {
      return null;
    }
    return `pay.err.${check.error}`;
  });

  protected readonly preview = computed(() => {
    const check = this.check();
    if (!check.ok) {
      return null;
    }
    const charges = this.household()?.charges ?? [];
    const allocation = previewAllocation(
      charges.map((c) => ({ id: c.id, serviceDate: c.serviceDate, balanceCents: c.balance.cents })),
      check.cents,
    );
    const byId = new Map(charges.map((c) => [c.id, c]));
    return {
      lines: allocation.lines.map((line: PreviewLine) => ({ line, charge: byId.get(line.chargeId)! })),
      creditCents: allocation.creditCents,
    };
  });

  protected readonly cardValid = computed(() => /^\d{16}$/.test(this.cardNumber().replace(/[\s-]/g, '')));

  ngOnInit(): void {
    const failure = this.flow.take();
    if (failure) {
      this.declined.set(failure);
    }
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    const request = this.firstLoad ?? this.householdRequest.fetch();
    this.firstLoad = null;
    // While the household is on the way, load the locale data the amounts and dates need (see prepareMoneyFormat).
    setTimeout(() => {
      prepareMoneyFormat(this.i18n.locale());
      prepareDateFormat(this.i18n.locale());
    });
    try {
      const result = await request;
      const household = result.data?.household ?? null;
      if (!household) {
        this.session.ended();
        return;
      }
      this.household.set(household);
      this.state.set('ready');
      document.title = `${this.t('pay.title')} — ${household.practice.name}`;
    } catch (error) {
      if (errorCode(error) !== 'UNAUTHENTICATED') {
        this.state.set('error');
      }
    }
  }

  protected chooseMode(mode: 'full' | 'other'): void {
    this.mode.set(mode);
    if (mode === 'other') {
      setTimeout(() => document.getElementById('amount')?.focus());
    }
  }

  protected typeAmount(event: Event): void {
    this.amountText.set((event.target as HTMLInputElement).value);
    this.amountTouched.set(true);
  }

  protected typeCard(event: Event): void {
    this.cardNumber.set((event.target as HTMLInputElement).value);
  }

  /** Step 1: the server validates the amount and says which provider collects the card. */
  protected async continueToCard(event: Event): Promise<void> {
    event.preventDefault();
    this.amountTouched.set(true);
    this.callError.set(null);
    const check = this.check();
    if (!check.ok) {
      document.getElementById('amount')?.focus();
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set('starting');
    try {
      this.paymentSession.set(await this.start(check.cents));
      this.phase.set('card');
      setTimeout(() => document.getElementById('card-title')?.focus());
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected changeAmount(): void {
    this.phase.set('amount');
    this.paymentSession.set(null);
    this.declined.set(null);
    setTimeout(() => document.getElementById('amount-title')?.focus());
  }

  /** Step 2: one submit = one payment. The button is guarded while it runs; a decline lets the patient retry. */
  protected async pay(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.paymentSession();
    if (!session || this.busy()) {
      return;
    }
    this.callError.set(null);
    if (session.provider === 'SIMULATED') {
      this.cardTouched.set(true);
      if (!this.cardValid()) {
        document.getElementById('cardNumber')?.focus();
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
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  private async paySimulated(current: PaymentSession): Promise<void> {
    let session = current;
    if (this.sessionSpent) {
      // A declined payment is final: retrying means a new payment with a new idempotency key.
      session = await this.start(current.amount.cents);
      this.paymentSession.set(session);
    }
    const result = await firstValueFrom(
      this.confirmGql.mutate({
        variables: { paymentId: session.paymentId, cardNumber: this.cardNumber().replace(/[\s-]/g, '') },
      }),
    );
    const payment = result.data!.confirmSimulatedPayment;
    if (payment.status === 'FAILED') {
      this.sessionSpent = true;
      this.showDecline({ code: payment.failureCode, reason: payment.failureReason });
      return;
    }
    await this.toReceipt(session.paymentId, payment.status === 'SUCCEEDED' ? payment.txId : null);
  }

  private async payWithStripe(session: PaymentSession): Promise<void> {
    const card = this.stripeCard();
    const returnUrl = `${location.origin}/p/${encodeURIComponent(this.hash())}/receipt/pending?payment=${encodeURIComponent(session.paymentId)}`;
    const outcome = card ? await card.confirm(returnUrl) : { ok: false as const, message: this.t('decline.other') };
    if (!outcome.ok) {
      this.showDecline({ code: null, reason: outcome.message, localized: true });
      return;
    }
    await this.toReceipt(session.paymentId, null);
  }

  private async start(amountCents: number): Promise<PaymentSession> {
    this.sessionSpent = false;
    const result = await firstValueFrom(
      this.startGql.mutate({ variables: { amountCents, idempotencyKey: newIdempotencyKey() } }),
    );
    return result.data!.startPayment;
  }

  private async toReceipt(paymentId: string, txId: string | null): Promise<void> {
    await this.router.navigate(['/p', this.hash(), 'receipt', txId ?? 'pending'], {
      queryParams: txId ? {} : { payment: paymentId },
    });
  }

  private showDecline(declined: { code: string | null; reason: string | null; localized?: boolean }): void {
    this.declined.set(declined);
    setTimeout(() => document.getElementById('decline')?.focus());
  }

  private fail(error: unknown): void {
    const code = errorCode(error);
    if (code === 'UNAUTHENTICATED') {
      return; // The session handler is already taking the patient to the landing page.
    }
    this.callError.set(code);
    if (code === 'AMOUNT_EXCEEDS_BALANCE' || code === 'AMOUNT_TOO_LOW') {
      this.phase.set('amount');
      void this.refreshBalance();
    }
  }

  private async refreshBalance(): Promise<void> {
    try {
      const result = await this.householdRequest.fetch();
      if (result.data?.household) {
        this.household.set(result.data.household);
      }
    } catch {
      // The error already shown is enough.
    }
  }

  /** A readable reason in the patient's language; the server's English text only where no translation exists. */
  private declineText(code: string | null | undefined, reason: string | null | undefined): string {
    const key = declineKey(code);
    return key ? this.t(key) : this.i18n.lang() === 'en' && reason ? reason : this.t('decline.other');
  }
}
