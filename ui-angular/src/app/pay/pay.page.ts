import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  ViewEncapsulation,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  RecentPaymentsGQL,
  StartPaymentGQL,
  type HouseholdQuery,
  type RecentPaymentsQuery,
} from '../core/graphql/generated';
import { errorCode, errorKey, requireData, type CallFailure } from '../core/graphql/errors';
import { LocalDatePipe, prepareDateFormat } from '../core/format/date.pipe';
import { MoneyPipe, prepareMoneyFormat } from '../core/format/money.pipe';
import { I18n } from '../core/i18n/i18n';
import { PageTitle } from '../core/i18n/page-title';
import { Session } from '../core/session/session';
import { whileBusy } from '../core/while-busy';
import { PageLoadError, PageLoading } from '../landing/page-load-states';
import { PracticeIdentity } from '../landing/practice-identity';
import { chargeTotals, declineMessage, groupByPatient, isDisputed } from './charges';
import { AmountStep } from './components/amount-step';
import { CardStep } from './components/card-step';
import { HouseholdRequest } from './household-request';
import { PaymentFlow, newIdempotencyKey, type PaymentFailure, type PaymentSession } from './payment-flow';

type Household = NonNullable<HouseholdQuery['household']>;
type RecentPayment = NonNullable<RecentPaymentsQuery['household']>['recentPayments'][number];

/**
 * `/p/:hash/pay`: open charges by patient (what is payable vs listed, disputed charges explained), the last receipts,
 * and the two steps of paying — the amount (`AmountStep`, with the server's allocation preview) and the card
 * (`CardStep`). Before a new payment starts, recent payments of the household (another tab, another family member)
 * are checked and the patient is warned first.
 */
