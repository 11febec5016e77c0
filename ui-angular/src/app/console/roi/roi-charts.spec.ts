import { funnelSteps, onlineShare, roiCharts, type RoiReport } from './roi-charts';

const m = (cents: number) => ({ cents, currency: 'USD' });
const report: RoiReport = {
  from: '2026-03-01',
  to: '2026-03-02',
  onlineCollections: m(3000),
  allCollections: m(12000),
  bySource: [
    { source: 'ONLINE_PATIENT_PAYMENT', count: 2, amount: m(3000) },
    { source: 'IN_OFFICE', count: 3, amount: m(9000) },
  ],
  householdsPayingOnlineShare: 0.4,
  medianDaysToPayOnline: 3,
  medianDaysToPayOther: 21.5,
  funnel: [
    { step: 'PAYMENT_COMPLETED', count: 2 },
    { step: 'LANDING', count: 8 },
    { step: 'SIGNED_IN', count: 5 },
    { step: 'PAYMENT_STARTED', count: 3 },
  ],
  byLocation: [{ locationId: 'l1', locationName: 'Downtown', online: m(3000), all: m(12000) }],
  byProcedureCategory: [{ category: 'Preventive', online: m(1000), all: m(4000) }],
  byDay: [
    { date: '2026-03-01', online: m(1000), all: m(5000) },
    { date: '2026-03-02', online: m(2000), all: m(7000) },
  ],
};
const words = {
  online: 'Online',
  all: 'All',
  amount: 'Collected',
  count: 'Count',
  source: (c: string) => `source:${c}`,
  step: (c: string) => `step:${c}`,
  day: (d: string) => `day:${d}`,
};

describe('roiCharts', () => {
  it('charts the same cents the tables list, series by series', () => {
    const charts = roiCharts(report, words);
    expect(charts.source).toEqual({
      kind: 'bar',
      labels: ['source:ONLINE_PATIENT_PAYMENT', 'source:IN_OFFICE'],
      series: [{ label: 'Collected', values: [3000, 9000] }],
      unit: 'cents',
    });
    expect(charts.location.series).toEqual([
      { label: 'Online', values: [3000] },
      { label: 'All', values: [12000] },
    ]);
    expect(charts.category.labels).toEqual(['Preventive']);
    expect(charts.day).toEqual({
      kind: 'line',
      labels: ['day:2026-03-01', 'day:2026-03-02'],
      series: [
        { label: 'Online', values: [1000, 2000] },
        { label: 'All', values: [5000, 7000] },
      ],
      unit: 'cents',
    });
  });

  it('puts the funnel in its natural order whatever the server’s order, as horizontal counts', () => {
    const { funnel } = roiCharts(report, words);
    expect(funnel.horizontal).toBe(true);
    expect(funnel.unit).toBe('count');
    expect(funnel.labels).toEqual(['step:LANDING', 'step:SIGNED_IN', 'step:PAYMENT_STARTED', 'step:PAYMENT_COMPLETED']);
    expect(funnel.series.map((s) => s.values)).toEqual([[8, 5, 3, 2]]);
  });
});

describe('funnelSteps and onlineShare', () => {
  it('gives each step its share of landings, and none without landings', () => {
    expect(funnelSteps(report).map((s) => s.ofLanding)).toEqual([1, 5 / 8, 3 / 8, 2 / 8]);
    expect(funnelSteps({ ...report, funnel: [{ step: 'LANDING', count: 0 }] })).toEqual([
      { step: 'LANDING', count: 0, ofLanding: null },
    ]);
  });

  it('is the online part of all collections, null when nothing was collected', () => {
    expect(onlineShare(report)).toBe(0.25);
    expect(onlineShare({ ...report, allCollections: m(0) })).toBeNull();
  });
});
