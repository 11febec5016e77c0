import { TestBed } from '@angular/core/testing';
import { I18n } from '../i18n/i18n';
import { MoneyPipe, formatCents } from './money.pipe';

describe('formatCents', () => {
  it('formats cents exactly in US English', () => {
    expect(formatCents(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatCents(5, 'USD', 'en-US')).toBe('$0.05');
    expect(formatCents(-2550, 'USD', 'en-US')).toBe('-$25.50');
    expect(formatCents(0, 'USD', 'en-US')).toBe('$0.00');
  });

  it('keeps every cent of amounts beyond floating-point precision', () => {
    expect(formatCents(900719925474099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99');
  });

  it('formats for US Spanish', () => {
    expect(formatCents(123456, 'USD', 'es-US')).toBe('$1,234.56');
  });
});

describe('MoneyPipe', () => {
  it('follows the language switch', () => {
    TestBed.configureTestingModule({});
    const i18n = TestBed.inject(I18n);
    const pipe = TestBed.runInInjectionContext(() => new MoneyPipe());
    i18n.use('en');
    expect(pipe.transform({ cents: 1999, currency: 'EUR' })).toBe('€19.99');
    i18n.use('es');
    const spanish = pipe.transform({ cents: 1999, currency: 'EUR' });
    expect(spanish).not.toBe('€19.99');
    expect(spanish).toBe(formatCents(1999, 'EUR', 'es-US'));
    expect(pipe.transform(null)).toBe('');
  });
});