@Component({
  selector: 'app-pay',
  imports: [PracticeIdentity, PageLoading, PageLoadError, MoneyPipe, LocalDatePipe, AmountStep, CardStep, RouterLink],
  templateUrl: './pay.page.html',
  styleUrl: './pay.page.css',
  // The steps (`components/`) are styled here too: one stylesheet for the page, its class names page-specific.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayPage implements OnInit {
  readonly hash = input.required<string>();

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly errorKey = errorKey;
  protected readonly isDisputed = isDisputed;
  private readonly title = inject(PageTitle);
  private readonly session = inject(Session);
  private readonly flow = inject(PaymentFlow);
  private readonly injector = inject(Injector);
  private readonly householdRequest = inject(HouseholdRequest);
  /** Taken at creation (during the navigation): the request sent at start-up when the app opened on this page. */
  private firstLoad = this.householdRequest.takeEarly();
  private readonly startGql = inject(StartPaymentGQL);
  private readonly recentGql = inject(RecentPaymentsGQL);
  private readonly amountHeading = viewChild<ElementRef<HTMLElement>>('amountHeading');
  private readonly warningBox = viewChild<ElementRef<HTMLElement>>('warningBox');

  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly household = signal<Household | null>(null);
  protected readonly phase = signal<'amount' | 'card'>('amount');
  protected readonly paymentSession = signal<PaymentSession | null>(null);
  protected readonly initialDecline = signal<PaymentFailure | null>(null);
  protected readonly starting = signal(false);
  protected readonly callError = signal<CallFailure | null>(null);
  protected readonly recent = signal<RecentPayment[]>([]);
  /** A recent payment the patient must acknowledge before another one starts (with the amount waiting). */
  protected readonly warning = signal<{ payment: RecentPayment; amountCents: number } | null>(null);
  protected readonly visitReceipts = this.flow.receipts;
  /** A decline reported by the receipt page for a payment this tab has no card step for (another tab's). */
  private readonly lateDecline = signal<PaymentFailure | null>(null);
  protected readonly lateDeclineText = computed(() => {
    const failure = this.lateDecline();
    return failure ? declineMessage(this.t, this.i18n.lang(), failure) : null;
  });
  private readonly lateDeclineBox = viewChild<ElementRef<HTMLElement>>('lateDeclineBox');

  protected readonly groups = computed(() => groupByPatient(this.household()?.charges ?? []));
  protected readonly totals = computed(() => chargeTotals(this.household()?.charges ?? []));
  /** The newest succeeded payment with a receipt, unless this visit's receipts already list it. */
  protected readonly lastReceipt = computed(() => {
    const last = this.recent().find((p) => p.status === 'SUCCEEDED' && p.txId !== null);
    return last && !this.visitReceipts().some((r) => r.txId === last.txId) ? last : null;
  });

  ngOnInit(): void {
    const failure = this.flow.take();
    const declined = this.flow.declinedSession();
    if (failure && declined) {
      // A decline the receipt page learned of: back to the card step of that payment, amount as chosen.
      this.paymentSession.set(declined);
      this.initialDecline.set(failure);
      this.phase.set('card');
    } else if (failure) {
      this.lateDecline.set(failure);
    }
    this.flow.declinedSession.set(null);
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
      this.title.set('title.pay', { practice: household.practice.name });
      if (this.lateDecline()) {
        afterNextRender({ read: () => this.lateDeclineBox()?.nativeElement.focus() }, { injector: this.injector });
      }
      void this.loadRecent();
    } catch (error) {
      if (errorCode(error) !== 'UNAUTHENTICATED') {
        this.state.set('error');
      }
    }
  }

  /** Recent payments of the household; unknown (an error) counts as none, so paying is never blocked by it. */
  private async loadRecent(): Promise<RecentPayment[]> {
    try {
      const result = await firstValueFrom(this.recentGql.fetch());
      const recent = result.data?.household?.recentPayments ?? [];
      this.recent.set(recent);
      return recent;
    } catch {
      return [];
    }
  }

  /** Step 1 done: warn about a recent payment first, else start the payment. */
  protected async continueWith(amountCents: number): Promise<void> {
    await whileBusy(this.starting, async () => {
      this.callError.set(null);
      const recent = await this.loadRecent();
      const other = recent.find(
        (p) => p.status === 'SUCCEEDED' || (p.status === 'PROCESSING' && !this.flow.abandonedHere(p.id)),
      );
      if (other) {
        this.warning.set({ payment: other, amountCents });
        afterNextRender({ read: () => this.warningBox()?.nativeElement.focus() }, { injector: this.injector });
        return;
      }
      await this.start(amountCents);
    });
  }

  /** The patient saw the warning and wants to pay anyway. */
  protected async payAnyway(): Promise<void> {
    const warning = this.warning();
    if (!warning) {
      return;
    }
    await whileBusy(this.starting, async () => {
      this.warning.set(null);
      await this.start(warning.amountCents);
    });
  }

  protected dontPayAgain(): void {
    this.warning.set(null);
    this.focusAmount();
  }

  private async start(amountCents: number): Promise<void> {
    this.lateDecline.set(null);
    try {
      const result = await firstValueFrom(
        this.startGql.mutate({ variables: { amountCents, idempotencyKey: newIdempotencyKey() } }),
      );
      const session = requireData(result, 'StartPayment').startPayment;
      this.flow.started(session.paymentId);
      this.initialDecline.set(null);
      this.paymentSession.set(session);
      this.phase.set('card');
    } catch (error) {
      this.fail(errorCode(error));
    }
  }

  protected changeAmount(): void {
    this.phase.set('amount');
    this.paymentSession.set(null);
    this.initialDecline.set(null);
    this.focusAmount();
  }

  private focusAmount(): void {
    afterNextRender({ read: () => this.amountHeading()?.nativeElement.focus() }, { injector: this.injector });
  }

  protected fail(code: CallFailure): void {
    if (code === 'UNAUTHENTICATED') {
      return; // The session handler is already taking the patient to the landing page.
    }
    this.callError.set(code);
    if (code === 'AMOUNT_EXCEEDS_BALANCE' || code === 'AMOUNT_TOO_LOW') {
      this.phase.set('amount');
      this.paymentSession.set(null);
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

  /** "3 minutes ago", in the patient's language. */
  protected ago(instant: string | null): string {
    const then = instant !== null ? Date.parse(instant) : NaN;
    const minutes = Number.isNaN(then) ? 0 : Math.max(0, Math.round((Date.now() - then) / 60_000));
    return new Intl.RelativeTimeFormat(this.i18n.locale(), { numeric: 'auto' }).format(-minutes, 'minute');
  }
}
