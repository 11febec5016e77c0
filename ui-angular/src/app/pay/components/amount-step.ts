import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MoneyPipe } from '../../core/format/money.pipe';
import { I18n } from '../../core/i18n/i18n';
import type { MessageKey } from '../../core/i18n/messages.en';
import { MIN_PAYMENT_CENTS, checkAmount, type AmountCheck } from '../amount';
import type { Charge, ChargeTotals } from '../charges';
import { PaymentFlow, type AmountMode } from '../payment-flow';
import { AllocationPreview } from './allocation-preview';

/**
 * Step 1 of paying: full balance or another amount (checked as the patient types, with the server's preview of what
 * it pays), then "Continue". The choice lives in `PaymentFlow`, so a decline, a trip to the receipt page or a
 * re-sign-in after a timeout finds it as the patient left it. On phones, while the Continue button is scrolled out
 * of view, a sticky bar repeats the amount and "Continue" (it submits the same form; nothing is hidden from screen
 * readers). The page always keeps room below for the bar, shown or not, so the bar covers no content and its
 * coming and going never shifts the layout under a tap (a shift moved taps onto the neighbouring choice).
 */
@Component({
  selector: 'app-amount-step',
  imports: [MoneyPipe, AllocationPreview],
  templateUrl: './amount-step.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmountStep {
  readonly balanceCents = input.required<number>();
  readonly charges = input.required<readonly Charge[]>();
  readonly totals = input.required<ChargeTotals>();
  readonly busy = input(false);
  /** The validated amount, when the patient continues. */
  readonly continued = output<number>();

  private readonly flow = inject(PaymentFlow);
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;
  protected readonly minCents = MIN_PAYMENT_CENTS;
  protected readonly mode = this.flow.mode;
  protected readonly amountText = this.flow.amountText;
  protected readonly touched = signal(this.flow.amountText() !== '');
  private readonly amountInput = viewChild<ElementRef<HTMLInputElement>>('amountInput');
  private readonly continueButton = viewChild<ElementRef<HTMLButtonElement>>('continueButton');
  /** False while the form's own Continue button is out of view (then the sticky bar shows). */
  protected readonly continueInView = signal(true);

  protected readonly check = computed<AmountCheck>(() =>
    this.mode() === 'full'
      ? { ok: true, cents: this.balanceCents() }
      : checkAmount(this.amountText(), this.balanceCents()),
  );
  protected readonly previewCents = computed(() => {
    const check = this.check();
    return check.ok ? check.cents : null;
  });
  protected readonly errorKey = computed<MessageKey | null>(() => {
    const check = this.check();
    if (check.ok || this.mode() !== 'other' || (!this.touched() && check.error === 'required')) {
      return null;
    }
    return `pay.err.${check.error}`;
  });

  constructor() {
    afterNextRender(() => {
      this.watchContinueButton();
    });
  }

  protected choose(mode: AmountMode): void {
    this.mode.set(mode);
    if (mode === 'other') {
      afterNextRender({ read: () => this.amountInput()?.nativeElement.focus() }, { injector: this.injector });
    }
  }

  protected typeAmount(event: Event): void {
    this.amountText.set((event.target as HTMLInputElement).value);
    this.touched.set(true);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.touched.set(true);
    const check = this.check();
    if (!check.ok) {
      this.amountInput()?.nativeElement.focus();
      return;
    }
    if (!this.busy()) {
      this.continued.emit(check.cents);
    }
  }

  private watchContinueButton(): void {
    const button = this.continueButton()?.nativeElement;
    if (!button || typeof IntersectionObserver === 'undefined') {
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      this.continueInView.set(entries.some((e) => e.isIntersecting));
    });
    observer.observe(button);
    this.injector.get(DestroyRef).onDestroy(() => {
      observer.disconnect();
    });
  }
}
