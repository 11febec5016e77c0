/**
 * The SPA's one GraphQL mock: a small in-memory stand-in for the BFF that answers the SPA's operations (by
 * `operationName`) from seeded households, with the ledger's rules (oldest date of service first, same date in entry
 * order, disputed charges skipped, the rest kept as credit) — and the practice console's (`Staff…`/`Console…`
 * operations, with their own staff session; see `createConsoleMock`). Used by the Vitest page tests (through
 * `graphql-backend.ts`), by the visual tests (`e2e/visual`, via `page.route`) and by `e2e/serve-dist.mjs` with
 * `MOCK_API=1`. It is never what the end-to-end suite tests: that runs against the real stack (`make demo`).
 *
 * Self-contained (no imports) so Node runs it as is (type stripping) and the browser tests bundle it.
 */

export interface MoneyJson {
  __typename: 'Money';
  cents: number;
  currency: string;
}

export interface MockCharge {
  id: string;
  patientId: string;
  patientName: string;
  serviceDate: string;
  procedureName: string;
  providerName: string | null;
  locationName: string | null;
  amountCents: number;
  balanceCents: number;
  disputed: boolean;
}

export interface MockHousehold {
  practice: string;
  lastName: string;
  guarantorName: string;
  creditCents: number;
  charges: MockCharge[];
}

export interface MockPayment {
  id: string;
  account: string;
  amountCents: number;
  status: 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
  card: string | null;
  polls: number;
  txId: string | null;
  createdAt: string;
}

export interface GraphQLBody {
  operationName?: string;
  variables?: Record<string, unknown>;
}

export interface MockResult {
  json: unknown;
  /** The signed-in account after this request (the cookie), or null. */
  account: string | null;
  /** The staff session after this request (the console's own cookie), or null. */
  staff: string | null;
}

/** A sort comparison: `first`, or `then` where `first` ties (0). */
function tieBreak(first: number, then: number): number {
  return first !== 0 ? first : then;
}

/** `list[index]`, failing loudly past the end: for the mock's own tables, where a miss is a bug in the mock. */
function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) {
    throw new Error(`The mock has no element ${String(index)} in a list of ${String(list.length)}`);
  }
  return value;
}

/** `table[key]` of one of the mock's seeded tables (a practice's locations, offset, branding), failing loudly. */
function entry<T>(table: Readonly<Record<string, T>>, key: string, what: string): T {
  const value = table[key];
  if (value === undefined) {
    throw new Error(`The mock has no ${what} for ${key}`);
  }
  return value;
}

/** What a test makes one operation answer instead of the mock's own logic. */
export type Override = { errorCode: string } | { data: unknown } | ((variables: Record<string, unknown>) => unknown);

export interface MockOptions {
  provider?: 'SIMULATED' | 'STRIPE';
  households?: Record<string, MockHousehold>;
  /** Fixed instant the mock calls "now" (ISO-8601); default the real clock. */
  now?: () => number;
  /** How many `PaymentStatus` polls a payment stays `PROCESSING` (default 2). */
  processingPolls?: number;
  /** Idle session timeout in seconds (default 600). */
  idleSeconds?: number;
  /** The console's side: refund settling, staff idle timeout, seeded payments. */
  console?: ConsoleMockOptions;
}

export const money = (cents: number): MoneyJson => ({ __typename: 'Money', cents, currency: 'USD' });

export const PRACTICES = {
  K7MX4Q: {
    __typename: 'Practice',
    hash: 'K7MX4Q',
    name: 'Bright Smiles Dental',
    phone: '(512) 555-0142',
    phoneE164: '+15125550142',
    logoUrl: null,
    timeZone: 'America/Chicago',
    address: { __typename: 'Address', formatted: '120 Main St, Suite 4, Austin, TX 78701' },
  },
  HR9T3W: {
    __typename: 'Practice',
    hash: 'HR9T3W',
    name: 'Lakeside Family Dentistry',
    phone: '(617) 555-0199',
    phoneE164: '+16175550199',
    logoUrl: null,
    timeZone: 'America/New_York',
    address: { __typename: 'Address', formatted: '9 Harbor Rd, Boston, MA 02110' },
  },
} as const;

export const PRACTICE = PRACTICES.K7MX4Q;

/** The practice with landing hash `hash`, null for an unknown one. */
function practiceByHash(hash: string) {
  return Object.hasOwn(PRACTICES, hash) ? PRACTICES[hash as keyof typeof PRACTICES] : null;
}

/** A charge for the seed: `balance` defaults to the full `amount`. */
export function mockCharge(
  id: string,
  patientName: string,
  serviceDate: string,
  procedureName: string,
  amountCents: number,
  extra: Partial<MockCharge> = {},
): MockCharge {
  return {
    id,
    patientId: `p-${patientName}`,
    patientName,
    serviceDate,
    procedureName,
    providerName: 'Dr. Ana Ruiz',
    locationName: 'Downtown',
    amountCents,
    balanceCents: amountCents,
    disputed: false,
    ...extra,
  };
}

/** The demo-like seed: 100234 (several patients and dates), 100235 (partly paid + disputed), 200100. */
export function seedHouseholds(): Record<string, MockHousehold> {
  return {
    '100234': {
      practice: 'K7MX4Q',
      lastName: 'garcia',
      guarantorName: 'Maria García',
      creditCents: 0,
      charges: [
        mockCharge('c1', 'Lucas García', '2026-01-12', 'Fluoride treatment', 3500),
        mockCharge('c2', 'Lucas García', '2026-02-20', 'Filling, one surface (tooth-colored)', 18000, {
          balanceCents: 10000,
        }),
        mockCharge('c3', 'Maria García', '2026-01-12', 'Cleaning (adult)', 12000),
        mockCharge('c4', 'Maria García', '2026-03-03', 'X-rays, full mouth', 8500),
        mockCharge('c5', 'Sofia García', '2026-03-04', 'Sealants (per tooth)', 6000),
      ],
    },
    '100235': {
      practice: 'K7MX4Q',
      lastName: "o'brien",
      guarantorName: "Sean O'Brien",
      creditCents: 0,
      charges: [
        mockCharge('o1', "Sean O'Brien", '2026-02-02', 'Crown (porcelain)', 90000, { balanceCents: 45000 }),
        mockCharge('o2', "Sean O'Brien", '2026-01-10', 'Comprehensive periodontal evaluation', 11800, {
          disputed: true,
        }),
        mockCharge('o3', "Sean O'Brien", '2026-03-10', 'Exam', 7500),
      ],
    },
    '200100': {
      practice: 'HR9T3W',
      lastName: 'nguyen-smith',
      guarantorName: 'Ana Nguyen-Smith',
      creditCents: 0,
      charges: [
        mockCharge('n1', 'Ana Nguyen-Smith', '2026-01-05', 'Cleaning (adult)', 11000),
        mockCharge('n2', 'Leo Nguyen-Smith', '2026-01-05', 'Cleaning (child)', 8000),
      ],
    },
  };
}

const SESSION_OPERATIONS = new Set([
  'Household',
  'AllocationPreview',
  'RecentPayments',
  'StartPayment',
  'ConfirmSimulatedPayment',
  'PaymentStatus',
  'Receipt',
  'DownloadReceipt',
  'EmailReceipt',
]);
/** Payments this recent (processing or succeeded) are "recent" (`Household.recentPayments`). */
const RECENT_MS = 15 * 60_000;

