import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { ADMIN, BILLING, STAFF_OTP, STAFF_PASSWORD, startApp, ui, type App } from '../../../testing/graphql-backend';

async function signIn(app: App, email: string, password: string): Promise<void> {
  ui.type(ui.find(document, '#staff-email', HTMLInputElement), email);
  ui.type(ui.find(document, '#staff-password', HTMLInputElement), password);
  ui.submit(ui.find(document, 'form'));
  await ui.settle(app.harness, 8);
}

async function enterCode(app: App, code: string): Promise<void> {
  ui.type(ui.find(document, '#staff-otp', HTMLInputElement), code);
  ui.submit(ui.find(document, 'form'));
  await ui.settle(app.harness, 10);
}

describe('StaffSignInPage', () => {
  it('asks for missing or malformed fields without calling the server', async () => {
    const app = await startApp('/console/sign-in');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('Enter your email.');
    expect(ui.documentText()).toContain('Enter your password.');
    expect(document.activeElement?.id).toBe('staff-email');
    ui.type(ui.find(document, '#staff-email', HTMLInputElement), 'not-an-email');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('Enter an email like name@practice.com.');
    expect(ui.find(document, '#staff-email').getAttribute('aria-invalid')).toBe('true');
    expect(app.api.calls('StaffSignIn')).toHaveLength(0);
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in — Practice console');
  });

  it('answers a wrong password and a wrong code with the same message', async () => {
    const app = await startApp('/console/sign-in');
    await signIn(app, ADMIN, 'wrong');
    const wrongPassword = ui.find(document, '[data-testid="staff-sign-in-error"]').textContent;
    expect(wrongPassword).toContain('We couldn’t sign you in with those details.');
    expect(document.querySelector('#staff-otp')).toBeNull();

    await signIn(app, ADMIN, STAFF_PASSWORD);
    expect(document.activeElement?.id).toBe('staff-otp');
    expect(ui.documentText()).toContain('Enter the 6-digit code from your authenticator app.');
    await enterCode(app, '000 000');
    expect(ui.find(document, '[data-testid="staff-sign-in-error"]').textContent).toBe(wrongPassword);
    expect(app.api.lastCall('StaffSignIn').variables).toEqual({
      email: ADMIN,
      password: STAFF_PASSWORD,
      otp: '000000',
    });
  });

  it('checks the code’s shape before sending it, and lets the staff member start over (the password forgotten)', async () => {
    const app = await startApp('/console/sign-in');
    await signIn(app, BILLING, STAFF_PASSWORD);
    await enterCode(app, '12345');
    expect(ui.documentText()).toContain('The code is 6 digits.');
    expect(app.api.calls('StaffSignIn')).toHaveLength(1);
    ui.findByText(document, 'button', 'Use a different account', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect(ui.find(document, '#staff-password', HTMLInputElement).value).toBe('');
    expect(ui.find(document, '#staff-email', HTMLInputElement).value).toBe(BILLING);
  });

  it('signs in with the second factor: one practice goes straight to its payments', async () => {
    const app = await startApp('/console/sign-in');
    await signIn(app, BILLING, STAFF_PASSWORD);
    await enterCode(app, STAFF_OTP);
    expect(TestBed.inject(Router).url).toBe('/console/pr-K7MX4Q/payments');
    expect(ui.documentText()).toContain('Signed in as Bea Billing');
  });

  it('shows the practices of a member of several', async () => {
    const app = await startApp('/console/sign-in');
    await signIn(app, ADMIN, STAFF_PASSWORD);
    await enterCode(app, STAFF_OTP);
    expect(TestBed.inject(Router).url).toBe('/console');
    const list = ui.find(document, '[data-testid="practice-list"]').textContent;
    expect(list).toContain('Bright Smiles Dental');
    expect(list).toContain('Practice admin');
    expect(list).toContain('Lakeside Family Dentistry');
    expect(list).toContain('Billing');
  });

  it('sends a visitor without a staff session to sign in, and back to the page they asked for', async () => {
    const app = await startApp('/console/pr-K7MX4Q/roi');
    expect(TestBed.inject(Router).url).toBe('/console/sign-in');
    await signIn(app, BILLING, STAFF_PASSWORD);
    await enterCode(app, STAFF_OTP);
    expect(TestBed.inject(Router).url).toBe('/console/pr-K7MX4Q/roi');
  });

  it('shows a rate limit as such', async () => {
    const app = await startApp('/console/sign-in');
    app.api.override('StaffSignIn', { errorCode: 'RATE_LIMITED' });
    await signIn(app, ADMIN, STAFF_PASSWORD);
    expect(ui.documentText()).toContain('Too many attempts. Wait a minute and try again.');
  });

  it('calls an answer without data a fault on our side, not the staff member’s connection', async () => {
    const app = await startApp('/console/sign-in');
    app.api.override('StaffSignIn', { data: null });
    await signIn(app, ADMIN, STAFF_PASSWORD);
    expect(ui.documentText()).toContain('Something went wrong on our side.');
    expect(ui.documentText()).not.toContain('connection');
    expect(document.querySelector('#staff-otp')).toBeNull();
  });

  it('keeps the patient session apart: a staff sign-in, expiry and sign-out never touch it', async () => {
    const app = await startApp('/console/sign-in', { account: '100234' });
    await signIn(app, BILLING, STAFF_PASSWORD);
    await enterCode(app, STAFF_OTP);
    app.api.console.expireStaffSessions();
    ui.find(document, 'a[href="/console/pr-K7MX4Q/roi"]', HTMLAnchorElement).click();
    await ui.settle(app.harness, 10);
    expect(TestBed.inject(Router).url).toBe('/console/sign-in');
    expect(ui.documentText()).toContain('Your console session ended for security.');
    expect(sessionStorage.getItem('pp.signedIn')).toBe('1');
    expect(app.api.calls('SignOut')).toHaveLength(0);
    expect(app.api.calls('Household')).toHaveLength(0);
  });

  it('is in Spanish when the app is', async () => {
    const app = await startApp('/console/sign-in');
    TestBed.inject(I18n).use('es');
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('Inicie sesión con su correo y contraseña del personal.');
    expect(TestBed.inject(Title).getTitle()).toBe('Iniciar sesión — Consola del consultorio');
  });
});
