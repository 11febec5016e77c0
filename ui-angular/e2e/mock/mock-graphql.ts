import type { Page, Route } from '@playwright/test';

/**
 * A stand-in for the BFF's GraphQL API, for LOOKING at the pages (screenshots, layout checks) while the real stack
 * is not available. It is deliberately not used by the end-to-end specs, which run against `make demo`.
 */
interface MockCharge {
  id: string;
  patientId: string;
  patientName: string;
  serviceDate: string;
  procedureName: string;
  providerName: string;
  locationName: string;
  amount: number;
  balance: number;
  disputed: boolean;
}

const practice = {
  __typename: 'Practice',
  hash: 'K7MX4Q',
  name: 'Bright Smiles Dental',
  phone: '(512) 555-0142',
  phoneE164: '+15125550142',
  logoUrl: null,
  timeZone: 'America/Chicago',
  address: { __typename: 'Address', formatted: '120 Main St, Suite 4, Austin, TX 78701' },
};

function money(cents: number) {
  return { __typename: 'Money', cents, currency: 'USD' };
}

export function installMockGraphQL(page: Page, options: { provider?: 'SIMULATED' | 'STRIPE' } = {}) {
  const charges: MockCharge[] = [
    { id: 'c1', patientId: 'p2', patientName: 'Lucas García', serviceDate: '2026-01-12', procedureName: 'Fluoride treatment', providerName: 'Dr. Ana Ruiz', locationName: 'Downtown', amount: 3500, balance: 3500, disputed: false },
    { id: 'c2', patientId: 'p2', patientName: 'Lucas García', serviceDate: '2026-02-20', procedureName: 'Filling, one surface (tooth-colored)', providerName: 'Dr. Ana Ruiz', locationName: 'Northside', amount: 18000, balance: 10000, disputed: false },
    { id: 'c3', patientId: 'p1', patientName: 'Maria García', serviceDate: '2026-01-12', procedureName: 'Cleaning (adult)', providerName: 'Kim Lee, RDH', locationName: 'Downtown', amount: 12000, balance: 12000, disputed: false },
    { id: 'c4', patientId: 'p1', patientName: 'Maria García', serviceDate: '2026-03-03', procedureName: 'X-rays, full mouth', providerName: 'Dr. Ana Ruiz', locationName: 'Downtown', amount: 8500, balance: 8500, disputed: false },
    { id: 'c5', patientId: 'p3', patientName: 'Sofia García', serviceDate: '2026-03-03', procedureName: 'Sealants (per tooth)', providerName: 'Dr. Ana Ruiz', locationName: 'Downtown', amount: 6000, balance: 6000, disputed: true },
  ];
  let signedIn = false;
  const payments = new Map<string, { amount: number; status: string; card?: string; txId?: string; polls: number }>();
  let receipt: unknown = null;

  const handler = async (route: Route) => {
    const body = route.request().postDataJSON() as { operationName: string; variables: Record<string, unknown> };
    const v = body.variables ?? {};
    const reply = (data: unknown) => route.fulfill({ json: { data } });
    const error = (code: string) =>
      route.fulfill({ json: { data: null, errors: [{ message: code, extensions: { code, retryable: false } }] } });
    switch (body.operationName) {
      case 'Practice':
        return reply({ practice: v['hash'] === 'K7MX4Q' ? practice : null });
      case 'SignIn': {
        const ok = v['accountNumber'] === '100234' && String(v['lastName']).toLowerCase() === 'garcia';
        signedIn = ok;
        return reply({ signIn: { __typename: 'SignInResult', ok, message: ok ? null : 'We could not sign you in.', idleExpiresAt: null } });
      }
      case 'SignOut':
        signedIn = false;
        return reply({ signOut: true });
      case 'Household': {
        if (!signedIn) return reply({ household: null });
        const open = charges.filter((c) => c.balance > 0);
        const total = open.reduce((s, c) => s + c.balance, 0);
        const order = [...open].sort((a, b) => a.patientName.localeCompare(b.patientName) || a.serviceDate.localeCompare(b.serviceDate));
        return reply({
          household: {
            __typename: 'Household',
            guarantorName: 'Maria García',
            practice,
            balance: money(total),
            credit: money(0),
            charges: order.map((c) => ({
              __typename: 'Charge',
              id: c.id,
              patientId: c.patientId,
              patientName: c.patientName,
              serviceDate: c.serviceDate,
              procedureName: c.procedureName,
              providerName: c.providerName,
              locationName: c.locationName,
              amount: money(c.amount),
              balance: money(c.balance),
              status: c.disputed ? 'DISPUTED' : c.balance < c.amount ? 'PARTIALLY_PAID' : 'OPEN',
              disputed: c.disputed,
            })),
          },
        });
      }
      case 'StartPayment': {
        if (!signedIn) return error('UNAUTHENTICATED');
        const id = `pay_${payments.size + 1}`;
        payments.set(id, { amount: v['amountCents'] as number, status: 'PROCESSING', polls: 0 });
        return reply({
          startPayment: {
            __typename: 'PaymentSession',
            paymentId: id,
            provider: options.provider ?? 'SIMULATED',
            clientSecret: `pi_${id}_secret_x`,
            publishableKey: 'pk_test_mock',
            stripeAccount: null,
            amount: money(v['amountCents'] as number),
          },
        });
      }
      case 'ConfirmSimulatedPayment': {
        const p = payments.get(v['paymentId'] as string)!;
        p.card = v['cardNumber'] as string;
        if (p.card === '4000000000000002') {
          p.status = 'FAILED';
        }
        return reply({ confirmSimulatedPayment: paymentOf(v['paymentId'] as string) });
      }
      case 'PaymentStatus': {
        const p = payments.get(v['id'] as string)!;
        p.polls++;
        if (p.status === 'PROCESSING' && p.polls > 2) {
          p.status = 'SUCCEEDED';
          p.txId = 'TX-20260322-0007';
          receipt = buildReceipt(p.amount);
        }
        return reply({ payment: paymentOf(v['id'] as string) });
      }
      case 'Receipt':
        return reply({ receipt: receipt ?? buildReceipt(15000) });
      case 'DownloadReceipt':
        return reply({ downloadReceipt: { __typename: 'ReceiptDownload', url: '/mock.pdf', expiresAt: '2026-03-22T10:00:00Z' } });
      case 'EmailReceipt':
        return reply({ emailReceipt: { __typename: 'EmailReceiptResult', queued: true } });
      default:
        return error('BAD_USER_INPUT');
    }
  };

  function paymentOf(id: string) {
    const p = payments.get(id)!;
    return {
      __typename: 'Payment',
      id,
      status: p.status,
      txId: p.txId ?? null,
      failureReason: p.status === 'FAILED' ? 'Your card was declined.' : null,
      failureCode: p.status === 'FAILED' ? 'card_declined' : null,
      amount: money(p.amount),
    };
  }

  function buildReceipt(amount: number) {
    const oldest = [...charges].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
    let left = amount;
    const lines = [];
    for (const c of oldest) {
      if (left <= 0) break;
      const applied = Math.min(left, c.balance);
      left -= applied;
      c.balance -= applied;
      lines.push({
        __typename: 'ReceiptLine',
        chargeId: c.id,
        patientName: c.patientName,
        serviceDate: c.serviceDate,
        procedureName: c.procedureName,
        providerName: c.providerName,
        chargeAmount: money(c.amount),
        applied: money(applied),
        remaining: money(c.balance),
      });
    }
    lines.sort((a, b) => a.patientName.localeCompare(b.patientName) || a.serviceDate.localeCompare(b.serviceDate));
    return {
      __typename: 'Receipt',
      txId: 'TX-20260322-0007',
      providerReference: 'pi_3Mock0000000000',
      paidAt: '2026-03-22T09:41:00-05:00',
      timeZone: 'America/Chicago',
      methodLabel: 'VISA ••••4242',
      total: money(amount),
      applied: money(amount - left),
      credit: money(left),
      guarantorName: 'Maria García',
      practice,
      lines,
    };
  }

  return page.route('**/graphql', handler);
}
