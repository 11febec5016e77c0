import { previewAllocation, type OpenCharge } from './allocation';

const charges: OpenCharge[] = [
  // Server order: grouped by patient, by date within a patient.
  { id: 'lucas-jan', serviceDate: '2026-01-12', balanceCents: 3500 },
  { id: 'lucas-feb', serviceDate: '2026-02-20', balanceCents: 10000 },
  { id: 'maria-jan', serviceDate: '2026-01-12', balanceCents: 12000 },
  { id: 'maria-mar', serviceDate: '2026-03-03', balanceCents: 8500 },
];

describe('previewAllocation', () => {
  it('pays the oldest charges first; on the same date it keeps the server order', () => {
    const preview = previewAllocation(charges, 15000);
    expect(preview.lines).toEqual([
      { chargeId: 'lucas-jan', appliedCents: 3500, remainingCents: 0 },
      { chargeId: 'maria-jan', appliedCents: 11500, remainingCents: 500 },
    ]);
    expect(preview.creditCents).toBe(0);
  });

  it('pays everything with the full balance', () => {
    const preview = previewAllocation(charges, 34000);
    expect(preview.lines.map((l) => l.chargeId)).toEqual(['lucas-jan', 'maria-jan', 'lucas-feb', 'maria-mar']);
    expect(preview.lines.every((l) => l.remainingCents === 0)).toBe(true);
  });

  it('keeps what does not fit as credit and ignores settled charges', () => {
    const preview = previewAllocation([...charges, { id: 'paid', serviceDate: '2025-01-01', balanceCents: 0 }], 35000);
    expect(preview.creditCents).toBe(1000);
    expect(preview.lines.find((l) => l.chargeId === 'paid')).toBeUndefined();
  });

  it('holds its invariants over many generated households and amounts', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 500; run++) {
      const generated: OpenCharge[] = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => ({
        id: `c${i}`,
        serviceDate: `2026-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`,
        balanceCents: 1 + Math.floor(random() * 50000),
      }));
      const total = generated.reduce((sum, c) => sum + c.balanceCents, 0);
      const amount = Math.floor(random() * total * 1.1);
      const { lines, creditCents } = previewAllocation(generated, amount);
      const applied = lines.reduce((sum, l) => sum + l.appliedCents, 0);
      expect(applied + creditCents).toBe(amount);
      expect(applied).toBe(Math.min(amount, total));
      for (let i = 0; i < lines.length; i++) {
        const source = generated.find((c) => c.id === lines[i].chargeId)!;
        expect(lines[i].appliedCents + lines[i].remainingCents).toBe(source.balanceCents);
        // Only the last line touched may be partly paid, and dates never go backwards.
        if (i < lines.length - 1) {
          expect(lines[i].remainingCents).toBe(0);
          const next = generated.find((c) => c.id === lines[i + 1].chargeId)!;
          expect(source.serviceDate <= next.serviceDate).toBe(true);
          if (source.serviceDate === next.serviceDate) {
            expect(generated.indexOf(source)).toBeLessThan(generated.indexOf(next));
          }
        }
      }
    }
  });
});
