import { checkAmount, parseCents } from './amount';

describe('parseCents', () => {
  it.each([
    ['25', 2500],
    ['25.5', 2550],
    ['25.50', 2550],
    ['25.', 2500],
    ['.5', 50],
    ['0.07', 7],
    ['$1,234.56', 123456],
    [' 1 234.56 ', 123456],
    ['25,50', 2550],
    ['1,234', 123400],
    ['0', 0],
  ])('reads %j as %i cents', (input, cents) => {
    expect(parseCents(input)).toBe(cents);
  });

  it.each(['', 'abc', '12.345', '-5', '1.2.3', '12,3456', '1e3', '١٢'])('rejects %j', (input) => {
    expect(parseCents(input)).toBeNull();
  });

  it('never loses a cent over every amount up to $1,000 (no floating point)', () => {
    for (let cents = 0; cents <= 100000; cents += 7) {
      const text = `${String(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseCents(text)).toBe(cents);
    }
  });
});

describe('checkAmount', () => {
  const balance = 40000;

  it('accepts an amount between the minimum and the balance', () => {
    expect(checkAmount('150', balance)).toEqual({ ok: true, cents: 15000 });
    expect(checkAmount('0.50', balance)).toEqual({ ok: true, cents: 50 });
    expect(checkAmount('400.00', balance)).toEqual({ ok: true, cents: 40000 });
  });

  it('says what is wrong', () => {
    expect(checkAmount('  ', balance)).toEqual({ ok: false, error: 'required' });
    expect(checkAmount('12.345', balance)).toEqual({ ok: false, error: 'format' });
    expect(checkAmount('0', balance)).toEqual({ ok: false, error: 'zero' });
    expect(checkAmount('0.49', balance)).toEqual({ ok: false, error: 'tooLow' });
    expect(checkAmount('400.01', balance)).toEqual({ ok: false, error: 'tooHigh' });
  });

  it('allows less than the minimum when it is the whole balance', () => {
    expect(checkAmount('0.30', 30)).toEqual({ ok: true, cents: 30 });
    expect(checkAmount('0.20', 30)).toEqual({ ok: false, error: 'tooLow' });
  });
});