/** A fresh mock API with its own state. */
export function createMockApi(options: MockOptions = {}) {
  const households = options.households ?? seedHouseholds();

  /** The household of a signed-in `account` (the mock signs in known accounts only). */
  function householdOf(account: string): MockHousehold {
    const h = households[account];
    if (h === undefined) {
      throw new Error(`No mock household ${account}`);
    }
    return h;
  }
  const payments = new Map<string, MockPayment>();
  const receipts = new Map<string, { account: string; receipt: Record<string, unknown> }>();
  const mail: unknown[] = [];
  const requests: { operationName: string; variables: Record<string, unknown> }[] = [];
  const overrides = new Map<string, { answer: Override; once: boolean }>();
  const now = options.now ?? (() => Date.now());
  const idleMs = (options.idleSeconds ?? 600) * 1000;
  let session: { account: string; idleEnd: number; absoluteEnd: number } | null = null;
  let txCounter = 0;
  const consoleMock = createConsoleMock(households, now, options.console);

  const isPayable = (c: MockCharge) => c.balanceCents > 0 && !c.disputed;

  function openCharges(h: MockHousehold) {
    return h.charges.filter((c) => c.balanceCents > 0);
  }

  /** Ledger order: oldest date of service first, same date in entry (seed) order. */
  function ledgerOrder(h: MockHousehold): MockCharge[] {
    return h.charges
      .map((c, i) => [c, i] as const)
      .sort((a, b) => tieBreak(a[0].serviceDate.localeCompare(b[0].serviceDate), a[1] - b[1]))
      .map(([c]) => c);
  }

  function allocate(h: MockHousehold, amount: number) {
    let left = amount;
    const lines: { charge: MockCharge; applied: number; remaining: number }[] = [];
    for (const c of ledgerOrder(h)) {
      if (left <= 0) break;
      if (!isPayable(c)) continue;
      const applied = Math.min(left, c.balanceCents);
      left -= applied;
      lines.push({ charge: c, applied, remaining: c.balanceCents - applied });
    }
    return { lines, credit: left };
  }

  function balance(h: MockHousehold): number {
    return h.charges.filter(isPayable).reduce((s, c) => s + c.balanceCents, 0);
  }

  function householdView(account: string) {
    const h = householdOf(account);
    const order = [...openCharges(h)].sort((a, b) =>
      tieBreak(a.patientName.localeCompare(b.patientName), a.serviceDate.localeCompare(b.serviceDate)),
    );
    return {
      __typename: 'Household',
      guarantorName: h.guarantorName,
      practice: PRACTICES[h.practice as keyof typeof PRACTICES],
      balance: money(balance(h)),
      credit: money(h.creditCents),
      charges: order.map((x) => ({
        __typename: 'Charge',
        id: x.id,
        patientId: x.patientId,
        patientName: x.patientName,
        serviceDate: x.serviceDate,
        procedureName: x.procedureName,
        providerName: x.providerName,
        locationName: x.locationName,
        amount: money(x.amountCents),
        balance: money(x.balanceCents),
        status: x.disputed ? 'DISPUTED' : x.balanceCents < x.amountCents ? 'PARTIALLY_PAID' : 'OPEN',
        disputed: x.disputed,
      })),
    };
  }

  function post(p: MockPayment): string {
    const h = householdOf(p.account);
    const { lines, credit } = allocate(h, p.amountCents);
    for (const line of lines) {
      line.charge.balanceCents = line.remaining;
    }
    h.creditCents += credit;
    const txId = `TX-${String(++txCounter).padStart(6, '0')}`;
    const practice = PRACTICES[h.practice as keyof typeof PRACTICES];
    receipts.set(txId, {
      account: p.account,
      receipt: {
        __typename: 'Receipt',
        txId,
        providerReference: `pi_mock${String(txCounter)}`,
        paidAt: '2026-03-22T09:41:00-05:00',
        timeZone: practice.timeZone,
        methodLabel: `VISA ••••${(p.card ?? '4242').slice(-4)}`,
        total: money(p.amountCents),
        applied: money(p.amountCents - credit),
        credit: money(credit),
        balanceAfter: money(balance(h)),
        guarantorName: h.guarantorName,
        practice,
        lines: lines
          .map(({ charge: c, applied, remaining }) => ({
            __typename: 'ReceiptLine',
            chargeId: c.id,
            patientName: c.patientName,
            serviceDate: c.serviceDate,
            procedureName: c.procedureName,
            providerName: c.providerName,
            chargeAmount: money(c.amountCents),
            applied: money(applied),
            remaining: money(remaining),
          }))
          .sort((a, b) =>
            tieBreak(a.patientName.localeCompare(b.patientName), a.serviceDate.localeCompare(b.serviceDate)),
          ),
      },
    });
    consoleMock.posted(txId, p.account, p.amountCents, credit, p.card, lines);
    return txId;
  }

  function paymentJson(p: MockPayment) {
    const failed = p.status === 'FAILED';
    const insufficient = p.card === '4000000000009995';
    return {
      __typename: 'Payment',
      id: p.id,
      status: p.status,
      txId: p.txId,
      createdAt: p.createdAt,
      failureReason: failed ? (insufficient ? 'Your card has insufficient funds.' : 'Your card was declined.') : null,
      failureCode: failed ? (insufficient ? 'insufficient_funds' : 'card_declined') : null,
      amount: money(p.amountCents),
    };
  }

  function sessionJson(current: { idleEnd: number; absoluteEnd: number }) {
    return {
      __typename: 'SessionInfo',
      idleExpiresAt: new Date(current.idleEnd).toISOString(),
      absoluteExpiresAt: new Date(current.absoluteEnd).toISOString(),
    };
  }

  /** The mock's own answer to one operation. */
  function respond(op: string, v: Record<string, unknown>, account: string | null) {
    const data = (d: unknown) => ({ data: d });
    const error = (code: string) => ({
      data: null,
      errors: [{ message: code, extensions: { code, retryable: false } }],
    });
    switch (op) {
      case 'Practice':
        return data({ practice: practiceByHash(String(v['hash'])) });
      case 'SessionInfo':
        return data({ session: account !== null && session !== null ? sessionJson(session) : null });
      case 'Household':
        return data({ household: account !== null ? householdView(account) : null });
      case 'AllocationPreview': {
        if (account === null) return data({ household: null });
        const amount = Number(v['amountCents']);
        if (!(amount > 0)) return error('BAD_USER_INPUT');
        const { lines, credit } = allocate(householdOf(account), amount);
        return data({
          household: {
            __typename: 'Household',
            allocationPreview: {
              __typename: 'AllocationPreview',
              amount: money(amount),
              lines: lines.map((l) => ({
                __typename: 'AllocationPreviewLine',
                chargeId: l.charge.id,
                applied: money(l.applied),
                remaining: money(l.remaining),
              })),
              credit: money(credit),
            },
          },
        });
      }
      case 'RecentPayments': {
        if (account === null) return data({ household: null });
        const recent = [...payments.values()]
          .filter((p) => p.account === account && p.status !== 'FAILED' && now() - Date.parse(p.createdAt) < RECENT_MS)
          .reverse();
        return data({ household: { __typename: 'Household', recentPayments: recent.map(paymentJson) } });
      }
      case 'StartPayment': {
        if (account === null) return error('UNAUTHENTICATED');
        const cents = Number(v['amountCents']);
        const owed = balance(householdOf(account));
        if (!(cents > 0)) return error('BAD_USER_INPUT');
        if (cents > owed) return error('AMOUNT_EXCEEDS_BALANCE');
        if (cents < 50 && cents !== owed) return error('AMOUNT_TOO_LOW');
        const id = `pay_${String(payments.size + 1)}`;
        payments.set(id, {
          id,
          account,
          amountCents: cents,
          status: 'PROCESSING',
          card: null,
          polls: 0,
          txId: null,
          createdAt: new Date(now()).toISOString(),
        });
        return data({
          startPayment: {
            __typename: 'PaymentSession',
            paymentId: id,
            provider: options.provider ?? 'SIMULATED',
            clientSecret: `pi_${id}_secret_x`,
            publishableKey: 'pk_test_mock',
            stripeAccount: null,
            amount: money(cents),
          },
        });
      }
      case 'ConfirmSimulatedPayment': {
        if (account === null) return error('UNAUTHENTICATED');
        const p = payments.get(String(v['paymentId']));
        if (p?.account !== account) return error('NOT_FOUND');
        p.card = String(v['cardNumber']);
        if (p.card === '4000000000000002' || p.card === '4000000000009995') p.status = 'FAILED';
        return data({ confirmSimulatedPayment: paymentJson(p) });
      }
      case 'PaymentStatus': {
        if (account === null) return error('UNAUTHENTICATED');
        const p = payments.get(String(v['id']));
        if (p?.account !== account) return data({ payment: null });
        p.polls++;
        if (p.status === 'PROCESSING' && p.card !== null && p.polls > (options.processingPolls ?? 2)) {
          p.status = 'SUCCEEDED';
          p.txId = post(p);
        }
        return data({ payment: paymentJson(p) });
      }
      case 'Receipt': {
        if (account === null) return error('UNAUTHENTICATED');
        const r = receipts.get(String(v['txId']));
        return r?.account === account ? data({ receipt: r.receipt }) : error('NOT_FOUND');
      }
      case 'DownloadReceipt':
        if (account === null) return error('UNAUTHENTICATED');
        return data({
          downloadReceipt: {
            __typename: 'ReceiptDownload',
            url: `/mock-receipt.pdf?tx=${String(v['txId'])}&locale=${typeof v['locale'] === 'string' ? v['locale'] : ''}`,
            expiresAt: '2026-03-22T10:00:00Z',
          },
        });
      case 'EmailReceipt':
        if (account === null) return error('UNAUTHENTICATED');
        mail.push({ destination: { to: [v['email']] }, subject: 'Your receipt', locale: v['locale'] ?? null });
        return data({ emailReceipt: { __typename: 'EmailReceiptResult', queued: true } });
      default:
        return error('BAD_USER_INPUT');
    }
  }

  /**
   * Handles one GraphQL request. `account` is the signed-in account of the caller (its cookie) or null; an expired
   * session counts as none. Returns the JSON body and the account after the request.
   */
  function handle(body: GraphQLBody, account: string | null, staff: string | null = null): MockResult {
    const op = body.operationName ?? '';
    const v = body.variables ?? {};
    requests.push({ operationName: op, variables: v });
    if (/^(Staff|Console)[A-Z]/.test(op)) {
      // The console's operations: the staff cookie only; the patient's session is neither read nor renewed.
      const override = overrides.get(op);
      if (override && op !== 'StaffSignOut') {
        if (override.once) overrides.delete(op);
        return { json: overrideJson(override.answer, v), account, staff };
      }
      const result = consoleMock.respond(op, v, staff);
      return { json: result.json, account, staff: result.staff };
    }
    let current =
      session !== null && account === session.account && now() < session.idleEnd && now() < session.absoluteEnd
        ? account
        : null;
    if (current !== null && session !== null) {
      session.idleEnd = Math.min(now() + idleMs, session.absoluteEnd);
    }
    if (op === 'SignIn') {
      const acct = String(v['accountNumber']).trim();
      const h = households[acct];
      const ok =
        h !== undefined &&
        h.practice === v['practiceHash'] &&
        h.lastName === String(v['lastName']).trim().toLowerCase();
      const started = ok ? { account: acct, idleEnd: now() + idleMs, absoluteEnd: now() + 6 * idleMs } : null;
      if (started !== null) {
        session = started;
        current = acct;
      }
      return {
        json: {
          data: {
            signIn: {
              __typename: 'SignInResult',
              ok,
              message: ok ? null : 'We could not sign you in.',
              idleExpiresAt: started !== null ? new Date(started.idleEnd).toISOString() : null,
            },
          },
        },
        account: current,
        staff,
      };
    }
    if (op === 'SignOut') {
      session = null;
      return { json: { data: { signOut: true } }, account: null, staff };
    }
    const override = overrides.get(op);
    if (override) {
      if (override.once) overrides.delete(op);
      return { json: overrideJson(override.answer, v), account: current, staff };
    }
    if (
      current === null &&
      SESSION_OPERATIONS.has(op) &&
      op !== 'Household' &&
      op !== 'AllocationPreview' &&
      op !== 'RecentPayments'
    ) {
      return { json: respond(op, v, null), account: null, staff };
    }
    return { json: respond(op, v, current), account: current, staff };
  }

  function overrideJson(a: Override, v: Record<string, unknown>): unknown {
    return typeof a === 'function'
      ? { data: a(v) }
      : 'errorCode' in a
        ? { data: null, errors: [{ message: a.errorCode, extensions: { code: a.errorCode, retryable: false } }] }
        : { data: a.data };
  }

  return {
    handle,
    /** The mock server's clock (ms). */
    now,
    mail,
    requests,
    households,
    payments,
    /** Makes `operationName` answer `answer` (once by default) instead of the mock's own logic. */
    override(operationName: string, answer: Override, once = true): void {
      overrides.set(operationName, { answer, once });
    },
    /** Signs the caller in without a request (a test starting on a page behind the session). */
    signIn(account: string): void {
      session = { account, idleEnd: now() + idleMs, absoluteEnd: now() + 6 * idleMs };
    },
    /** Ends the session as the server's idle expiry would. */
    expireSession(): void {
      session = null;
    },
    /** The practice console's side (staff, console payments, branding, operations). */
    console: consoleMock,
    /** The requests made with this operation name, oldest first. */
    calls(operationName: string) {
      return requests.filter((r) => r.operationName === operationName);
    },
    /** The newest request with this operation name; throws when there was none. */
    lastCall(operationName: string) {
      const call = requests.filter((r) => r.operationName === operationName).at(-1);
      if (call === undefined) {
        throw new Error(`No ${operationName} request was made`);
      }
      return call;
    },
  };
}

