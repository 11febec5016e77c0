import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MoneyPipe } from '../../core/format/money.pipe';
import type { CallFailure } from '../../core/graphql/errors';
import { failureOf } from '../core/console-api';
import { ConsolePage } from '../core/console-page';
import { formatConsoleDate, isoDay } from '../core/console-date';
import type { ConsoleKey } from '../core/messages.en';
import { ConsoleRoiGQL } from '../graphql/generated';
import { RoiChart } from './roi-chart';
import { funnelSteps, onlineShare, roiCharts, type RoiReport } from './roi-charts';

/** Default range: the last 90 days, today included. */
export const DEFAULT_DAYS = 90;
/** Longest range the server takes (`to` at most 366 days after `from`). */
const MAX_SPAN_DAYS = 366;

/**
 * `/console/:practiceId/roi`: return on online bill pay for a date range (default the last 90 days) and one location or
 * all — online vs all collections by source, share of households paying online, median days to pay, the patient
 * funnel, collections by location, procedure category and day. Every chart has its data table right after it.
 */
@Component({
  selector: 'app-console-roi',
  imports: [MoneyPipe, RoiChart],
  templateUrl: './roi.page.html',
  styles: `
    .roi-tiles {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      margin-bottom: 1rem;
    }
    .roi-tile {
      margin: 0;
    }
    .roi-tile dd {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 700;
    }
    .roi-tile dt {
      color: var(--muted);
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoiPage extends ConsolePage {
  readonly practiceId = input.required<string>();

  private readonly roiGql = inject(ConsoleRoiGQL);

  protected readonly practice = computed(() => this.session.practice(this.practiceId()));
  protected readonly from = signal(isoDay(new Date(), DEFAULT_DAYS - 1));
  protected readonly to = signal(isoDay(new Date()));
  protected readonly location = signal('');
  protected readonly rangeError = signal<ConsoleKey | null>(null);
  protected readonly report = signal<RoiReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly failure = signal<CallFailure | null>(null);

  protected readonly charts = computed(() => {
    const report = this.report();
    if (!report) return null;
    return roiCharts(report, {
      online: this.t('roi.online'),
      all: this.t('roi.all'),
      amount: this.t('roi.collected'),
      count: this.t('roi.count'),
      source: (code) => this.sourceLabel(code),
      step: (code) => this.stepLabel(code),
      day: (iso) => formatConsoleDate(iso, this.i18n.locale()),
    });
  });
  /** The two "online vs all" breakdowns that share one layout: by location and by procedure category. */
  protected readonly pairBlocks = computed(() => {
    const report = this.report();
    const charts = this.charts();
    if (!report || !charts) return [];
    return [
      {
        id: 'location',
        title: this.t('roi.byLocation'),
        col: this.t('roi.col.location'),
        spec: charts.location,
        rows: report.byLocation.map((l) => ({ name: l.locationName, online: l.online, all: l.all })),
      },
      {
        id: 'category',
        title: this.t('roi.byCategory'),
        col: this.t('roi.col.category'),
        spec: charts.category,
        rows: report.byProcedureCategory.map((c) => ({ name: c.category, online: c.online, all: c.all })),
      },
    ];
  });
  protected readonly funnel = computed(() => {
    const report = this.report();
    return report === null ? [] : funnelSteps(report);
  });
  protected readonly share = computed(() => {
    const report = this.report();
    return report === null ? null : onlineShare(report);
  });

  constructor() {
    super();
    effect(() => {
      this.title.set('title.roi', { practice: this.practice()?.name ?? '' });
    });
    effect(() => {
      this.practiceId();
      untracked(() => void this.load());
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    void this.load();
  }

  protected async load(): Promise<void> {
    const from = this.from();
    const to = this.to();
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    this.rangeError.set(
      !from || !to || Number.isNaN(span)
        ? 'roi.err.dates'
        : span < 0
          ? 'roi.err.order'
          : span > MAX_SPAN_DAYS
            ? 'roi.err.span'
            : null,
    );
    if (this.rangeError()) {
      document.getElementById('roi-to')?.focus();
      return;
    }
    this.loading.set(true);
    this.failure.set(null);
    try {
      const result = await this.api.call(
        this.roiGql.fetch({
          variables: { practiceId: this.practiceId(), from, to, locationId: this.location() || null },
        }),
      );
      this.report.set(result.data?.console?.practice?.roi ?? null);
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected percent(share: number | null): string {
    return share === null
      ? '—'
      : new Intl.NumberFormat(this.i18n.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
  }

  protected days(value: number | null): string {
    return value === null
      ? '—'
      : this.t('roi.daysValue', {
          n: new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 1 }).format(value),
        });
  }

  /** A payment source in words; the server's code when it is one the console does not know. */
  protected sourceLabel(code: string): string {
    return this.i18n.label(`source.${code}`, code);
  }

  /** A funnel step in words; the server's code when it is one the console does not know. */
  protected stepLabel(code: string): string {
    return this.i18n.label(`funnel.${code}`, code);
  }

  protected date(iso: string): string {
    return formatConsoleDate(iso, this.i18n.locale());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
