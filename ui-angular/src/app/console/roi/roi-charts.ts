import type { ConsoleRoiQuery } from '../graphql/generated';

export type RoiReport = NonNullable<NonNullable<NonNullable<ConsoleRoiQuery['console']>['practice']>['roi']>;

/** What one chart shows, independent of the chart library: the same numbers its data table lists. */
export interface ChartSpec {
  kind: 'bar' | 'line';
  /** Horizontal bars (the funnel). */
  horizontal?: boolean;
  labels: string[];
  series: { label: string; values: number[] }[];
  /** `cents`: values are cents, axis ticks and tooltips through the money formatter; `count`: plain numbers. */
  unit: 'cents' | 'count';
}

/** Translations the chart specs need, from the page's dictionary. */
export interface RoiWords {
  online: string;
  all: string;
  amount: string;
  count: string;
  source: (code: string) => string;
  step: (code: string) => string;
  day: (iso: string) => string;
}

export const FUNNEL_ORDER = ['LANDING', 'SIGNED_IN', 'PAYMENT_STARTED', 'PAYMENT_COMPLETED'];

/** Funnel steps in their natural order (whatever order the server lists them), each with its share of landings. */
export function funnelSteps(report: RoiReport): { step: string; count: number; ofLanding: number | null }[] {
  const steps = [...report.funnel].sort((a, b) => rank(a.step) - rank(b.step));
  const landing = steps.find((s) => s.step === 'LANDING')?.count ?? 0;
  return steps.map((s) => ({ step: s.step, count: s.count, ofLanding: landing > 0 ? s.count / landing : null }));
}

function rank(step: string): number {
  const i = FUNNEL_ORDER.indexOf(step);
  return i < 0 ? FUNNEL_ORDER.length : i;
}

/** Share (0–1) of all collections that came online; null when nothing was collected. */
export function onlineShare(report: RoiReport): number | null {
  return report.allCollections.cents > 0 ? report.onlineCollections.cents / report.allCollections.cents : null;
}

/** The five charts of the ROI page, in page order. */
export function roiCharts(
  report: RoiReport,
  words: RoiWords,
): Record<'source' | 'funnel' | 'location' | 'category' | 'day', ChartSpec> {
  const pair = (rows: { online: { cents: number }; all: { cents: number } }[]) => [
    { label: words.online, values: rows.map((r) => r.online.cents) },
    { label: words.all, values: rows.map((r) => r.all.cents) },
  ];
  return {
    source: {
      kind: 'bar',
      labels: report.bySource.map((s) => words.source(s.source)),
      series: [{ label: words.amount, values: report.bySource.map((s) => s.amount.cents) }],
      unit: 'cents',
    },
    funnel: {
      kind: 'bar',
      horizontal: true,
      labels: funnelSteps(report).map((s) => words.step(s.step)),
      series: [{ label: words.count, values: funnelSteps(report).map((s) => s.count) }],
      unit: 'count',
    },
    location: {
      kind: 'bar',
      labels: report.byLocation.map((l) => l.locationName),
      series: pair(report.byLocation),
      unit: 'cents',
    },
    category: {
      kind: 'bar',
      labels: report.byProcedureCategory.map((c) => c.category),
      series: pair(report.byProcedureCategory),
      unit: 'cents',
    },
    day: {
      kind: 'line',
      labels: report.byDay.map((d) => words.day(d.date)),
      series: pair(report.byDay),
      unit: 'cents',
    },
  };
}
