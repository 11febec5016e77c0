import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { startApp, ui, type App } from '../../testing/graphql-backend';

/** The page's element matching `selector` (the test fails when there is none). */
const $ = (app: App, selector: string) => ui.find(app.page(), selector);
const $input = (app: App, selector: string) => ui.find(app.page(), selector, HTMLInputElement);
/** The page's element matching `selector`, or null: for asserting that it is absent. */
const $maybe = (app: App, selector: string) => app.page().querySelector(selector);

describe('LandingPage', () => {
  it('shows the practice identity and pre-fills the account number from the QR code', async () => {
    const app = await startApp('/p/K7MX4Q?account=100234');
    await ui.settle(app.harness, 6);
    expect(app.api.calls('Practice')[0]?.variables).toEqual({ hash: 'K7MX4Q' });
    expect(ui.text(app.harness)).toContain('Bright Smiles Dental');
    expect(ui.text(app.harness)).toContain('120 Main St, Suite 4, Austin, TX 78701');
    expect($maybe(app, 'a[href="tel:+15125550142"]')).not.toBeNull();
    expect($input(app, '#accountNumber').value).toBe('100234');
    expect(TestBed.inject(Title).getTitle()).toBe('Bright Smiles Dental — Pay your bill online');
    expect(app.api.requests.map((r) => r.operationName)).toEqual(['Practice']);
  });

  it('answers an unknown practice with a friendly page, its own title and no sign-in form', async () => {
    const app = await startApp('/p/NOPE99');
    await ui.settle(app.harness, 6);
    expect(ui.text(app.harness)).toContain('We can’t find this page');
    expect(app.page().querySelector('form')).toBeNull();
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found');
    TestBed.inject(I18n).use('es');
    await ui.settle(app.harness);
    expect(TestBed.inject(Title).getTitle()).toBe('Página no encontrada');
  });

  it('titles an unknown path as not found', async () => {
    await startApp('/nowhere');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found');
  });

  it('asks for missing fields without calling the server, focusing the first one missing', async () => {
    const app = await startApp('/p/K7MX4Q');
    await ui.settle(app.harness, 6);
    ui.type($input(app, '#accountNumber'), '100234');
    ui.submit($(app, 'form'));
    await ui.settle(app.harness);
    expect(ui.text(app.harness)).toContain('Enter the last name.');
    expect($(app, '#lastName').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('lastName');
    expect(app.api.calls('SignIn')).toHaveLength(0);
  });

  it('shows the generic failure with the practice phone, then signs in (in the page’s language) and goes to the pay page', async () => {
    const app = await startApp('/p/K7MX4Q');
    await ui.settle(app.harness, 6);
    TestBed.inject(I18n).use('es');
    ui.type($input(app, '#accountNumber'), ' 100234 ');
    ui.type($input(app, '#lastName'), 'Smith');
    ui.submit($(app, 'form'));
    await ui.settle(app.harness, 6);
    expect(app.api.calls('SignIn')[0]?.variables).toEqual({
      practiceHash: 'K7MX4Q',
      accountNumber: '100234',
      lastName: 'Smith',
      locale: 'es',
    });
    const error = $(app, '[data-testid="signin-error"]');
    expect(error.textContent).toContain('No pudimos iniciar su sesión');
    expect(error.textContent).toContain('espere 15 minutos');
    expect(error.textContent).toContain('o llame a Bright Smiles Dental al');
    expect(error.querySelector('a[href="tel:+15125550142"]')).not.toBeNull();

    ui.type($input(app, '#lastName'), 'Garcia');
    ui.submit($(app, 'form'));
    await ui.settle(app.harness, 8);
    expect(TestBed.inject(Router).url).toBe('/p/K7MX4Q/pay');
  });

  it('switches the page, its title and the lang attribute to Spanish', async () => {
    const app = await startApp('/p/K7MX4Q');
    await ui.settle(app.harness, 6);
    TestBed.inject(I18n).use('es');
    await ui.settle(app.harness);
    expect(ui.text(app.harness)).toContain('Pague su factura en línea');
    expect(ui.text(app.harness)).toContain('Número de cuenta');
    expect(TestBed.inject(Title).getTitle()).toBe('Bright Smiles Dental — Pague su factura en línea');
    expect(document.documentElement.lang).toBe('es');
  });
});
