import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { startApp, ui } from '../../../testing/graphql-backend';
import { Session } from './session';
import { SessionTimer, WARN_BEFORE_MS } from './session-timer';
import { TimeoutDialog } from './timeout-dialog';

/** Moves this device's clock (only `Date`; timers stay real) and lets the timer look at it. */
function advance(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
  TestBed.inject(SessionTimer).check();
}

async function signedInWithDialog(options: Parameters<typeof startApp>[1] = {}) {
  const app = await startApp('/p/K7MX4Q/receipt/TX-000009', { account: '100234', idleSeconds: 600, ...options });
  await ui.settle(app.harness, 8);
  const fixture = TestBed.createComponent(TimeoutDialog);
  fixture.detectChanges();
  await ui.settle(app.harness, 4);
  const dialog = ui.find(fixture.nativeElement as HTMLElement, 'dialog', HTMLDialogElement);
  const render = async () => {
    fixture.detectChanges();
    await ui.settle(app.harness, 2);
  };
  return { app, fixture, dialog, render };
}

describe('Session timeout warning (WCAG 2.2.1)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-22T15:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  it('learns the session’s times from the server once signed in', async () => {
    const { app } = await signedInWithDialog();
    expect(app.api.calls('SessionInfo').length).toBeGreaterThanOrEqual(1);
    const secondsLeft = TestBed.inject(SessionTimer).secondsLeft() ?? ui.fail('no time left known');
    expect(secondsLeft).toBeGreaterThan(590);
    expect(secondsLeft).toBeLessThanOrEqual(600);
  });

  it('opens an accessible dialog at least 60 s before the end; "Stay signed in" renews on the server', async () => {
    const { app, dialog, render } = await signedInWithDialog();
    advance(600_000 - WARN_BEFORE_MS - 5_000);
    await render();
    expect(dialog.open).toBe(false);

    advance(10_000);
    await render();
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(ui.find(document, `#${dialog.getAttribute('aria-labelledby') ?? 'missing'}`).textContent).toBe(
      'Are you still there?',
    );
    const body = ui.find(document, `#${dialog.getAttribute('aria-describedby') ?? 'missing'}`).textContent;
    const seconds = Number((/in (\d+) seconds/.exec(body) ?? ui.fail(`no seconds in "${body}"`))[1]);
    expect(seconds).toBeGreaterThanOrEqual(60);
    const stay = ui.find(dialog, '[data-testid="stay-signed-in"]', HTMLButtonElement);
    expect(document.activeElement).toBe(stay);

    const asked = app.api.calls('SessionInfo').length;
    stay.click();
    await ui.settle(app.harness, 6);
    await render();
    expect(app.api.calls('SessionInfo').length).toBe(asked + 1);
    expect(dialog.open).toBe(false);
    expect(TestBed.inject(SessionTimer).secondsLeft()).toBeGreaterThan(590);
    expect(TestBed.inject(Session).signedIn()).toBe(true);
  });

  it('Escape is "Stay signed in"', async () => {
    const { app, dialog, render } = await signedInWithDialog();
    advance(600_000 - WARN_BEFORE_MS + 1000);
    await render();
    const asked = app.api.calls('SessionInfo').length;
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    await ui.settle(app.harness, 6);
    await render();
    expect(app.api.calls('SessionInfo').length).toBe(asked + 1);
    expect(dialog.open).toBe(false);
  });

  it('any request of the page moves the end, so an active patient is not warned', async () => {
    const { app, dialog, render } = await signedInWithDialog();
    advance(400_000);
    // A request the app sends: its answer renews the idle end.
    await TestBed.inject(Router).navigateByUrl('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    advance(600_000 - WARN_BEFORE_MS - 400_000 + 5_000);
    await render();
    expect(dialog.open).toBe(false);
  });

  it('when time runs out, the patient lands on the sign-in page told why, and returns to the page after sign-in', async () => {
    const { app, render } = await signedInWithDialog();
    advance(601_000);
    await render();
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Session).signedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    expect(app.page().textContent).toContain('You were signed out because there was no activity for a while.');
    expect(TestBed.inject(Session).takeReturnUrl('K7MX4Q')).toBe('/p/K7MX4Q/receipt/TX-000009');
  });

  it('maps the server’s times through its Date header when this device’s clock is off', async () => {
    // The server's clock is 5 minutes ahead of this device's.
    const { dialog, render } = await signedInWithDialog({ now: () => Date.now() + 300_000 });
    expect(TestBed.inject(SessionTimer).secondsLeft()).toBeGreaterThan(590);
    advance(600_000 - WARN_BEFORE_MS - 5_000);
    await render();
    expect(dialog.open).toBe(false);
  });

  it('at the absolute limit it explains that signing in again is needed, instead of offering to extend', async () => {
    const { dialog, render } = await signedInWithDialog();
    const timer = TestBed.inject(SessionTimer);
    // The server's absolute end is 60 minutes after sign-in: keep busy until 30 s before it.
    timer.applyTimes(
      {
        idleExpiresAt: new Date(Date.now() + 30_000).toISOString(),
        absoluteExpiresAt: new Date(Date.now() + 30_000).toISOString(),
      },
      Date.now(),
      Date.now(),
    );
    timer.check();
    await render();
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('a session lasts at most 60 minutes');
    expect(dialog.querySelector('[data-testid="stay-signed-in"]')).toBeNull();
  });
});