export type MockApi = ReturnType<typeof createMockApi>;
// ---------------------------------------------------------------------------------------------------------------------
// The practice console (staff). Its own session (the `staff` cookie), never the patient's; the rules the server
// documents in schema.graphqls: roles per practice (SUPPORT read-only across practices), refunds PENDING until the
// processor's event posts them (here: after `refundPolls` reads of the payment), refunds reversing household credit
// first and then the most recently applied amounts, uniform sign-in failures with a lockout, one-time links.
// ---------------------------------------------------------------------------------------------------------------------

export type StaffRole = 'PRACTICE_ADMIN' | 'BILLING' | 'SUPPORT';

export interface MockStaff {
  id: string;
  email: string;
  password: string;
  /** The authenticator code this mock accepts (a fixed code: the mock has no clock-based TOTP), or null: no second factor. */
  otp: string | null;
  displayName: string;
  /** Practice hash → role; SUPPORT staff list none and see every practice. */
  memberships: Record<string, StaffRole>;
  support?: boolean;
}

/** The mock's staff accounts (password `correct-horse-battery`, code `246810` where a second factor is required). */
export const MOCK_STAFF: MockStaff[] = [
  {
    id: 'st-1',
    email: 'admin@brightsmiles.example',
    password: 'correct-horse-battery',
    otp: '246810',
    displayName: 'Alex Admin',
    memberships: { K7MX4Q: 'PRACTICE_ADMIN', HR9T3W: 'BILLING' },
  },
  {
    id: 'st-2',
    email: 'billing@brightsmiles.example',
    password: 'correct-horse-battery',
    otp: '246810',
    displayName: 'Bea Billing',
    memberships: { K7MX4Q: 'BILLING' },
  },
  {
    id: 'st-3',
    email: 'support@pmsvendor.example',
    password: 'correct-horse-battery',
    otp: null,
    displayName: 'Sam Support',
    memberships: {},
    support: true,
  },
];

export const MOCK_LOCATIONS: Record<string, { id: string; name: string }[]> = {
  K7MX4Q: [
    { id: 'loc-dt', name: 'Downtown' },
    { id: 'loc-na', name: 'North Austin' },
  ],
  HR9T3W: [{ id: 'loc-lk', name: 'Lakeside' }],
};

const PRACTICE_OFFSET_MINUTES: Record<string, number> = { K7MX4Q: -300, HR9T3W: -240 };

/** The console locations of practice `hash`. */
function locationsOf(hash: string): { id: string; name: string }[] {
  return entry(MOCK_LOCATIONS, hash, 'locations');
}

