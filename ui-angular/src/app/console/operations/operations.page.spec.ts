import { ADMIN, SUPPORT, startApp, ui } from '../../../testing/graphql-backend';
import { checkWindow, instantToLocal, localToInstant } from './operations.page';

describe('OperationsPage', () => {
  it('is for support only', async () => {
    const app = await startApp('/console/operations', { staff: ADMIN });
    await ui.settle(app.harness, 4);
    expect(ui.find(document, '[data-testid="ops-forbidden"]').textContent).toContain('support staff');
    expect(app.api.calls('ConsoleOperations')).toHaveLength(0);
    expect(document.querySelector('a[href="/console/operations"]')).toBeNull();
  });

  it('shows the queues and replays the dead letters after a confirmation', async () => {
    const app = await startApp('/console/operations', { staff: SUPPORT });
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="dlq-depth"]').textContent).toBe('3');
    expect(ui.find(document, '[data-testid="queue-depth"]').textContent).toBe('0');
    expect(document.querySelectorAll('[data-testid="run-row"]')).toHaveLength(2);
    ui.find(document, '[data-testid="replay"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect(ui.find(document, '[data-testid="replay-dialog"]', HTMLDialogElement).open).toBe(true);
    expect(app.api.calls('ConsoleReplayDeadLetters')).toHaveLength(0);
    ui.find(document, '[data-testid="replay-confirm"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 8);
    expect(app.api.lastCall('ConsoleReplayDeadLetters').variables).toEqual({ max: 100 });
    expect(ui.find(document, '[data-testid="replayed"]').textContent).toContain('3 messages moved back to the queue.');
    expect(ui.find(document, '[data-testid="dlq-depth"]').textContent).toBe('0');
    expect(ui.find(document, '[data-testid="replay"]', HTMLButtonElement).disabled).toBe(true);
  });

  it('runs reconciliation for a checked window', async () => {
    const app = await startApp('/console/operations', { staff: SUPPORT });
    await ui.settle(app.harness, 6);
    ui.type(ui.find(document, '#ops-from', HTMLInputElement), '2026-03-01T00:00');
    ui.type(ui.find(document, '#ops-to', HTMLInputElement), '2026-04-15T00:00');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('The window can be at most 31 days.');
    expect(app.api.calls('ConsoleRunReconciliation')).toHaveLength(0);
    ui.type(ui.find(document, '#ops-to', HTMLInputElement), '2026-03-02T00:00');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness, 8);
    expect(app.api.lastCall('ConsoleRunReconciliation').variables).toEqual({
      from: new Date('2026-03-01T00:00').toISOString(),
      to: new Date('2026-03-02T00:00').toISOString(),
    });
    expect(ui.find(document, '[data-testid="run-result"]').textContent).toMatch(/Checked \d+ payments, repaired 0\./);
    expect(document.querySelectorAll('[data-testid="run-row"]')).toHaveLength(3);
  });
});

describe('the reconciliation window', () => {
  it.each([
    ['2026-03-01T00:00', '2026-03-02T00:00', true],
    ['2026-03-01T00:00', '2026-04-01T00:00', true],
    ['2026-03-01T00:00', '2026-04-01T00:01', 'ops.err.span'],
    ['2026-03-02T00:00', '2026-03-01T00:00', 'ops.err.order'],
    ['2026-03-01T00:00', '2026-03-01T00:00', 'ops.err.order'],
    ['', '2026-03-01T00:00', 'ops.err.times'],
    ['yesterday', '2026-03-01T00:00', 'ops.err.times'],
  ])('%s → %s is %s', (from, to, expected) => {
    const check = checkWindow(from, to);
    expect(check.ok ? true : check.error).toBe(expected);
  });

  it('round-trips a local time', () => {
    const date = new Date(2026, 2, 14, 9, 41);
    expect(instantToLocal(date)).toBe('2026-03-14T09:41');
    expect(localToInstant('2026-03-14T09:41')).toBe(date.toISOString());
  });
});
