import { EMPTY_FILTER, buildFilter, formFromQuery, queryFromForm, type FilterForm } from './payment-filter';

const form = (patch: Partial<FilterForm>): FilterForm => ({ ...EMPTY_FILTER, ...patch });

describe('buildFilter', () => {
  it.each([
    ['nothing set', {}, {}],
    ['a date range', { from: '2026-03-01', to: '2026-03-31' }, { from: '2026-03-01', to: '2026-03-31' }],
    ['one day', { from: '2026-03-01', to: '2026-03-01' }, { from: '2026-03-01', to: '2026-03-01' }],
    ['amounts in cents', { min: '10', max: '$1,000.50' }, { minAmountCents: 1000, maxAmountCents: 100050 }],
    [
      'identifiers trimmed',
      { account: ' 100234 ', tx: ' TX-1 ', ref: ' pi_1 ' },
      { accountNumber: '100234', transactionId: 'TX-1', providerReference: 'pi_1' },
    ],
    [
      'statuses and a location',
      { statuses: ['REFUNDED', 'DISPUTED'], location: 'loc-1' },
      { statuses: ['REFUNDED', 'DISPUTED'], locationId: 'loc-1' },
    ],
  ] as [string, Partial<FilterForm>, object][])('%s', (_name, patch, filter) => {
    expect(buildFilter(form(patch))).toEqual({ ok: true, filter });
  });

  it.each([
    ['a day that does not exist', { from: '2026-02-30' }, { from: 'payments.err.date' }],
    ['not a date', { to: '03/01/2026' }, { to: 'payments.err.date' }],
    ['from after to', { from: '2026-03-02', to: '2026-03-01' }, { to: 'payments.err.dateOrder' }],
    ['an amount that is not one', { min: 'ten' }, { min: 'payments.err.amount' }],
    ['a fraction of a cent', { max: '1.005' }, { max: 'payments.err.amount' }],
    ['more than a GraphQL Int', { max: '99999999' }, { max: 'payments.err.amount' }],
    ['min above max', { min: '20', max: '10' }, { max: 'payments.err.amountOrder' }],
  ] as [string, Partial<FilterForm>, object][])('rejects %s', (_name, patch, errors) => {
    expect(buildFilter(form(patch))).toEqual({ ok: false, errors });
  });
});

describe('the query string', () => {
  it('round-trips a form, dropping blanks and unknown statuses', () => {
    const f = form({ from: '2026-03-01', statuses: ['REFUNDED', 'SUCCEEDED'], account: '100234', min: '5' });
    expect(queryFromForm(f)).toEqual({ from: '2026-03-01', status: 'REFUNDED,SUCCEEDED', account: '100234', min: '5' });
    expect(formFromQuery(queryFromForm(f))).toEqual(f);
    expect(formFromQuery({ status: 'REFUNDED,BOGUS' }).statuses).toEqual(['REFUNDED']);
  });

  it('reads a repeated parameter: the first value of a field, every status', () => {
    expect(
      formFromQuery({ from: ['2026-03-01', '2026-04-01'], status: ['REFUNDED', 'DISPUTED,BOGUS'], account: [] }),
    ).toEqual(form({ from: '2026-03-01', statuses: ['REFUNDED', 'DISPUTED'] }));
  });
});
