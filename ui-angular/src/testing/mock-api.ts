/**
 * The SPA's one GraphQL mock: a small in-memory stand-in for the BFF that answers the SPA's operations (by
 * `operationName`) from seeded households, with the ledger's rules (oldest date of service first, same date in entry
 * order, disputed charges skipped, the rest kept as credit). Used by the Vitest page tests (through
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
}

/** What a test makes one operation answer instead of the mock's own logic. */
/** A sort comparison: `first`, or `then` where `first` ties (0). */
function tieBreak(first: number, then: number): number {
  return first !== 0 ? first : then;
}

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
  function handle(body: GraphQLBody, account: string | null): MockResult {
    const op = body.operationName ?? '';
    const v = body.variables ?? {};
    requests.push({ operationName: op, variables: v });
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
      };
    }
    if (op === 'SignOut') {
      session = null;
      return { json: { data: { signOut: true } }, account: null };
    }
    const override = overrides.get(op);
    if (override) {
      if (override.once) overrides.delete(op);
      const a = override.answer;
      const json =
        typeof a === 'function'
          ? { data: a(v) }
          : 'errorCode' in a
            ? { data: null, errors: [{ message: a.errorCode, extensions: { code: a.errorCode, retryable: false } }] }
            : { data: a.data };
      return { json, account: current };
    }
    if (
      current === null &&
      SESSION_OPERATIONS.has(op) &&
      op !== 'Household' &&
      op !== 'AllocationPreview' &&
      op !== 'RecentPayments'
    ) {
      return { json: respond(op, v, null), account: null };
    }
    return { json: respond(op, v, current), account: current };
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

/** A minimal valid one-page PDF, for the mock's download link. */
export const MOCK_PDF_TEXT =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
