// A stand-in for the BFF's GraphQL API, for LOOKING at the pages and trying the specs' logic while the real stack
// is not available (visual checks, local runs of serve-dist.mjs with MOCK_API=1). It is never what `npm run e2e`
// tests: the end-to-end suite runs against `make demo`.

const money = (cents) => ({ __typename: 'Money', cents, currency: 'USD' });

const PRACTICES = {
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
};

function c(id, patientId, patientName, serviceDate, procedureName, amount, balance = amount, disputed = false) {
  return { id, patientId, patientName, serviceDate, procedureName, providerName: 'Dr. Ana Ruiz', locationName: 'Downtown', amount, balance, disputed };
}

function seed() {
  return {
    '100234': {
      practice: 'K7MX4Q',
      lastName: 'garcia',
      guarantorName: 'Maria García',
      charges: [
        c('c1', 'p2', 'Lucas García', '2026-01-12', 'Fluoride treatment', 3500),
        c('c2', 'p2', 'Lucas García', '2026-02-20', 'Filling, one surface (tooth-colored)', 18000, 10000),
        c('c3', 'p1', 'Maria García', '2026-01-12', 'Cleaning (adult)', 12000),
        c('c4', 'p1', 'Maria García', '2026-03-03', 'X-rays, full mouth', 8500),
        c('c5', 'p3', 'Sofia García', '2026-03-04', 'Sealants (per tooth)', 6000),
      ],
    },
    '100235': {
      practice: 'K7MX4Q',
      lastName: "o'brien",
      guarantorName: "Sean O'Brien",
      charges: [
        c('o1', 'q1', "Sean O'Brien", '2026-02-02', 'Crown (porcelain)', 90000, 45000),
        c('o2', 'q1', "Sean O'Brien", '2026-03-10', 'Exam', 7500, 7500, true),
      ],
    },
    '200100': {
      practice: 'HR9T3W',
      lastName: 'nguyen-smith',
      guarantorName: 'Ana Nguyen-Smith',
      charges: [
        c('n1', 'r1', 'Ana Nguyen-Smith', '2026-01-05', 'Cleaning (adult)', 11000),
        c('n2', 'r2', 'Leo Nguyen-Smith', '2026-01-05', 'Cleaning (child)', 8000),
      ],
    },
  };
}

