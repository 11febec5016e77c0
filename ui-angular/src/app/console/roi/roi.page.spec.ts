import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { BILLING, patientPays, startApp, ui } from '../../../testing/graphql-backend';
import { isoDay } from '../core/console-date';
import { isoAtOffset } from '../../../testing/mock-api';
import type { ConsoleRoiQuery } from '../graphql/generated';
import type { RoiReport } from './roi-charts';

const cents = (selector: string) => Number(ui.find(document, selector).getAttribute('data-cents'));
const tableRows = (testId: string) =>
  Array.from(document.querySelectorAll(`[data-testid="${testId}"] tbody tr`), (tr) =>
    Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent.trim()),
  );

describe('RoiPage', () => {
  it('asks for the last 90 days of the whole practice and shows every figure, each chart with its data table', async () => {
    const app = await startApp('/console/pr-K7MX4Q/roi', { staff: BILLING });
    await ui.settle(app.harness, 8);
    const asked = app.api.lastCall('ConsoleRoi').variables;
    expect(asked).toEqual({
      practiceId: 'pr-K7MX4Q',
      from: isoDay(new Date(), 89),
      to: isoDay(new Date()),
      locationId: null,
    });

    // The page shows exactly what the server answered for that range.
    const token = app.api.console.signInStaff(BILLING);
    const answer = app.api.handle({ operationName: 'ConsoleRoi', variables: asked }, null, token).json as {
      data: ConsoleRoiQuery;
    };
    const report: RoiReport = answer.data.console?.practice?.roi ?? ui.fail('the mock answered no ROI report');
    expect(cents('[data-testid="roi-online"]')).toBe(report.onlineCollections.cents);
    expect(cents('[data-testid="roi-all"]')).toBe(report.allCollections.cents);
    expect(tableRows('roi-source-table').map((r) => r[0])).toEqual(['Online', 'In office', 'Mail / check', 'Other']);
    expect(tableRows('roi-source-table')[0]?.[1]).toBe(String(report.bySource[0]?.count));
    expect(tableRows('roi-funnel-table').map((r) => r[0])).toEqual([
      'Opened the payment page',
      'Signed in',
      'Started a payment',
      'Completed a payment',
    ]);
    expect(tableRows('roi-funnel-table')[0]?.[2]).toBe('100%');
    expect(tableRows('roi-location-table').map((r) => r[0])).toEqual(['Downtown', 'North Austin']);
    expect(tableRows('roi-category-table')).toHaveLength(report.byProcedureCategory.length);
    expect(tableRows('roi-day-table')).toHaveLength(90);
    expect(ui.find(document, '[data-testid="roi-households"]').textContent).toMatch(/^\d+(\.\d)?%$/);
    // Every chart is an image with a text alternative pointing at its table.
    const canvases = Array.from(document.querySelectorAll('canvas'));
    expect(canvases).toHaveLength(5);
    expect(
      canvases.every(
        (c) => c.getAttribute('role') === 'img' && (c.getAttribute('aria-label') ?? '').includes('table below'),
      ),
    ).toBe(true);
  });

  it('counts today’s online payment, net of a posted refund, in today’s figures', async () => {
    const app = await startApp('/console/pr-K7MX4Q/roi', { staff: BILLING });
    await ui.settle(app.harness, 8);
    // Today in the practice's time zone (the mock's K7MX4Q is at UTC−05:00), which the default range always includes.
    const today = isoAtOffset(Date.now(), -300).slice(0, 10);
    const dayCents = () =>
      Number(ui.find(document, `[data-testid="roi-day-table"] tr[data-date="${today}"] td`).getAttribute('data-cents'));
    const before = dayCents();
    const tx = patientPays(app.api, '100234', 'garcia', 2500);
    const token = app.api.console.signInStaff(BILLING);
    app.api.handle(
      {
        operationName: 'ConsoleRefundPayment',
        variables: { transactionId: tx, amountCents: 500, reason: 'DUPLICATE', idempotencyKey: 'k1' },
      },
      null,
      token,
    );
    for (let i = 0; i < 3; i++) {
      app.api.handle(
        { operationName: 'ConsolePayment', variables: { practiceId: 'pr-K7MX4Q', transactionId: tx } },
        null,
        token,
      );
    }
    ui.submit(ui.find(document, 'form[aria-label="Period and location"]'));
    await ui.settle(app.harness, 8);
    expect(dayCents()).toBe(before + 2000);
  });

  it('narrows to one location and checks the range before asking', async () => {
    const app = await startApp('/console/pr-K7MX4Q/roi', { staff: BILLING });
    await ui.settle(app.harness, 8);
    ui.choose(ui.find(document, '#roi-location', HTMLSelectElement), 'loc-na');
    ui.submit(ui.find(document, 'form[aria-label="Period and location"]'));
    await ui.settle(app.harness, 8);
    expect(app.api.lastCall('ConsoleRoi').variables['locationId']).toBe('loc-na');
    expect(tableRows('roi-location-table').map((r) => r[0])).toEqual(['North Austin']);

    ui.type(ui.find(document, '#roi-from', HTMLInputElement), '2026-03-02');
    ui.type(ui.find(document, '#roi-to', HTMLInputElement), '2026-03-01');
    ui.submit(ui.find(document, 'form[aria-label="Period and location"]'));
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('“To” must be on or after “From”.');
    ui.type(ui.find(document, '#roi-from', HTMLInputElement), '2024-01-01');
    ui.submit(ui.find(document, 'form[aria-label="Period and location"]'));
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('Choose at most 366 days.');
    expect(app.api.calls('ConsoleRoi')).toHaveLength(2);
  });

  it('shows an error with a retry, and Spanish labels', async () => {
    const app = await startApp('/console/pr-K7MX4Q/roi', { staff: BILLING });
    await ui.settle(app.harness, 8);
    app.api.override('ConsoleRoi', { errorCode: 'UPSTREAM_UNAVAILABLE' });
    ui.submit(ui.find(document, 'form[aria-label="Period and location"]'));
    await ui.settle(app.harness, 8);
    expect(ui.find(document, '[data-testid="roi-error"]').textContent).toContain('unavailable right now');
    TestBed.inject(I18n).use('es');
    ui.find(document, '[data-testid="roi-error"] button', HTMLButtonElement).click();
    await ui.settle(app.harness, 8);
    expect(ui.documentText()).toContain('Cobros por origen del pago');
    expect(tableRows('roi-source-table')[0]?.[0]).toBe('En línea');
  });
});
