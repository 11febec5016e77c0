import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { isStaffOperation } from '../../core/graphql/errors';
import { ADMIN, BILLING, startApp, ui } from '../../../testing/graphql-backend';
import { STAFF_IDLE_MS, STAFF_WARN_BEFORE_MS, StaffSession } from './staff-session';

describe('StaffSession', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('estimates the idle end from the last console answer, warns 75 s before it, and "Stay signed in" renews it', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: BILLING });
    await ui.settle(app.harness, 6);
    const session = TestBed.inject(StaffSession);
    const end = session.idleEnd() ?? ui.fail('no idle end after a console answer');
    expect(end - Date.now()).toBeGreaterThan(STAFF_IDLE_MS - 60_000);
    expect(end - Date.now()).toBeLessThanOrEqual(STAFF_IDLE_MS);

    const realNow = Date.now;
    vi.spyOn(Date, 'now').mockReturnValue(end - STAFF_WARN_BEFORE_MS + 1000);
    session.check();
    await ui.settle(app.harness);
    const dialog = ui.find(document, '[data-testid="staff-timeout"]', HTMLDialogElement);
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toContain('signed out of the console in 74 seconds');

    const calls = app.api.calls('ConsoleMe').length;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + STAFF_IDLE_MS - STAFF_WARN_BEFORE_MS + 1000);
    ui.findByText(dialog, 'button', 'Stay signed in', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.calls('ConsoleMe')).toHaveLength(calls + 1);
    expect(session.warning()).toBe(false);
    expect(dialog.open).toBe(false);
    expect(session.idleEnd()).toBeGreaterThan(end);
  });

  it('signs out locally at the end and says why on the sign-in page', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: BILLING });
    await ui.settle(app.harness, 6);
    const session = TestBed.inject(StaffSession);
    const end = session.idleEnd() ?? ui.fail('no idle end after a console answer');
    vi.spyOn(Date, 'now').mockReturnValue(end + 1);
    session.check();
    await ui.settle(app.harness, 6);
    expect(TestBed.inject(Router).url).toBe('/console/sign-in');
    expect(ui.documentText()).toContain('You were signed out after 15 minutes without activity.');
    expect(session.me()).toBeNull();
  });

  it('signs out on the server and locally from the console bar', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: ADMIN });
    await ui.settle(app.harness, 6);
    ui.find(document, '[data-testid="staff-sign-out"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.calls('StaffSignOut')).toHaveLength(1);
    expect(TestBed.inject(Router).url).toBe('/console/sign-in');
    expect(ui.documentText()).toContain('You have signed out of the console.');
    // The server's cookie is gone: the console is closed again.
    await app.harness.navigateByUrl('/console/pr-K7MX4Q/payments');
    await ui.settle(app.harness, 6);
    expect(TestBed.inject(Router).url).toBe('/console/sign-in');
  });

  it('shows each role its sections: branding for admins, operations for support', async () => {
    const app = await startApp('/console/pr-K7MX4Q/payments', { staff: ADMIN });
    await ui.settle(app.harness, 6);
    const links = () => Array.from(document.querySelectorAll('.console-nav a'), (a) => a.textContent.trim());
    expect(links()).toEqual(['Payments', 'Statement links', 'ROI and analytics', 'Receipt branding']);
    expect(ui.find(document, '.console-nav a[aria-current="page"]').textContent.trim()).toBe('Payments');
    await app.harness.navigateByUrl('/console/pr-HR9T3W/roi');
    await ui.settle(app.harness, 6);
    expect(links()).toEqual(['Payments', 'Statement links', 'ROI and analytics']);
    expect(ui.find(document, '.console-nav a[aria-current="page"]').textContent.trim()).toBe('ROI and analytics');
  });
});

describe('isStaffOperation', () => {
  it.each([
    ['StaffSignIn', true],
    ['ConsolePayments', true],
    ['SignIn', false],
    ['Household', false],
    ['Consoled', false],
    [null, false],
  ])('%s → %s', (name, staff) => {
    expect(isStaffOperation(name)).toBe(staff);
  });
});
