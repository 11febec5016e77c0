import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { PRACTICE, answer, startApp, text, type, verifyNoPending } from '../../testing/graphql-backend';

describe('LandingPage', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
  });

  it('shows the practice identity and pre-fills the account number from the QR code', async () => {
    const harness = await startApp('/p/K7MX4Q?account=100234');
    expect(await answer(harness, 'Practice', { data: { practice: PRACTICE } })).toEqual({ hash: 'K7MX4Q' });
    const page = harness.routeNativeElement as HTMLElement;
    expect(text(harness)).toContain('Bright Smiles Dental');
    expect(text(harness)).toContain('120 Main St, Austin, TX 78701');
    expect(page.querySelector<HTMLAnchorElement>('a[href="tel:+15125550142"]')).not.toBeNull();
    expect(page.querySelector<HTMLInputElement>('#accountNumber')!.value).toBe('100234');
    verifyNoPending();
  });

  it('answers an unknown practice with a friendly page and no sign-in form', async () => {
    const harness = await startApp('/p/NOPE99');
    await answer(harness, 'Practice', { data: { practice: null } });
    expect(text(harness)).toContain('We can’t find this page');
    expect((harness.routeNativeElement as HTMLElement).querySelector('form')).toBeNull();
  });

  it('asks for missing fields without calling the server', async () => {
    const harness = await startApp('/p/K7MX4Q');
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    const page = harness.routeNativeElement as HTMLElement;
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    harness.detectChanges();
    expect(text(harness)).toContain('Enter the account number from your bill.');
    expect(page.querySelector('#accountNumber')!.getAttribute('aria-invalid')).toBe('true');
    verifyNoPending();
  });

  it('shows the generic failure with the practice phone, then signs in and goes to the pay page', async () => {
    const harness = await startApp('/p/K7MX4Q');
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    const page = harness.routeNativeElement as HTMLElement;
    type(page.querySelector('#accountNumber')!, ' 100234 ');
    type(page.querySelector('#lastName')!, 'Smith');
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    const sent = await answer(harness, 'SignIn', {
      data: { signIn: { __typename: 'SignInResult', ok: false, message: 'x', idleExpiresAt: null } },
    });
    expect(sent).toEqual({ practiceHash: 'K7MX4Q', accountNumber: '100234', lastName: 'Smith' });
    const error = page.querySelector('[data-testid="signin-error"]')!;
    expect(error.textContent).toContain('We couldn’t sign you in with those details.');
    expect(error.textContent).toContain('exactly as they appear on your bill');
    expect(error.textContent).toContain('wait 15 minutes');
    expect(error.textContent).toContain('or call Bright Smiles Dental at');
    expect(error.querySelector('a[href="tel:+15125550142"]')).not.toBeNull();

    type(page.querySelector('#lastName')!, 'García');
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await answer(harness, 'SignIn', {
      data: { signIn: { __typename: 'SignInResult', ok: true, message: null, idleExpiresAt: null } },
    });
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
  });

  it('switches the page to Spanish', async () => {
    const harness = await startApp('/p/K7MX4Q');
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    TestBed.inject(I18n).use('es');
    harness.detectChanges();
    expect(text(harness)).toContain('Pague su factura en línea');
    expect(text(harness)).toContain('Número de cuenta');
  });
});
