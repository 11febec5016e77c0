import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  OnInit,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Stripe, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { I18n } from '../core/i18n/i18n';

export interface StripeSessionInput {
  clientSecret: string;
  publishableKey: string;
  stripeAccount: string | null;
}

/** Outcome of confirming with Stripe: `ok`, or a patient-readable message from Stripe.js. */
export type StripeConfirmResult = { ok: true } | { ok: false; message: string };

/**
 * Stripe's Payment Element for `STRIPE` mode. Stripe.js is imported from `@stripe/stripe-js/pure` only here, in a lazy
 * chunk, and its script is fetched only when this component appears; when it cannot load (offline, blocked, or a
 * machine without internet) the patient sees a message and the rest of the page keeps working.
 */
@Component({
  selector: 'app-stripe-card',
  template: `
    @switch (state()) {
      @case ('loading') {
        <p role="status"><span class="spinner" aria-hidden="true"></span> {{ t('pay.stripeLoading') }}</p>
      }
      @case ('unavailable') {
        <div class="alert alert--error" role="alert">
          <p>{{ t('pay.stripeUnavailable', { phone: phone() ?? '' }) }}</p>
          <button type="button" class="btn btn--ghost" (click)="load()">{{ t('pay.retry') }}</button>
        </div>
      }
    }
    <div #host class="stripe-host"></div>
  `,
  styles: `
    .stripe-host {
      min-height: 1px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StripeCard implements OnInit, OnDestroy {
  readonly session = input.required<StripeSessionInput>();
  readonly phone = input<string | null>(null);

  protected readonly t = inject(I18n).t;
  private readonly i18n = inject(I18n);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  protected readonly state = signal<'loading' | 'ready' | 'unavailable'>('loading');
  private stripe: Stripe | null = null;
  private elements: StripeElements | null = null;
  private element: StripePaymentElement | null = null;

  ngOnInit(): void {
    void this.load();
  }

  ngOnDestroy(): void {
    this.element?.destroy();
  }

  get ready(): boolean {
    return this.state() === 'ready';
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      const { loadStripe } = await import('@stripe/stripe-js/pure');
      const session = this.session();
      const stripe = await withTimeout(
        loadStripe(
          session.publishableKey,
          session.stripeAccount !== null ? { stripeAccount: session.stripeAccount } : undefined,
        ),
        15000,
      );
      if (!stripe) {
        throw new Error('Stripe.js unavailable');
      }
      this.stripe = stripe;
      this.elements = stripe.elements({ clientSecret: session.clientSecret, locale: this.i18n.lang() });
      this.element = this.elements.create('payment', { layout: 'tabs' });
      this.element.mount(this.host().nativeElement);
      this.state.set('ready');
    } catch {
      this.state.set('unavailable');
    }
  }

  /** Confirms the PaymentIntent; stays on the page unless the card needs a redirect (3-D Secure), then returns to `returnUrl`. */
  async confirm(returnUrl: string): Promise<StripeConfirmResult> {
    if (!this.stripe || !this.elements) {
      return { ok: false, message: this.t('pay.stripeUnavailable', { phone: this.phone() ?? '' }) };
    }
    const { error } = await this.stripe.confirmPayment({
      elements: this.elements,
      redirect: 'if_required',
      confirmParams: { return_url: returnUrl },
    });
    return error ? { ok: false, message: error.message ?? this.t('decline.other') } : { ok: true };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error('timeout'));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
