import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { ConsoleI18n } from './console-i18n';
import { CONSOLE_EN, type ConsoleKey } from './messages.en';
import { CONSOLE_ES } from './messages.es';

describe('ConsoleI18n', () => {
  beforeEach(() => {
    TestBed.resetTestingModule();
  });

  it('has a Spanish text for every English one, with the same placeholders, and no other', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(CONSOLE_EN) as ConsoleKey[]) {
      expect(CONSOLE_ES[key], key).toBeTruthy();
      expect(placeholders(CONSOLE_ES[key]), key).toEqual(placeholders(CONSOLE_EN[key]));
    }
    expect(Object.keys(CONSOLE_ES).sort()).toEqual(Object.keys(CONSOLE_EN).sort());
  });

  it('follows the app’s language and fills placeholders', () => {
    const i18n = TestBed.inject(I18n);
    const console = TestBed.inject(ConsoleI18n);
    i18n.use('en');
    expect(console.t('payments.count', { shown: 25, total: 60 })).toBe('Showing 25 of 60 payments.');
    i18n.use('es');
    expect(console.t('payments.count', { shown: 25, total: 60 })).toBe('Se muestran 25 de 60 pagos.');
    expect(console.error('RATE_LIMITED')).toContain('Demasiados intentos');
  });

  it('labels a code the server sends as text, and shows a code it does not know as the code itself', () => {
    const i18n = TestBed.inject(I18n);
    const console = TestBed.inject(ConsoleI18n);
    i18n.use('en');
    expect(console.label('audit.REFUND_APPLIED', 'REFUND_APPLIED')).toBe('Refund posted');
    expect(console.label('audit.CHARGEBACK_REVERSED', 'CHARGEBACK_REVERSED')).toBe('CHARGEBACK_REVERSED');
    // Names every object has are not messages.
    expect(console.label('constructor', 'constructor')).toBe('constructor');
    i18n.use('es');
    expect(console.label('source.IN_OFFICE', 'IN_OFFICE')).toBe(CONSOLE_ES['source.IN_OFFICE']);
  });

  it('has a message for every error code of the contract, and the network', () => {
    for (const code of [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'RATE_LIMITED',
      'AMOUNT_TOO_LOW',
      'AMOUNT_EXCEEDS_BALANCE',
      'UPSTREAM_UNAVAILABLE',
      'INTERNAL',
      'NETWORK',
    ] as const) {
      expect(CONSOLE_EN[`error.${code}`], code).toBeTruthy();
    }
  });
});