/** The UTC offset (minutes) of practice `hash`'s time zone, as the server sends its practice-time instants. */
function offsetOf(hash: string): number {
  return entry(PRACTICE_OFFSET_MINUTES, hash, 'time-zone offset');
}
const PROCEDURES: [string, string, number][] = [
  ['D1110', 'Cleaning (adult)', 12000],
  ['D0274', 'X-rays, bitewings (four)', 6500],
  ['D2391', 'Filling, one surface (tooth-colored)', 18000],
  ['D1351', 'Sealants (per tooth)', 6000],
  ['D7140', 'Extraction', 22500],
  ['D2740', 'Crown (porcelain)', 90000],
];
const CATEGORIES: [RegExp, string][] = [
  [/^D0/, 'Diagnostic'],
  [/^D1/, 'Preventive'],
  [/^D2/, 'Restorative'],
  [/^D7/, 'Oral surgery'],
];
const SOURCES = ['ONLINE_PATIENT_PAYMENT', 'IN_OFFICE', 'MAIL_CHECK', 'OTHER'] as const;
const FUNNEL = ['LANDING', 'SIGNED_IN', 'PAYMENT_STARTED', 'PAYMENT_COMPLETED'] as const;

interface Allocation {
  chargeId: string;
  patientName: string;
  serviceDate: string;
  procedureCode: string;
  procedureName: string;
  locationId: string | null;
  locationName: string | null;
  applied: number;
  remaining: number;
}

interface Refund {
  id: string;
  key: string;
  amountCents: number;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  requestedAt: number;
  postedAt: number | null;
  reads: number;
  actor: string;
}

interface ConsolePaymentState {
  txId: string;
  practice: string;
  account: string;
  guarantorName: string;
  amountCents: number;
  creditCents: number;
  paidAt: number;
  methodLabel: string;
  providerReference: string;
  allocations: Allocation[];
  refunds: Refund[];
  dispute: { status: 'NEEDS_RESPONSE' | 'LOST'; amountCents: number; at: number } | null;
  audit: { at: number; action: string; actor: string | null; amountCents: number | null }[];
}

/** A collection that did not come online (for ROI): in office, by mail, other. */
interface OfflineCollection {
  practice: string;
  account: string;
  day: string;
  source: string;
  cents: number;
  locationId: string;
  procedureCode: string;
  daysToPay: number;
}

interface Branding {
  signatureText: string | null;
  footerText: string | null;
  logoUrl: string | null;
  updatedAt: number;
}

/** `ms` as ISO-8601 with a fixed offset (`2026-03-22T09:41:00-05:00`), like the server's practice-time instants. */
export function isoAtOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function dayAt(ms: number, offsetMinutes: number): string {
  return isoAtOffset(ms, offsetMinutes).slice(0, 10);
}

function categoryOf(code: string): string {
  return CATEGORIES.find(([re]) => re.test(code))?.[1] ?? 'Other';
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? at(sorted, mid) : (at(sorted, mid - 1) + at(sorted, mid)) / 2;
}

