import { chargeTotals, groupByPatient, isDisputed, type Charge } from './charges';

function charge(id: number, patient: string, date: string, cents: number, disputed: boolean): Charge {
  return {
    id: `c${String(id)}`,
    patientId: patient,
    patientName: patient,
    serviceDate: date,
    procedureName: 'Exam',
    providerName: null,
    locationName: null,
    status: disputed ? 'DISPUTED' : 'OPEN',
    disputed,
    amount: { cents, currency: 'USD' },
    balance: { cents, currency: 'USD' },
  };
}

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('charge totals', () => {
  it('listed = payable + disputed, and the patients’ payable subtotals add up to the payable total (500 households)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = random(seed);
      const charges = Array.from({ length: Math.floor(next() * 12) }, (_, i) =>
        charge(
          i,
          `P${String(Math.floor(next() * 4))}`,
          `2026-0${String(1 + Math.floor(next() * 9))}-1${String(Math.floor(next() * 9))}`,
          1 + Math.floor(next() * 90000),
          next() < 0.25,
        ),
      );
      const totals = chargeTotals(charges);
      const groups = groupByPatient(charges);
      const context = `seed ${String(seed)}`;
      expect(totals.listedCents, context).toBe(totals.payableCents + totals.disputedCents);
      expect(totals.listedCount, context).toBe(totals.payableCount + totals.disputedCount);
      expect(totals.disputedCount, context).toBe(charges.filter(isDisputed).length);
      expect(
        groups.reduce((sum, g) => sum + g.payableCents, 0),
        context,
      ).toBe(totals.payableCents);
      expect(
        groups.reduce((sum, g) => sum + g.disputedCents, 0),
        context,
      ).toBe(totals.disputedCents);
      for (const group of groups) {
        const dates = group.charges.map((c) => c.serviceDate);
        expect(dates, context).toEqual([...dates].sort());
      }
    }
  });

  it('counts a charge as disputed by its flag or its status', () => {
    expect(isDisputed({ disputed: true, status: 'OPEN' })).toBe(true);
    expect(isDisputed({ disputed: false, status: 'DISPUTED' })).toBe(true);
    expect(isDisputed({ disputed: false, status: 'PARTIALLY_PAID' })).toBe(false);
  });
});
