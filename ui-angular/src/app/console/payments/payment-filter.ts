import { parseFilterAmount } from '../core/amount';
import type { ConsoleKey } from '../core/messages.en';
import type { ConsolePaymentFilter, TransactionStatus } from '../../core/graphql/schema-types';

/** Every ledger status of an online payment, in the order the filter lists them. */
export const STATUSES: readonly TransactionStatus[] = [
  'SUCCEEDED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'DISPUTED',
  'DISPUTE_LOST',
];

/** The payment filter as the form (and the page's query string) holds it: text as typed. */
export interface FilterForm {
  from: string;
  to: string;
  location: string;
  statuses: TransactionStatus[];
  min: string;
  max: string;
  account: string;
  tx: string;
  ref: string;
}

export const EMPTY_FILTER: FilterForm = {
  from: '',
  to: '',
  location: '',
  statuses: [],
  min: '',
  max: '',
  account: '',
  tx: '',
  ref: '',
};

export type FilterField = 'from' | 'to' | 'min' | 'max';
export type FilterCheck =
  { ok: true; filter: ConsolePaymentFilter } | { ok: false; errors: Partial<Record<FilterField, ConsoleKey>> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the form and builds the GraphQL filter: dates as ISO days (from ≤ to), amounts in whole cents (min ≤ max),
 * identifiers trimmed; blank fields are left out.
 */
export function buildFilter(form: FilterForm): FilterCheck {
  const errors: Partial<Record<FilterField, ConsoleKey>> = {};
  const from = form.from.trim();
  const to = form.to.trim();
  if (from && !validDay(from)) errors.from = 'payments.err.date';
  if (to && !validDay(to)) errors.to = 'payments.err.date';
  if (!errors.from && !errors.to && from && to && from > to) errors.to = 'payments.err.dateOrder';
  const min = parseFilterAmount(form.min);
  const max = parseFilterAmount(form.max);
  if (min === undefined) errors.min = 'payments.err.amount';
  if (max === undefined) errors.max = 'payments.err.amount';
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.max = 'payments.err.amountOrder';
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  const filter: ConsolePaymentFilter = {};
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (form.location) filter.locationId = form.location;
  if (form.statuses.length > 0) filter.statuses = [...form.statuses];
  if (typeof min === 'number') filter.minAmountCents = min;
  if (typeof max === 'number') filter.maxAmountCents = max;
  if (form.account.trim()) filter.accountNumber = form.account.trim();
  if (form.tx.trim()) filter.transactionId = form.tx.trim();
  if (form.ref.trim()) filter.providerReference = form.ref.trim();
  return { ok: true, filter };
}

/** A real calendar day (`2026-02-30` is not). */
function validDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Query parameters as the router gives them (`ActivatedRoute.snapshot.queryParams`): a parameter repeated in the
 * address (`?status=REFUNDED&status=DISPUTED`) is an array.
 */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Every value of parameter `key`, in address order. */
function values(params: QueryParams, key: string): readonly string[] {
  const value = params[key];
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

/**
 * The form from the page's query string (what a reload or "back" from a payment restores). A repeated field keeps
 * its first value; repeated statuses are all kept.
 */
export function formFromQuery(params: QueryParams): FilterForm {
  const first = (key: string) => values(params, key)[0] ?? '';
  const statuses = values(params, 'status')
    .flatMap((s) => s.split(','))
    .filter((s): s is TransactionStatus => (STATUSES as readonly string[]).includes(s));
  return {
    from: first('from'),
    to: first('to'),
    location: first('location'),
    statuses,
    min: first('min'),
    max: first('max'),
    account: first('account'),
    tx: first('tx'),
    ref: first('ref'),
  };
}

/** The query string of a form: only the fields that are set. */
export function queryFromForm(form: FilterForm): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['from', 'to', 'location', 'min', 'max', 'account', 'tx', 'ref'] as const) {
    if (form[key].trim()) query[key] = form[key].trim();
  }
  if (form.statuses.length > 0) query['status'] = form.statuses.join(',');
  return query;
}