/** A deterministic pseudo-random sequence (the seed is the same every run, like the demo's). */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A QR-looking SVG (deterministic from the text; the real QR code comes from the server's ZXing). */
function mockQrSvg(text: string): string {
  let h = 0;
  const cells: string[] = [];
  for (let y = 0; y < 21; y++) {
    for (let x = 0; x < 21; x++) {
      h = (h * 31 + text.charCodeAt((x + y * 21) % text.length)) >>> 0;
      const finder = (x < 7 && y < 7) || (x > 13 && y < 7) || (x < 7 && y > 13);
      if (finder ? x % 6 === 0 || y % 6 === 0 || (x % 7 > 1 && x % 7 < 5 && y % 7 > 1 && y % 7 < 5) : h % 3 === 0) {
        cells.push(`<rect x="${String(x + 2)}" y="${String(y + 2)}" width="1" height="1"/>`);
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 25 25" width="2.5cm" height="2.5cm" shape-rendering="crispEdges"><rect width="25" height="25" fill="#fff"/><g fill="#000">${cells.join('')}</g></svg>`;
}

export interface ConsoleMockOptions {
  /** How many reads of a payment a requested refund stays PENDING before the processor's event posts it (default 2). */
  refundPolls?: number;
  /** Staff session idle timeout in seconds (default 900). */
  staffIdleSeconds?: number;
  /** Seeded online payments per practice (default 60 for K7MX4Q, 8 for HR9T3W). */
  seedPayments?: Record<string, number>;
}

type Json = Record<string, unknown>;

/** Request variable `key` when it is a non-empty string, else null (absent, null, "" or not a string). */
function stringVar(v: Json, key: string): string | null {
  const value = v[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Request variable `key` when it is a string, "" included (a field emptied on purpose), else null. */
function textVar(v: Json, key: string): string | null {
  const value = v[key];
  return typeof value === 'string' ? value : null;
}

/** Request variable `key` when it is a number, else null (absent, null or not a number). */
function numberVar(v: Json, key: string): number | null {
  const value = v[key];
  return typeof value === 'number' ? value : null;
}

/** The console side of the mock API, sharing the households (balances) with the patient side. */
export function createConsoleMock(
  households: Record<string, MockHousehold>,
  now: () => number,
  options: ConsoleMockOptions = {},
) {
  const staff = MOCK_STAFF.map((s) => ({ ...s }));
  const sessions = new Map<string, { staffId: string; idleEnd: number }>();
  const failures = new Map<string, number>();
  const payments = new Map<string, ConsolePaymentState>();
  const offline: OfflineCollection[] = [];
  const funnel: { practice: string; day: string; step: string; count: number }[] = [];
  const branding: Record<string, { draft: Branding | null; published: Branding | null }> = {
    K7MX4Q: {
      draft: null,
      published: {
        signatureText: 'Thank you — Bright Smiles Dental',
        footerText: 'Questions? Call (512) 555-0142.',
        logoUrl: null,
        updatedAt: now() - 30 * 86_400_000,
      },
    },
    HR9T3W: { draft: null, published: null },
  };
  const ops = {
    deadLetterDepth: 3,
    queueDepth: 0,
    runs: [
      { startedAt: now() - 15 * 60_000, from: now() - 75 * 60_000, to: now() - 15 * 60_000, checked: 12, repaired: 1 },
      { startedAt: now() - 30 * 60_000, from: now() - 90 * 60_000, to: now() - 30 * 60_000, checked: 11, repaired: 0 },
    ],
  };
  const mail: Json[] = [];
  const idleMs = (options.staffIdleSeconds ?? 900) * 1000;
  let counter = 0;
  let tokens = 0;

  // 90 days of history for ROI, and online payments for the list (paging needs more than one page).
  const random = seeded(20260322);
  const seedCounts = options.seedPayments ?? { K7MX4Q: 60, HR9T3W: 8 };
  for (const [hash, count] of Object.entries(seedCounts)) {
    const locations = locationsOf(hash);
    const offset = offsetOf(hash);
    for (let i = 0; i < count; i++) {
      const paidAt = now() - Math.floor(((i + 1) * 89 * 86_400_000) / (count + 1)) - Math.floor(random() * 3_600_000);
      const [code, name, price] = at(PROCEDURES, i % PROCEDURES.length);
      const location = at(locations, i % locations.length);
      const amountCents = Math.max(500, Math.round((price * (0.25 + random() * 0.75)) / 5) * 5);
      const account = String(500000 + i);
      const txId = `TX-S${hash.slice(0, 2)}${String(i + 1).padStart(4, '0')}`;
      const state: ConsolePaymentState = {
        txId,
        practice: hash,
        account,
        guarantorName: `Guarantor ${String(i + 1)}`,
        amountCents,
        creditCents: 0,
        paidAt,
        methodLabel: i % 3 === 0 ? 'MASTERCARD ••••4444' : 'VISA ••••4242',
        providerReference: `pi_seed${hash}${String(i + 1)}`,
        allocations: [
          {
            chargeId: `ch-${txId}`,
            patientName: `Patient ${String(i + 1)}`,
            serviceDate: dayAt(paidAt - (3 + (i % 20)) * 86_400_000, offset),
            procedureCode: code,
            procedureName: name,
            locationId: location.id,
            locationName: location.name,
            applied: amountCents,
            remaining: price - amountCents,
          },
        ],
        refunds: [],
        dispute: null,
        audit: [{ at: paidAt, action: 'PAYMENT_POSTED', actor: 'system', amountCents }],
      };
      if (i % 17 === 5) {
        const refund = Math.round(amountCents / 2);
        state.refunds.push({
          id: `re_seed${String(i)}`,
          key: `seed-${String(i)}`,
          amountCents: refund,
          status: 'SUCCEEDED',
          requestedAt: paidAt + 3_600_000,
          postedAt: paidAt + 3_700_000,
          reads: 0,
          actor: 'Alex Admin',
        });
        state.audit.push(
          { at: paidAt + 3_600_000, action: 'REFUND_REQUESTED', actor: 'Alex Admin', amountCents: refund },
          { at: paidAt + 3_700_000, action: 'REFUND_APPLIED', actor: 'system', amountCents: refund },
        );
      } else if (i % 17 === 9) {
        state.refunds.push({
          id: `re_seed${String(i)}`,
          key: `seed-${String(i)}`,
          amountCents,
          status: 'SUCCEEDED',
          requestedAt: paidAt + 7_200_000,
          postedAt: paidAt + 7_300_000,
          reads: 0,
          actor: 'Bea Billing',
        });
        state.audit.push(
          { at: paidAt + 7_200_000, action: 'REFUND_REQUESTED', actor: 'Bea Billing', amountCents },
          { at: paidAt + 7_300_000, action: 'REFUND_APPLIED', actor: 'system', amountCents },
        );
      } else if (i % 17 === 13) {
        state.dispute = { status: 'NEEDS_RESPONSE', amountCents, at: paidAt + 86_400_000 };
        state.audit.push({ at: paidAt + 86_400_000, action: 'DISPUTE_OPENED', actor: 'system', amountCents });
      }
      payments.set(txId, state);
    }
    for (let d = 0; d < 90; d++) {
      const dayMs = now() - d * 86_400_000;
      const day = dayAt(dayMs, offset);
      for (let k = 0; k < 2; k++) {
        const [code, , price] = at(PROCEDURES, (d + k) % PROCEDURES.length);
        offline.push({
          practice: hash,
          account: String(600000 + ((d * 2 + k) % 70)),
          day,
          source: at(SOURCES, 1 + Math.floor(random() * 3)),
          cents: Math.round((price * (0.3 + random() * 0.7)) / 5) * 5,
          locationId: at(locations, (d + k) % locations.length).id,
          procedureCode: code,
          daysToPay: 10 + Math.floor(random() * 40),
        });
      }
      const landing = 20 + Math.floor(random() * 10);
      const signedIn = Math.floor(landing * 0.6);
      const started = Math.floor(signedIn * 0.7);
      [landing, signedIn, started, Math.floor(started * 0.9)].forEach((count, i) =>
        funnel.push({ practice: hash, day, step: at(FUNNEL, i), count }),
      );
    }
  }

  const money = (cents: number) => ({ __typename: 'Money', cents, currency: 'USD' });
  const error = (code: string, message = code) => ({
    data: null,
    errors: [{ message, extensions: { code, retryable: code === 'UPSTREAM_UNAVAILABLE' } }],
  });

  function member(token: string | null): MockStaff | null {
    const session = token !== null ? sessions.get(token) : undefined;
    if (session === undefined || now() >= session.idleEnd) {
      if (token !== null) sessions.delete(token);
      return null;
    }
    session.idleEnd = now() + idleMs;
    return staff.find((s) => s.id === session.staffId) ?? null;
  }

  function roleIn(s: MockStaff, hash: string): StaffRole | null {
    return s.support === true ? 'SUPPORT' : (s.memberships[hash] ?? null);
  }

  function practiceIdOf(hash: string): string {
    return `pr-${hash}`;
  }

  function hashOf(practiceId: string | null): string | null {
    const hash = (practiceId ?? '').replace(/^pr-/, '');
    return Object.hasOwn(MOCK_LOCATIONS, hash) ? hash : null;
  }

  function practiceJson(s: MockStaff, hash: string) {
    return {
      __typename: 'ConsolePractice',
      id: practiceIdOf(hash),
      hash,
      name: entry(PRACTICES, hash, 'practice').name,
      role: roleIn(s, hash),
      locations: locationsOf(hash).map((l) => ({ __typename: 'Location', ...l })),
    };
  }

  function visiblePractices(s: MockStaff): string[] {
    return Object.keys(MOCK_LOCATIONS).filter((hash) => roleIn(s, hash) !== null);
  }

  /** The processor's refund events arrive: a pending refund posts after `refundPolls` reads of its payment. */
  function settleRefunds(p: ConsolePaymentState): void {
    for (const r of p.refunds) {
      if (r.status === 'PENDING' && ++r.reads > (options.refundPolls ?? 2)) {
        r.status = 'SUCCEEDED';
        r.postedAt = now();
        p.audit.push({ at: now(), action: 'REFUND_APPLIED', actor: 'system', amountCents: r.amountCents });
        reverse(p, r.amountCents);
      }
    }
  }

  /** The ledger's refund rule: household credit first, then the most recently applied amounts, owed again. */
  function reverse(p: ConsolePaymentState, cents: number): void {
    let left = cents;
    const h = households[p.account];
    const fromCredit = Math.min(left, p.creditCents, h?.creditCents ?? p.creditCents);
    p.creditCents -= fromCredit;
    if (h) h.creditCents -= fromCredit;
    left -= fromCredit;
    for (let i = p.allocations.length - 1; i >= 0 && left > 0; i--) {
      const a = at(p.allocations, i);
      const back = Math.min(left, a.applied);
      left -= back;
      const charge = h?.charges.find((c) => c.id === a.chargeId);
      if (charge) charge.balanceCents += back;
    }
  }

  function refundedCents(p: ConsolePaymentState): number {
    return p.refunds.filter((r) => r.status === 'SUCCEEDED').reduce((s, r) => s + r.amountCents, 0);
  }

  function refundableCents(p: ConsolePaymentState): number {
    const held = p.refunds.filter((r) => r.status !== 'FAILED').reduce((s, r) => s + r.amountCents, 0);
    return p.dispute?.status === 'LOST' || p.dispute?.status === 'NEEDS_RESPONSE'
      ? 0
      : Math.max(0, p.amountCents - held);
  }

  function status(p: ConsolePaymentState): string {
    if (p.dispute) return p.dispute.status === 'LOST' ? 'DISPUTE_LOST' : 'DISPUTED';
    const refunded = refundedCents(p);
    return refunded === 0 ? 'SUCCEEDED' : refunded >= p.amountCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  }

  function paymentJson(p: ConsolePaymentState, detail: boolean) {
    const offset = offsetOf(p.practice);
    const practiceTime = (ms: number) => isoAtOffset(ms, offset);
    const row: Json = {
      __typename: 'ConsolePayment',
      transactionId: p.txId,
      providerReference: p.providerReference,
      source: 'ONLINE_PATIENT_PAYMENT',
      status: status(p),
      paidAt: practiceTime(p.paidAt),
      methodLabel: p.methodLabel,
      accountNumber: p.account,
      guarantorName: p.guarantorName,
      amount: money(p.amountCents),
      refunded: money(refundedCents(p)),
      refundable: money(refundableCents(p)),
    };
    if (detail) {
      row['allocations'] = p.allocations.map((a) => ({
        __typename: 'ConsoleAllocation',
        chargeId: a.chargeId,
        patientName: a.patientName,
        serviceDate: a.serviceDate,
        procedureCode: a.procedureCode,
        procedureName: a.procedureName,
        locationName: a.locationName,
        applied: money(a.applied),
        remaining: money(a.remaining),
      }));
      const timeline = [
        ...p.refunds.map((r) => ({
          ms: r.postedAt ?? r.requestedAt,
          kind: 'REFUND',
          status: r.status,
          cents: r.amountCents,
          reference: r.id,
        })),
        ...(p.dispute
          ? [
              {
                ms: p.dispute.at,
                kind: 'DISPUTE',
                status: p.dispute.status,
                cents: p.dispute.amountCents,
                reference: `dp_${p.txId}`,
              },
            ]
          : []),
      ].sort((a, b) => a.ms - b.ms);
      row['timeline'] = timeline.map((t) => ({
        __typename: 'ConsoleAdjustment',
        kind: t.kind,
        status: t.status,
        amount: money(t.cents),
        at: practiceTime(t.ms),
        reference: t.reference,
      }));
      row['auditTrail'] = p.audit.map((a) => ({
        __typename: 'ConsoleAuditEntry',
        at: practiceTime(a.at),
        action: a.action,
        actor: a.actor,
        amount: a.amountCents === null ? null : money(a.amountCents),
      }));
    }
    return row;
  }

  function matches(p: ConsolePaymentState, f: Json): boolean {
    const day = dayAt(p.paidAt, offsetOf(p.practice));
    const from = stringVar(f, 'from');
    const to = stringVar(f, 'to');
    const locationId = stringVar(f, 'locationId');
    const statuses = f['statuses'];
    const min = numberVar(f, 'minAmountCents');
    const max = numberVar(f, 'maxAmountCents');
    const account = stringVar(f, 'accountNumber');
    const txId = stringVar(f, 'transactionId');
    const reference = stringVar(f, 'providerReference');
    return (
      (from === null || day >= from) &&
      (to === null || day <= to) &&
      (locationId === null || p.allocations.some((a) => a.locationId === locationId)) &&
      (!Array.isArray(statuses) || statuses.length === 0 || statuses.includes(status(p))) &&
      (min === null || p.amountCents >= min) &&
      (max === null || p.amountCents <= max) &&
      (account === null || p.account === account) &&
      (txId === null || p.txId === txId) &&
      (reference === null || p.providerReference === reference)
    );
  }

  function filterError(f: Json): string | null {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const from = stringVar(f, 'from');
    const to = stringVar(f, 'to');
    if ((from !== null && !day.test(from)) || (to !== null && !day.test(to))) return 'from/to must be ISO dates';
    if (from !== null && to !== null && from > to) return 'from must not be after to';
    const min = numberVar(f, 'minAmountCents');
    const max = numberVar(f, 'maxAmountCents');
    if ((min !== null && min < 0) || (max !== null && max < 0)) return 'amounts must not be negative';
    return null;
  }

  function listOf(hash: string, f: Json): ConsolePaymentState[] {
    return [...payments.values()]
      .filter((p) => p.practice === hash && matches(p, f))
      .sort((a, b) => tieBreak(b.paidAt - a.paidAt, b.txId.localeCompare(a.txId)));
  }

  function link(kind: string, params: Record<string, string>) {
    return {
      __typename: 'ReceiptDownload',
      url: `/mock-${kind}?${new URLSearchParams(params).toString()}`,
      expiresAt: new Date(now() + 5 * 60_000).toISOString(),
    };
  }

  function roi(hash: string, from: string, to: string, locationId: string | null) {
    const offset = offsetOf(hash);
    const inRange = (day: string) => day >= from && day <= to;
    const online: {
      tx: string;
      day: string;
      account: string;
      cents: number;
      locationId: string | null;
      code: string;
      daysToPay: number;
    }[] = [];
    for (const p of payments.values()) {
      const day = dayAt(p.paidAt, offset);
      if (p.practice !== hash || !inRange(day)) continue;
      let net = p.amountCents - refundedCents(p) - (p.dispute?.status === 'LOST' ? p.dispute.amountCents : 0);
      for (const a of p.allocations) {
        const share = Math.min(net, a.applied);
        net -= share;
        if (locationId === null || a.locationId === locationId) {
          online.push({
            tx: p.txId,
            day,
            account: p.account,
            cents: share,
            locationId: a.locationId,
            code: a.procedureCode,
            daysToPay: Math.round(
              (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${a.serviceDate}T00:00:00Z`)) / 86_400_000,
            ),
          });
        }
      }
    }
    const other = offline.filter(
      (o) => o.practice === hash && inRange(o.day) && (locationId === null || o.locationId === locationId),
    );
    const all = [
      ...online.map((o) => ({ ...o, source: SOURCES[0] })),
      ...other.map((o) => ({
        day: o.day,
        account: o.account,
        cents: o.cents,
        locationId: o.locationId,
        code: o.procedureCode,
        daysToPay: o.daysToPay,
        source: o.source,
      })),
    ];
    const sum = (rows: { cents: number }[]) => rows.reduce((s, r) => s + r.cents, 0);
    const households = new Set(all.map((r) => r.account));
    const onlineHouseholds = new Set(online.map((r) => r.account));
    const days: string[] = [];
    for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000)
      days.push(new Date(ms).toISOString().slice(0, 10));
    const categories = [...new Set(all.map((r) => categoryOf(r.code)))].sort();
    return {
      __typename: 'RoiReport',
      from,
      to,
      onlineCollections: money(sum(online)),
      allCollections: money(sum(all)),
      bySource: SOURCES.map((source) => {
        const rows = all.filter((r) => r.source === source);
        const count = source === SOURCES[0] ? new Set(online.map((r) => r.tx)).size : rows.length;
        return { __typename: 'CollectionsBySource', source, amount: money(sum(rows)), count };
      }),
      householdsPayingOnlineShare: households.size > 0 ? onlineHouseholds.size / households.size : 0,
      medianDaysToPayOnline: median(online.map((r) => r.daysToPay)),
      medianDaysToPayOther: median(other.map((r) => r.daysToPay)),
      funnel: FUNNEL.map((step) => ({
        __typename: 'FunnelStep',
        step,
        count: funnel
          .filter((f) => f.practice === hash && f.step === step && inRange(f.day))
          .reduce((s, f) => s + f.count, 0),
      })),
      byLocation: locationsOf(hash)
        .filter((l) => locationId === null || l.id === locationId)
        .map((l) => ({
          __typename: 'LocationCollections',
          locationId: l.id,
          locationName: l.name,
          online: money(sum(online.filter((r) => r.locationId === l.id))),
          all: money(sum(all.filter((r) => r.locationId === l.id))),
        })),
      byProcedureCategory: categories.map((category) => ({
        __typename: 'CategoryCollections',
        category,
        online: money(sum(online.filter((r) => categoryOf(r.code) === category))),
        all: money(sum(all.filter((r) => categoryOf(r.code) === category))),
      })),
      byDay: days.map((date) => ({
        __typename: 'DailyCollections',
        date,
        online: money(sum(online.filter((r) => r.day === date))),
        all: money(sum(all.filter((r) => r.day === date))),
      })),
    };
  }

  function brandingJson(b: Branding | null, hash: string) {
    return b === null
      ? null
      : {
          __typename: 'ReceiptBranding',
          signatureText: b.signatureText,
          footerText: b.footerText,
          logoUrl: b.logoUrl,
          updatedAt: isoAtOffset(b.updatedAt, offsetOf(hash)),
        };
  }

  function brandingOf(hash: string) {
    return entry(branding, hash, 'receipt branding');
  }

  function brandingState(hash: string) {
    const b = brandingOf(hash);
    return {
      __typename: 'ReceiptBrandingState',
      draft: brandingJson(b.draft, hash),
      published: brandingJson(b.published, hash),
    };
  }

  /** What `practice(id)` answers for this staff member: the hash, or an error for one they may not see. */
  function practiceFor(s: MockStaff, v: Json): { hash: string } | { error: Json } {
    const hash = hashOf(stringVar(v, 'practiceId'));
    if (hash === null || roleIn(s, hash) === null) return { error: error('FORBIDDEN') };
    return { hash };
  }

  const consoleData = (practice: Json) => ({
    data: { console: { __typename: 'Console', practice: { __typename: 'ConsolePractice', ...practice } } },
  });

  /** One console operation; `token` is the staff cookie. Answers the body and the cookie after it. */
  function respond(op: string, v: Json, token: string | null): { json: unknown; staff: string | null } {
    if (op === 'StaffSignIn') {
      const email = (stringVar(v, 'email') ?? '').trim().toLowerCase();
      const s = staff.find((x) => x.email === email);
      const locked = (failures.get(email) ?? 0) >= 5;
      const passwordOk = s !== undefined && !locked && s.password === v['password'];
      /** A `staffSignIn` answer; `staffId` only on success, with the new cookie. */
      const signInAnswer = (otpRequired: boolean, message: string | null, staffId: string | null, cookie = token) => ({
        json: {
          data: {
            staffSignIn: {
              __typename: 'StaffSignInResult',
              ok: staffId !== null,
              otpRequired,
              message,
              staff: staffId === null ? null : { __typename: 'StaffMember', id: staffId },
            },
          },
        },
        staff: cookie,
      });
      if (!passwordOk) {
        failures.set(email, (failures.get(email) ?? 0) + 1);
        return signInAnswer(false, 'We could not sign you in.', null);
      }
      const otp = stringVar(v, 'otp');
      if (s.otp !== null && otp === null) {
        return signInAnswer(true, null, null);
      }
      if (s.otp !== null && otp !== s.otp) {
        failures.set(email, (failures.get(email) ?? 0) + 1);
        return signInAnswer(true, 'We could not sign you in.', null);
      }
      failures.delete(email);
      const newToken = `staff-${String(++tokens)}`;
      sessions.set(newToken, { staffId: s.id, idleEnd: now() + idleMs });
      return signInAnswer(false, null, s.id, newToken);
    }
    if (op === 'StaffSignOut') {
      if (token !== null) sessions.delete(token);
      return { json: { data: { staffSignOut: true } }, staff: null };
    }
    const s = member(token);
    const isQuery =
      !/^Console(RefundPayment|SaveBrandingDraft|PublishBranding|PreviewBranding|EmailPaymentLink|ReplayDeadLetters|RunReconciliation)$/.test(
        op,
      );
    if (s === null) {
      return { json: isQuery ? { data: { console: null } } : error('UNAUTHENTICATED'), staff: null };
    }
    const answer = (json: unknown) => ({ json, staff: token });
    switch (op) {
      case 'ConsoleMe':
        return answer({
          data: {
            console: {
              __typename: 'Console',
              me: {
                __typename: 'StaffMember',
                id: s.id,
                email: s.email,
                displayName: s.displayName,
                memberships: Object.entries(s.memberships).map(([hash, role]) => ({
                  __typename: 'StaffMembership',
                  role,
                  practice: { __typename: 'ConsolePractice', id: practiceIdOf(hash) },
                })),
              },
              practices: visiblePractices(s).map((hash) => practiceJson(s, hash)),
            },
          },
        });
      case 'ConsolePayments': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        const f = (v['filter'] ?? {}) as Json;
        const first = numberVar(v, 'first') ?? 50;
        const problem = filterError(f) ?? (first < 1 || first > 100 ? 'first must be 1–100' : null);
        if (problem !== null) return answer(error('BAD_USER_INPUT', problem));
        const all = listOf(p.hash, f);
        const after = stringVar(v, 'after');
        const start = after === null ? 0 : all.findIndex((x) => `cur-${x.txId}` === after) + 1;
        const page = all.slice(start, start + first);
        const last = page.at(-1);
        return answer(
          consoleData({
            id: practiceIdOf(p.hash),
            payments: {
              __typename: 'ConsolePaymentConnection',
              totalCount: all.length,
              pageInfo: {
                __typename: 'PageInfo',
                hasNextPage: start + first < all.length,
                endCursor: last === undefined ? null : `cur-${last.txId}`,
              },
              edges: page.map((x) => ({
                __typename: 'ConsolePaymentEdge',
                cursor: `cur-${x.txId}`,
                node: paymentJson(x, false),
              })),
            },
          }),
        );
      }
      case 'ConsolePaymentsCsv': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        const problem = filterError((v['filter'] ?? {}) as Json);
        if (problem !== null) return answer(error('BAD_USER_INPUT', problem));
        return answer(
          consoleData({ id: practiceIdOf(p.hash), paymentsCsv: link('payments.csv', { practice: p.hash }) }),
        );
      }
      case 'ConsolePayment': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        const payment = payments.get(stringVar(v, 'transactionId') ?? '');
        const own = payment?.practice === p.hash ? payment : null;
        if (own !== null) settleRefunds(own);
        return answer(
          consoleData({
            id: practiceIdOf(p.hash),
            payment: own === null ? null : paymentJson(own, true),
          }),
        );
      }
      case 'ConsoleReceiptPdf': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        const payment = payments.get(stringVar(v, 'transactionId') ?? '');
        if (payment?.practice !== p.hash) return answer(error('NOT_FOUND'));
        const locale = stringVar(v, 'locale') ?? 'en';
        if (!['en', 'es'].includes(locale)) return answer(error('BAD_USER_INPUT', 'locale'));
        payment.audit.push({ at: now(), action: 'RECEIPT_DOWNLOADED', actor: s.displayName, amountCents: null });
        return answer(
          consoleData({
            id: practiceIdOf(p.hash),
            receiptPdf: link('receipt.pdf', { tx: payment.txId, locale }),
          }),
        );
      }
      case 'ConsoleRefundPayment': {
        const payment = payments.get(stringVar(v, 'transactionId') ?? '');
        const role = payment === undefined ? null : roleIn(s, payment.practice);
        if (payment === undefined || role === null) return answer(error('NOT_FOUND'));
        if (role === 'SUPPORT') return answer(error('FORBIDDEN'));
        const key = stringVar(v, 'idempotencyKey') ?? '';
        const existing = payment.refunds.find((r) => r.key === key);
        const cents = numberVar(v, 'amountCents') ?? Number.NaN;
        if (existing !== undefined)
          return answer({
            data: {
              refundPayment: {
                __typename: 'ConsoleRefund',
                refundRequestId: existing.id,
                status: existing.status,
                amount: money(existing.amountCents),
              },
            },
          });
        if (!Number.isInteger(cents) || cents <= 0 || cents > refundableCents(payment))
          return answer(error('BAD_USER_INPUT', 'amountCents is above what is refundable'));
        if (v['reason'] === 'OTHER' && (stringVar(v, 'note') ?? '').trim() === '')
          return answer(error('BAD_USER_INPUT', 'note is required for OTHER'));
        const refund: Refund = {
          id: `re_mock${String(++counter)}`,
          key,
          amountCents: cents,
          status: 'PENDING',
          requestedAt: now(),
          postedAt: null,
          reads: 0,
          actor: s.displayName,
        };
        payment.refunds.push(refund);
        payment.audit.push({ at: now(), action: 'REFUND_REQUESTED', actor: s.displayName, amountCents: cents });
        return answer({
          data: {
            refundPayment: {
              __typename: 'ConsoleRefund',
              refundRequestId: refund.id,
              status: 'PENDING',
              amount: money(cents),
            },
          },
        });
      }
      case 'ConsoleReceiptBranding': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        if (roleIn(s, p.hash) !== 'PRACTICE_ADMIN') return answer(error('FORBIDDEN'));
        return answer(consoleData({ id: practiceIdOf(p.hash), receiptBranding: brandingState(p.hash) }));
      }
      case 'ConsoleSaveBrandingDraft':
      case 'ConsolePublishBranding':
      case 'ConsolePreviewBranding': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        if (roleIn(s, p.hash) !== 'PRACTICE_ADMIN') return answer(error('FORBIDDEN'));
        const b = brandingOf(p.hash);
        if (op === 'ConsolePreviewBranding') {
          const txId = stringVar(v, 'transactionId');
          if (txId !== null && payments.get(txId)?.practice !== p.hash) return answer(error('NOT_FOUND'));
          return answer({
            data: {
              previewReceiptBranding: link('receipt.pdf', { preview: '1', tx: txId ?? 'sample' }),
            },
          });
        }
        if (op === 'ConsolePublishBranding') {
          if (b.draft === null) return answer(error('BAD_USER_INPUT', 'no draft to publish'));
          b.published = { ...b.draft, updatedAt: now() };
          b.draft = null;
          return answer({ data: { publishReceiptBranding: brandingState(p.hash) } });
        }
        const input = (v['input'] ?? {}) as Json;
        const base = b.draft ??
          b.published ?? { signatureText: null, footerText: null, logoUrl: null, updatedAt: now() };
        const signatureText = textVar(input, 'signatureText');
        const footerText = textVar(input, 'footerText');
        const logoBase64 = textVar(input, 'logoBase64');
        if (signatureText !== null && signatureText.length > 200)
          return answer(error('BAD_USER_INPUT', 'signatureText is longer than 200'));
        if (footerText !== null && footerText.length > 500)
          return answer(error('BAD_USER_INPUT', 'footerText is longer than 500'));
        let logoUrl = base.logoUrl;
        if (logoBase64 !== null) {
          const type = textVar(input, 'logoContentType') ?? '';
          const bytes = Math.floor((logoBase64.length * 3) / 4);
          if (!['image/png', 'image/svg+xml'].includes(type) || bytes > 256 * 1024)
            return answer(error('BAD_USER_INPUT', 'logo must be a PNG or SVG of at most 256 KiB'));
          logoUrl = `data:${type};base64,${logoBase64}`;
        } else if (input['removeLogo'] === true) {
          logoUrl = null;
        }
        b.draft = {
          signatureText: signatureText ?? base.signatureText,
          footerText: footerText ?? base.footerText,
          logoUrl,
          updatedAt: now(),
        };
        return answer({ data: { saveReceiptBrandingDraft: brandingState(p.hash) } });
      }
      case 'ConsoleRoi': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        const from = stringVar(v, 'from') ?? '';
        const to = stringVar(v, 'to') ?? '';
        const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
        if (!(span >= 0) || span > 366) return answer(error('BAD_USER_INPUT', 'from/to'));
        const locationId = stringVar(v, 'locationId');
        if (locationId !== null && !locationsOf(p.hash).some((l) => l.id === locationId))
          return answer(error('BAD_USER_INPUT', 'locationId'));
        return answer(consoleData({ id: practiceIdOf(p.hash), roi: roi(p.hash, from, to, locationId) }));
      }
      case 'ConsoleStatementLink': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        const account = (stringVar(v, 'accountNumber') ?? '').trim();
        if (households[account]?.practice !== p.hash) return answer(error('NOT_FOUND'));
        const url = `http://127.0.0.1/p/${p.hash}?account=${encodeURIComponent(account)}`;
        return answer(
          consoleData({
            id: practiceIdOf(p.hash),
            statementLink: {
              __typename: 'StatementLink',
              accountNumber: account,
              url,
              qrSvg: mockQrSvg(url),
              qrPngUrl: `/mock-qr.png?account=${account}`,
            },
          }),
        );
      }
      case 'ConsoleStatementLinksExport': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        const accounts = (v['accountNumbers'] ?? []) as string[];
        if (
          accounts.length === 0 ||
          accounts.length > 5000 ||
          accounts.some((a) => !/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(a))
        )
          return answer(error('BAD_USER_INPUT', 'accountNumbers'));
        return answer(
          consoleData({
            id: practiceIdOf(p.hash),
            statementLinksExport: link('statements.zip', {
              n: String(accounts.length),
              format: stringVar(v, 'format') ?? 'SVG',
            }),
          }),
        );
      }
      case 'ConsoleEmailPaymentLink': {
        const p = practiceFor(s, v);
        if ('error' in p) return answer(p.error);
        if (roleIn(s, p.hash) === 'SUPPORT') return answer(error('FORBIDDEN'));
        const email = stringVar(v, 'email') ?? '';
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return answer(error('BAD_USER_INPUT', 'email'));
        if (households[stringVar(v, 'accountNumber') ?? '']?.practice !== p.hash) return answer(error('NOT_FOUND'));
        mail.push({
          destination: { to: [email] },
          subject: `Pay your bill — ${entry(PRACTICES, p.hash, 'practice').name}`,
          kind: 'payment-link',
        });
        return answer({ data: { emailPaymentLink: { __typename: 'EmailReceiptResult', queued: true } } });
      }
      case 'ConsoleOperations':
      case 'ConsoleReplayDeadLetters':
      case 'ConsoleRunReconciliation': {
        if (s.support !== true) return answer(error('FORBIDDEN'));
        const run = (r: (typeof ops.runs)[number]) => ({
          __typename: 'ReconciliationRun',
          startedAt: new Date(r.startedAt).toISOString(),
          from: new Date(r.from).toISOString(),
          to: new Date(r.to).toISOString(),
          checked: r.checked,
          repaired: r.repaired,
        });
        if (op === 'ConsoleReplayDeadLetters') {
          const moved = Math.min(ops.deadLetterDepth, numberVar(v, 'max') ?? 100);
          ops.deadLetterDepth -= moved;
          return answer({ data: { replayDeadLetters: moved } });
        }
        if (op === 'ConsoleRunReconciliation') {
          const from = Date.parse(stringVar(v, 'from') ?? '');
          const to = Date.parse(stringVar(v, 'to') ?? '');
          if (Number.isNaN(from) || Number.isNaN(to) || to <= from || to - from > 31 * 86_400_000)
            return answer(error('BAD_USER_INPUT', 'from/to'));
          const r = {
            startedAt: now(),
            from,
            to,
            checked: [...payments.values()].filter((x) => x.paidAt >= from && x.paidAt <= to).length,
            repaired: 0,
          };
          ops.runs.unshift(r);
          return answer({ data: { runReconciliation: run(r) } });
        }
        return answer({
          data: {
            console: {
              __typename: 'Console',
              operations: {
                __typename: 'ConsoleOperations',
                deadLetterDepth: ops.deadLetterDepth,
                queueDepth: ops.queueDepth,
                reconciliationRuns: ops.runs.map(run),
              },
            },
          },
        });
      }
      default:
        return answer(error('BAD_USER_INPUT', `unknown operation ${op}`));
    }
  }

  /** The patient side posted a payment (`post`): it appears in the console, allocations and all. */
  function posted(
    txId: string,
    account: string,
    amountCents: number,
    creditCents: number,
    card: string | null,
    lines: { charge: MockCharge; applied: number; remaining: number }[],
  ): void {
    const h = entry(households, account, 'household');
    const procedure = (name: string) => PROCEDURES.find(([, n]) => n === name)?.[0] ?? 'D0150';
    const location = (name: string | null) => locationsOf(h.practice).find((l) => l.name === name) ?? null;
    payments.set(txId, {
      txId,
      practice: h.practice,
      account,
      guarantorName: h.guarantorName,
      amountCents,
      creditCents,
      paidAt: now(),
      methodLabel: `VISA ••••${(card ?? '4242').slice(-4)}`,
      providerReference: `pi_mock${txId}`,
      allocations: lines.map(({ charge: c, applied, remaining }) => ({
        chargeId: c.id,
        patientName: c.patientName,
        serviceDate: c.serviceDate,
        procedureCode: procedure(c.procedureName),
        procedureName: c.procedureName,
        locationId: location(c.locationName)?.id ?? null,
        locationName: c.locationName,
        applied,
        remaining,
      })),
      refunds: [],
      dispute: null,
      audit: [{ at: now(), action: 'PAYMENT_POSTED', actor: 'system', amountCents }],
    });
  }

  return {
    respond,
    posted,
    payments,
    branding,
    ops,
    mail,
    /** Ends every staff session, as the server's idle expiry would. */
    expireStaffSessions(): void {
      sessions.clear();
    },
    /** Signs `email` in without a request (a test starting on a console page). Answers the cookie. */
    signInStaff(email: string): string {
      const s = staff.find((x) => x.email === email);
      if (s === undefined) {
        throw new Error(`No mock staff member ${email}`);
      }
      const token = `staff-${String(++tokens)}`;
      sessions.set(token, { staffId: s.id, idleEnd: now() + idleMs });
      return token;
    },
  };
}

export type ConsoleMock = ReturnType<typeof createConsoleMock>;

/** A minimal valid one-page PDF, for the mock's download link. */
export const MOCK_PDF_TEXT =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
