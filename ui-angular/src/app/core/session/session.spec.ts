import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { PRACTICE, answer, charge, household, startApp, text } from '../../../testing/graphql-backend';
import { Session } from './session';

describe('Session expiry', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
  });

  it('sends the patient to the landing page with “your session ended” when the server says UNAUTHENTICATED', async () => {
    sessionStorage.setItem('pp.signedIn', '1');
    const harness = await startApp('/p/K7MX4Q/pay');
    await answer(harness, 'Household', { data: household([charge('c1', 'Maria García', '2026-01-12', 'Cleaning', 5000)]) });
    expect(text(harness)).toContain('Your balance');

    // Ten idle minutes later, the next action fails on the server.
    (harness.routeNativeElement as HTMLElement).querySelector('form')!.dispatchEvent(new Event('submit'));
    await answer(harness, 'StartPayment', { errorCode: 'UNAUTHENTICATED' });
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    expect(text(harness)).toContain('Your session ended for your security.');
    expect(TestBed.inject(Session).signedIn()).toBe(false);
    expect(sessionStorage.getItem('pp.signedIn')).toBeNull();
  });

  it('treats a missing household (no session) the same way', async () => {
    sessionStorage.setItem('pp.signedIn', '1');
    const harness = await startApp('/p/K7MX4Q/pay');
    await answer(harness, 'Household', { data: { household: null } });
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    expect(text(harness)).toContain('Your session ended for your security.');
  });

  it('signs out on the server and says so', async () => {
    sessionStorage.setItem('pp.signedIn', '1');
    const harness = await startApp('/p/K7MX4Q/pay');
    await answer(harness, 'Household', { data: household([]) });
    const done = TestBed.inject(Session).signOut();
    await answer(harness, 'SignOut', { data: { signOut: true } });
    await done;
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    expect(text(harness)).toContain('You have signed out.');
  });
});
