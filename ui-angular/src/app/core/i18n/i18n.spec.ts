import { TestBed } from '@angular/core/testing';
import { I18n, LANG_STORAGE_KEY } from './i18n';
import { EN } from './messages.en';
import { ES } from './messages.es';
import type { Messages } from './messages.en';

function languages(list: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(list);
}

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
  });
  afterEach(() => vi.restoreAllMocks());

  it('picks Spanish when the browser prefers it', () => {
    languages(['es-MX', 'en']);
    const i18n = TestBed.inject(I18n);
    expect(i18n.lang()).toBe('es');
    expect(i18n.t('landing.submit')).toBe('Iniciar sesión');
  });

  it('falls back to English for other languages', () => {
    languages(['fr-FR']);
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });

  it('remembers the patient’s choice over the browser language', () => {
    languages(['es-US']);
    TestBed.inject(I18n).use('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    TestBed.resetTestingModule();
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });

  it('sets the document language and fills placeholders', () => {
    const i18n = TestBed.inject(I18n);
    i18n.use('es');
    TestBed.tick();
    expect(document.documentElement.lang).toBe('es');
    expect(i18n.t('pay.submit', { amount: '$5.00' })).toBe('Pagar $5.00');
  });

  it('has a Spanish text for every English one, with the same placeholders', () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(ES[key], key).toBeTruthy();
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(ES[key]), key).toEqual(placeholders(EN[key]));
    }
  });
});

describe('sign-in failure message', () => {
  // Same words for every cause (wrong name, unknown account, locked): what to do, never what was wrong.
  const cases: [string, Messages, string[]][] = [
    ['en', EN, ['account number', 'last name', 'bill', '15 minutes', 'call']],
    ['es', ES, ['número de cuenta', 'apellido', 'factura', '15 minutos', 'llame']],
  ];
  for (const [lang, messages, words] of cases) {
    it(`tells the patient what to do in ${lang}`, () => {
      const text = [messages['landing.failed'], messages['landing.failedCall'], messages['landing.failedCallNoPhone']]
        .join(' ')
        .toLowerCase();
      for (const word of words) {
        expect(text).toContain(word);
      }
      expect(messages['landing.failedCall']).toContain('{practice}');
      for (const hint of ['locked', 'bloquead', 'not found', 'no existe', 'does not exist', 'wrong name']) {
        expect(text).not.toContain(hint);
      }
    });
  }
});
