import { TestBed } from '@angular/core/testing';
import { PRACTICE, answer, household, startApp, verifyNoPending } from '../../testing/graphql-backend';
import { HouseholdRequest } from './household-request';

describe('HouseholdRequest', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
  });

  it('sends nothing early when the app opens on another page', async () => {
    const harness = await startApp('/p/K7MX4Q');
    const request = TestBed.inject(HouseholdRequest);
    request.startEarly('/p/K7MX4Q');
    expect(request.takeEarly()).toBeNull();
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    verifyNoPending();
  });

  it('hands the early request over once, and drops it once the first navigation is over', async () => {
    const harness = await startApp('/p/K7MX4Q');
    await answer(harness, 'Practice', { data: { practice: PRACTICE } });
    const request = TestBed.inject(HouseholdRequest);

    request.startEarly('/p/K7MX4Q/pay');
    const early = request.takeEarly();
    expect(early).not.toBeNull();
    expect(request.takeEarly()).toBeNull();
    await answer(harness, 'Household', { data: household([]) });
    expect((await early!).data?.household?.guarantorName).toBe('Maria García');

    // Not taken before a navigation ends: stale, never handed to a later pay page.
    request.startEarly('/p/K7MX4Q/pay');
    await harness.navigateByUrl('/p/K7MX4Q?again=1');
    expect(request.takeEarly()).toBeNull();
    await answer(harness, 'Household', { data: household([]) });
  });
});
