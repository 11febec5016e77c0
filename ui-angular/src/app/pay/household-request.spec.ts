import { TestBed } from '@angular/core/testing';
import { startApp, ui } from '../../testing/graphql-backend';
import { HouseholdRequest } from './household-request';

describe('HouseholdRequest', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
  });

  it('sends nothing early when the app opens on another page', async () => {
    const app = await startApp('/p/K7MX4Q');
    const request = TestBed.inject(HouseholdRequest);
    request.startEarly('/p/K7MX4Q');
    expect(request.takeEarly()).toBeNull();
    await ui.settle(app.harness);
    expect(app.api.calls('Household')).toHaveLength(0);
  });

  it('hands the early request over once, and drops it once the first navigation is over', async () => {
    const app = await startApp('/p/K7MX4Q', { account: '100234' });
    const request = TestBed.inject(HouseholdRequest);

    request.startEarly('/p/K7MX4Q/pay');
    const early = request.takeEarly();
    expect(early).not.toBeNull();
    expect(request.takeEarly()).toBeNull();
    expect((await (early ?? ui.fail('no early request'))).data?.household?.guarantorName).toBe('Maria García');

    // Not taken before a navigation ends: stale, never handed to a later pay page.
    request.startEarly('/p/K7MX4Q/pay');
    await app.harness.navigateByUrl('/p/K7MX4Q?again=1');
    expect(request.takeEarly()).toBeNull();
    await ui.settle(app.harness);
  });
});
