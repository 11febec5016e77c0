import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { PREVIEW_DEBOUNCE_MS } from '../../pay/components/allocation-preview';
import { PaymentFlow } from '../../pay/payment-flow';
import { startApp, ui, type App } from '../../../testing/graphql-backend';
import { Session } from './session';

/** The page's element matching `selector` (the test fails when there is none). */
const $ = (app: App, selector: string) => ui.find(app.page(), selector);
const $input = (app: App, selector: string) => ui.find(app.page(), selector, HTMLInputElement);

/** Every key and value in this tab's session and local storage, one `key=value` a line. */
function storedText(): string {
  return [sessionStorage, localStorage]
    .flatMap((storage) =>
      Array.from({ length: storage.length }, (_, i) => {
        const key = storage.key(i) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      }),
    )
    .join('\n');
}

async function signInOnLanding(app: App, account: string, lastName: string): Promise<void> {
  ui.type($input(app, '#accountNumber'), account);
  ui.type($input(app, '#lastName'), lastName);
  ui.submit($(app, 'form'));
  await ui.settle(app.harness, 10);
}

describe('Session expiry and return', () => {
  it('after the server ends the session, signing in again returns to the pay page with the amount and account kept', async () => {
    const app = await startApp('/p/K7MX4Q/pay', { account: '100234' });
    await ui.settle(app.harness, 6);
    ui.check($input(app, 'input[value="other"]'));
    await ui.settle(app.harness);
    ui.type($input(app, '#amount'), '37.50');
    await ui.wait(app.harness, PREVIEW_DEBOUNCE_MS + 20);

    // The account number of this sign-in is only known to the landing page's form: sign in once through it.
    TestBed.inject(Session).started('100234');
    app.api.expireSession(); // ten idle minutes later, the next action fails on the server
    ui.submit($(app, '#amount-form'));
    await ui.settle(app.harness, 10);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    expect(ui.text(app.harness)).toContain('Your session ended for your security.');
    expect(TestBed.inject(Session).signedIn()).toBe(false);
    expect(sessionStorage.getItem('pp.signedIn')).toBeNull();
    expect($input(app, '#accountNumber').value).toBe('100234');
    // Never in storage: only in this tab's memory.
    expect(storedText()).toContain('pp.lang=en'); // what is stored is seen here
    expect(storedText()).not.toMatch(/100234|37\.50/);

    await signInOnLanding(app, '100234', 'Garcia');
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
    expect($input(app, 'input[value="other"]').checked).toBe(true);
    expect($input(app, '#amount').value).toBe('37.50');
  });

  it('tells a signed-out visitor opening /pay why, and takes them there after sign-in', async () => {
    const app = await startApp('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    expect($(app, '[data-testid="notice"]').textContent).toContain('Please sign in to see your balance.');
    await signInOnLanding(app, '100234', 'garcia');
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
  });

  it('tells a signed-out visitor opening a receipt link why, and returns to that receipt after sign-in', async () => {
    const app = await startApp('/p/K7MX4Q/receipt/TX-000009');
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    expect($(app, '[data-testid="notice"]').textContent).toContain('Please sign in to see this receipt.');
    await signInOnLanding(app, '100234', 'garcia');
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/receipt/TX-000009');
  });

  it('signing out leaves nothing behind: no account, no amount, no return page', async () => {
    const app = await startApp('/p/K7MX4Q', { account: '100234' });
    const session = TestBed.inject(Session);
    session.started('100234');
    TestBed.inject(PaymentFlow).mode.set('other');
    TestBed.inject(PaymentFlow).amountText.set('37.50');
    await app.harness.navigateByUrl('/p/K7MX4Q/pay');
    await ui.settle(app.harness, 6);
    await session.signOut();
    await ui.settle(app.harness, 6);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q');
    expect(ui.text(app.harness)).toContain('You have signed out.');
    expect(TestBed.inject(Title).getTitle()).toBe('Signed out — Bright Smiles Dental');
    expect($input(app, '#accountNumber').value).toBe('');
    expect(TestBed.inject(PaymentFlow).amountText()).toBe('');
    expect(app.api.calls('SignOut')).toHaveLength(1);
  });

  it('another account signing in on the tab does not get the previous amount or page', async () => {
    const app = await startApp('/p/K7MX4Q', { account: '100234' });
    const session = TestBed.inject(Session);
    session.started('100234');
    TestBed.inject(PaymentFlow).mode.set('other');
    TestBed.inject(PaymentFlow).amountText.set('37.50');
    await app.harness.navigateByUrl('/p/K7MX4Q/receipt/TX-000009');
    await ui.settle(app.harness, 6);
    app.api.expireSession();
    session.ended();
    await ui.settle(app.harness, 6);
    await signInOnLanding(app, '100235', "O'Brien");
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
    expect(TestBed.inject(PaymentFlow).amountText()).toBe('');
    expect(TestBed.inject(PaymentFlow).mode()).toBe('full');
  });
});