export function createMockApi(options = {}) {
  const households = seed();
  const payments = new Map();
  const receipts = new Map();
  const mail = [];
  let txCounter = 0;

  function householdView(account) {
    const h = households[account];
    const open = h.charges.filter((x) => x.balance > 0);
    const order = [...open].sort((a, b) => a.patientName.localeCompare(b.patientName) || a.serviceDate.localeCompare(b.serviceDate));
    return {
      __typename: 'Household',
      guarantorName: h.guarantorName,
      practice: PRACTICES[h.practice],
      balance: money(open.reduce((s, x) => s + x.balance, 0)),
      credit: money(0),
      charges: order.map((x) => ({
        __typename: 'Charge',
        id: x.id,
        patientId: x.patientId,
        patientName: x.patientName,
        serviceDate: x.serviceDate,
        procedureName: x.procedureName,
        providerName: x.providerName,
        locationName: x.locationName,
        amount: money(x.amount),
        balance: money(x.balance),
        status: x.disputed ? 'DISPUTED' : x.balance < x.amount ? 'PARTIALLY_PAID' : 'OPEN',
        disputed: x.disputed,
      })),
    };
  }

  function post(account, amount, card) {
    const h = households[account];
    const order = h.charges.map((x, i) => [x, i]).sort((a, b) => a[0].serviceDate.localeCompare(b[0].serviceDate) || a[1] - b[1]);
    let left = amount;
    const lines = [];
    for (const [x] of order) {
      if (left <= 0 || x.balance <= 0) continue;
      const applied = Math.min(left, x.balance);
      left -= applied;
      x.balance -= applied;
      lines.push({ __typename: 'ReceiptLine', chargeId: x.id, patientName: x.patientName, serviceDate: x.serviceDate, procedureName: x.procedureName, providerName: x.providerName, chargeAmount: money(x.amount), applied: money(applied), remaining: money(x.balance) });
    }
    lines.sort((a, b) => a.patientName.localeCompare(b.patientName) || a.serviceDate.localeCompare(b.serviceDate));
    const txId = `TX-${String(++txCounter).padStart(6, '0')}`;
    receipts.set(txId, {
      account,
      receipt: {
        __typename: 'Receipt',
        txId,
        providerReference: `pi_mock${txCounter}`,
        paidAt: '2026-03-22T09:41:00-05:00',
        timeZone: PRACTICES[h.practice].timeZone,
        methodLabel: `VISA ••••${card.slice(-4)}`,
        total: money(amount),
        applied: money(amount - left),
        credit: money(left),
        guarantorName: h.guarantorName,
        practice: PRACTICES[h.practice],
        lines,
      },
    });
    return txId;
  }

  /** Handles one GraphQL request; `account` is the signed-in account or null. Returns { json, account }. */
  function handle(body, account) {
    const v = body.variables ?? {};
    const data = (d) => ({ json: { data: d }, account });
    const error = (code) => ({ json: { data: null, errors: [{ message: code, extensions: { code, retryable: false } }] }, account });
    const needSession = () => !account || !households[account];
    switch (body.operationName) {
      case 'Practice':
        return data({ practice: PRACTICES[v.hash] ?? null });
      case 'SignIn': {
        const h = households[String(v.accountNumber).trim()];
        const ok = !!h && h.practice === v.practiceHash && h.lastName === String(v.lastName).trim().toLowerCase();
        return { json: { data: { signIn: { __typename: 'SignInResult', ok, message: ok ? null : 'We could not sign you in.', idleExpiresAt: null } } }, account: ok ? String(v.accountNumber).trim() : account };
      }
      case 'SignOut':
        return { json: { data: { signOut: true } }, account: null };
      case 'Household':
        return data({ household: needSession() ? null : householdView(account) });
      case 'StartPayment': {
        if (needSession()) return error('UNAUTHENTICATED');
        const balance = householdView(account).balance.cents;
        if (v.amountCents > balance) return error('AMOUNT_EXCEEDS_BALANCE');
        if (v.amountCents < 50 && v.amountCents !== balance) return error('AMOUNT_TOO_LOW');
        const id = `pay_${payments.size + 1}`;
        payments.set(id, { account, amount: v.amountCents, status: 'PROCESSING', polls: 0 });
        return data({ startPayment: { __typename: 'PaymentSession', paymentId: id, provider: options.provider ?? 'SIMULATED', clientSecret: `pi_${id}_secret_x`, publishableKey: 'pk_test_mock', stripeAccount: null, amount: money(v.amountCents) } });
      }
      case 'ConfirmSimulatedPayment': {
        if (needSession()) return error('UNAUTHENTICATED');
        const p = payments.get(v.paymentId);
        p.card = v.cardNumber;
        if (p.card === '4000000000000002') p.status = 'FAILED';
        return data({ confirmSimulatedPayment: paymentOf(v.paymentId) });
      }
      case 'PaymentStatus': {
        if (needSession()) return error('UNAUTHENTICATED');
        const p = payments.get(v.id);
        p.polls++;
        if (p.status === 'PROCESSING' && p.polls > 2) {
          p.status = 'SUCCEEDED';
          p.txId = post(p.account, p.amount, p.card);
        }
        return data({ payment: paymentOf(v.id) });
      }
      case 'Receipt': {
        if (needSession()) return error('UNAUTHENTICATED');
        const r = receipts.get(v.txId);
        return r && r.account === account ? data({ receipt: r.receipt }) : error('NOT_FOUND');
      }
      case 'DownloadReceipt':
        if (needSession()) return error('UNAUTHENTICATED');
        return data({ downloadReceipt: { __typename: 'ReceiptDownload', url: `/mock-receipt.pdf?tx=${v.txId}`, expiresAt: '2026-03-22T10:00:00Z' } });
      case 'EmailReceipt':
        if (needSession()) return error('UNAUTHENTICATED');
        mail.push({ destination: { to: [v.email] }, subject: 'Your receipt', attachments: [{ filename: `${v.txId}.pdf` }] });
        return data({ emailReceipt: { __typename: 'EmailReceiptResult', queued: true } });
      default:
        return error('BAD_USER_INPUT');
    }
  }

  function paymentOf(id) {
    const p = payments.get(id);
    return { __typename: 'Payment', id, status: p.status, txId: p.txId ?? null, failureReason: p.status === 'FAILED' ? 'Your card was declined.' : null, failureCode: p.status === 'FAILED' ? 'card_declined' : null, amount: money(p.amount) };
  }

  return { handle, mail };
}

/** A minimal valid one-page PDF, for the mock's download link. */
export const MOCK_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
