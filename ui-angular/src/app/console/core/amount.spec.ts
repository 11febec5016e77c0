import { MAX_INT_CENTS, centsToInput, checkRefundAmount, parseFilterAmount } from './amount';

describe('checkRefundAmount', () => {
  const refundable = 2500;

  it.each([
    ['5', 500],
    ['5.00', 500],
    ['$5', 500],
    ['0.01', 1],
    ['25', 2500],
    ['25.00', 2500],
    ['24,99', 2499],
    [' 4.5 ', 450],
  ])('accepts %j as %i cents', (text, cents) => {
    expect(checkRefundAmount(text, refundable)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'format'],
    ['5.001', 'format'],
    ['-5', 'format'],
    ['1e3', 'format'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['25.01', 'tooHigh'],
    ['2,500', 'tooHigh'],
    ['99999999999', 'format'],
  ] as const)('rejects %j as %s', (text, error) => {
    expect(checkRefundAmount(text, refundable)).toEqual({ ok: false, error });
  });

  it('round-trips every amount up to $500 exactly (the form pre-fills the refundable amount)', () => {
    for (let cents = 1; cents <= 50_000; cents += 13) {
      expect(checkRefundAmount(centsToInput(cents), 50_000)).toEqual({ ok: true, cents });
    }
  });

  it('allows up to the refundable amount and not a cent more, at the GraphQL Int limit too', () => {
    expect(checkRefundAmount(centsToInput(MAX_INT_CENTS), MAX_INT_CENTS)).toEqual({ ok: true, cents: MAX_INT_CENTS });
    expect(checkRefundAmount(centsToInput(MAX_INT_CENTS + 1), Number.MAX_SAFE_INTEGER)).toEqual({
      ok: false,
      error: 'format',
    });
  });
});

describe('parseFilterAmount', () => {
  it.each([
    ['', null],
    [' ', null],
    ['10', 1000],
    ['10.5', 1050],
    ['$1,000.00', 100000],
    ['x', undefined],
    ['-1', undefined],
    ['21474836.48', undefined],
    ['21474836.47', MAX_INT_CENTS],
  ])('reads %j as %s', (text, expected) => {
    expect(parseFilterAmount(text)).toBe(expected);
  });
});

describe('centsToInput', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [2550, '25.50'],
    [123456, '1234.56'],
  ])('%i cents → %s', (cents, text) => {
    expect(centsToInput(cents)).toBe(text);
  });
});
