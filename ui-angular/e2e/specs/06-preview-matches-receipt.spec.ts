import type { Page } from '@playwright/test';
import {
  expect,
  test,
  GARCIA,
  OBRIEN,
  balanceCents,
  passRecentPaymentWarning,
  signIn,
  type Household,
} from './support';

/**
 * One allocation truth: what the pay page previews — the server's `allocationPreview` — is what
 * the receipt, from the ledger, shows, line by line: the demo household, the household with a disputed charge, and a
 * household whose payment leaves credit. Runs after the other payment specs; each pays on what is left.
 *
 * Needs the BFF's `Household.allocationPreview` and `Receipt.balanceAfter` resolvers.
 */

interface Line {
  id: string;
  applied: number;
  remaining: number;
}

const LAKESIDE_HARBOR: Household = { practice: 'QX7TMD', account: '300001', lastName: 'Lindqvist' };

function dollars(cents: number): string {
  return `${String(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
}

async function linesOf(page: Page, testId: string): Promise<Line[]> {
  return page.getByTestId(testId).evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-charge-id') ?? '',
      applied: Number(r.getAttribute('data-applied')),
      remaining: Number(r.getAttribute('data-remaining')),
    })),
  );
}

const byId = (lines: Line[]) => [...lines].sort((a, b) => a.id.localeCompare(b.id));

/** Chooses `amountCents`, reads the page's preview, pays it with 4242… and compares the receipt line by line. */
async function payPreviewedAmount(page: Page, amountCents: number): Promise<{ preview: Line[]; receipt: Line[] }> {
  await page.getByLabel('Pay another amount', { exact: true }).check();
  await page.getByLabel('Amount in dollars', { exact: true }).fill(dollars(amountCents));
  const previewLines = page.getByTestId('preview-line');
  await expect(previewLines.first()).toBeVisible();
  await expect(page.getByTestId('preview')).not.toHaveAttribute('aria-busy', 'true');
  const preview = await linesOf(page, 'preview-line');
  expect(preview.reduce((s, l) => s + l.applied, 0)).toBe(amountCents);

  await page.getByTestId('continue').click();
  await passRecentPaymentWarning(page);
  await page.getByLabel('Card number', { exact: true }).fill('4242 4242 4242 4242');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', String(amountCents));
  const receipt = await linesOf(page, 'receipt-line');
  expect(byId(receipt)).toEqual(byId(preview));
  return { preview, receipt };
}

test('the demo household: the receipt applies exactly what the preview showed', async ({ page }) => {
  await signIn(page, GARCIA);
  const before = await balanceCents(page);
  const amount = before - Math.min(1000, Math.floor(before / 3)); // several lines, the last one partly
  await payPreviewedAmount(page, amount);
  await expect(page.getByTestId('balance-after')).toHaveAttribute('data-cents', String(before - amount));
});

test('a household with a disputed charge: the disputed charge is listed, skipped by preview and receipt alike', async ({
  page,
}) => {
  await signIn(page, OBRIEN);
  const disputed = await page
    .locator('[data-testid="charge"][data-disputed="true"]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-charge-id') ?? ''));
  expect(disputed.length).toBeGreaterThan(0);
  await expect(page.getByTestId('disputed-explain').first()).toBeVisible();
  const listed = Number(await page.getByTestId('sum-listed').getAttribute('data-cents'));
  const disputedSum = Number(await page.getByTestId('sum-disputed').getAttribute('data-cents'));
  const payable = Number(await page.getByTestId('sum-payable').getAttribute('data-cents'));
  const before = await balanceCents(page);
  expect(listed - disputedSum).toBe(payable);
  expect(payable).toBe(before);
  // Full balance: "pays N of M charges" counts what the server's preview pays in full.
  await expect(page.getByTestId('preview-full')).toContainText(/This pays \d+ of the \d+ charges listed/);

  const { preview, receipt } = await payPreviewedAmount(page, before - Math.min(500, Math.floor(before / 4)));
  for (const id of disputed) {
    expect(preview.map((l) => l.id)).not.toContain(id);
    expect(receipt.map((l) => l.id)).not.toContain(id);
  }
});

test('a payment that leaves credit: preview and receipt agree on lines and credit', async ({ page, context }) => {
  // Tab A starts paying the whole balance; tab B then pays part of it; A's payment can only partly apply.
  await signIn(page, LAKESIDE_HARBOR);
  const full = await balanceCents(page);
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('test-mode')).toBeVisible();

  const other = await context.newPage();
  await other.goto(`/p/${LAKESIDE_HARBOR.practice}/pay`);
  await expect(other.getByTestId('household-total')).toBeVisible();
  const part = 5000;
  await payPreviewedAmount(other, part);
  await other.close();

  // What the server now previews for A's amount (as the pay page asks for it): part of it is credit.
  const answer = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
    data: {
      operationName: 'AllocationPreview',
      query:
        'query AllocationPreview($amountCents: Int!) { household { allocationPreview(amountCents: $amountCents) ' +
        '{ lines { chargeId applied { cents } remaining { cents } } credit { cents } } } }',
      variables: { amountCents: full },
    },
  });
  interface Cents {
    cents: number;
  }
  interface Preview {
    lines: { chargeId: string; applied: Cents; remaining: Cents }[];
    credit: Cents;
  }
  const answered = (await answer.json()) as { data: { household: { allocationPreview: Preview } } };
  const preview = answered.data.household.allocationPreview;
  expect(preview.credit.cents).toBe(part);

  await page.getByLabel('Card number', { exact: true }).fill('4242 4242 4242 4242');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 60_000 });
  const receipt = await linesOf(page, 'receipt-line');
  expect(byId(receipt)).toEqual(
    byId(
      preview.lines.map((l) => ({
        id: l.chargeId,
        applied: l.applied.cents,
        remaining: l.remaining.cents,
      })),
    ),
  );
  await expect(page.getByText(`Kept as credit on your account: $${dollars(part)}`)).toBeVisible();
});
