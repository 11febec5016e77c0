import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AllocationPreviewGQL, type AllocationPreviewQuery } from '../../core/graphql/generated';
import { LocalDatePipe } from '../../core/format/date.pipe';
import { MoneyPipe } from '../../core/format/money.pipe';
import { I18n } from '../../core/i18n/i18n';
import type { Charge, ChargeTotals } from '../charges';

type Preview = NonNullable<AllocationPreviewQuery['household']>['allocationPreview'];

/** Wait this long after the last keystroke before asking the server (one request per pause, not per digit). */
export const PREVIEW_DEBOUNCE_MS = 250;

/**
 * Which charges an amount pays, exactly as the server's allocator (the ledger's own rule) says:
 * `household.allocationPreview(amountCents)`. The SPA computes nothing itself. While the answer is on its way the
 * previous one stays greyed; when the server cannot answer, the page says so and the patient can still pay (the
 * receipt, from the ledger, shows where the money went).
 */
@Component({
  selector: 'app-allocation-preview',
  imports: [MoneyPipe, LocalDatePipe],
  template: `
    <div class="preview" data-testid="preview" [attr.aria-busy]="state() === 'loading'">
      @switch (state()) {
        @case ('unavailable') {
          <p class="small" data-testid="preview-unavailable">{{ t('pay.previewUnavailable') }}</p>
        }
        @case ('loading') {
          @if (!preview()) {
            <p class="small muted" role="status">
              <span class="spinner" aria-hidden="true"></span> {{ t('pay.previewLoading') }}
            </p>
          }
        }
      }
      @if (state() !== 'unavailable' && preview(); as p) {
        <div [class.preview--stale]="state() === 'loading'">
          @if (full()) {
            <p class="preview__all" data-testid="preview-full">
              @if (totals().disputedCount === 0) {
                {{ t('pay.previewAll', { count: paidInFull() }) }}
              } @else {
                {{ t('pay.previewAllOf', { count: paidInFull(), total: totals().listedCount }) }}
              }
            </p>
          } @else {
            <h3>{{ t('pay.preview') }}</h3>
            <ol class="preview__list">
              @for (item of lines(); track item.chargeId) {
                <li
                  data-testid="preview-line"
                  [attr.data-charge-id]="item.chargeId"
                  [attr.data-applied]="item.applied.cents"
                  [attr.data-remaining]="item.remaining.cents"
                >
                  <span class="preview__what">
                    @if (item.charge; as c) {
                      {{ c.serviceDate | localDate }} · {{ c.procedureName }}
                      <span class="muted">({{ c.patientName }})</span>
                    }
                  </span>
                  <span class="preview__how">
                    {{ t('pay.previewApplied', { amount: (item.applied | money) }) }}
                    @if (item.remaining.cents > 0) {
                      · {{ t('pay.previewRemaining', { amount: (item.remaining | money) }) }}
                    }
                  </span>
                </li>
              }
            </ol>
            @if (totals().disputedCount > 0) {
              <p class="small muted">{{ t('pay.previewSkipsDisputed') }}</p>
            }
          }
          @if (p.credit.cents > 0) {
            <p class="small" data-testid="preview-credit">
              {{ t('pay.previewCredit', { amount: (p.credit | money) }) }}
            </p>
          }
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllocationPreview {
  /** The amount to preview in cents; null while the typed amount is not valid. */
  readonly amountCents = input.required<number | null>();
  /** True when the patient chose the full balance (a one-line summary instead of the list). */
  readonly full = input(false);
  /** The listed charges (for names and dates of the lines). */
  readonly charges = input.required<readonly Charge[]>();
  readonly totals = input.required<ChargeTotals>();

  protected readonly t = inject(I18n).t;
  private readonly gql = inject(AllocationPreviewGQL);
  protected readonly state = signal<'idle' | 'loading' | 'ready' | 'unavailable'>('idle');
  protected readonly preview = signal<Preview | null>(null);
  private sequence = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  protected readonly lines = computed(() => {
    const byId = new Map(this.charges().map((c) => [c.id, c]));
    return (this.preview()?.lines ?? []).map((line) => ({ ...line, charge: byId.get(line.chargeId) ?? null }));
  });
  protected readonly paidInFull = computed(
    () => (this.preview()?.lines ?? []).filter((l) => l.remaining.cents === 0).length,
  );

  constructor() {
    effect(() => {
      const cents = this.amountCents();
      this.schedule(cents);
    });
    inject(DestroyRef).onDestroy(() => {
      this.cancel();
    });
  }

  private schedule(cents: number | null): void {
    this.cancel();
    const sequence = ++this.sequence;
    if (cents === null || cents <= 0) {
      this.preview.set(null);
      this.state.set('idle');
      return;
    }
    if (this.preview()?.amount.cents === cents) {
      this.state.set('ready');
      return;
    }
    this.state.set('loading');
    this.timer = setTimeout(() => void this.fetch(cents, sequence), this.preview() ? PREVIEW_DEBOUNCE_MS : 0);
  }

  private async fetch(cents: number, sequence: number): Promise<void> {
    try {
      const result = await firstValueFrom(this.gql.fetch({ variables: { amountCents: cents } }));
      if (sequence !== this.sequence) {
        return; // the patient typed on: a newer request owns the preview
      }
      const preview = result.data?.household?.allocationPreview ?? null;
      this.preview.set(preview);
      this.state.set(preview ? 'ready' : 'unavailable');
    } catch {
      if (sequence === this.sequence) {
        this.state.set('unavailable');
      }
    }
  }

  private cancel(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
