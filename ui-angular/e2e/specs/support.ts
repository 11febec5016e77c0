import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * The specs' `test`: every page of the context records Content-Security-Policy violations (the BFF serves a strict
 * CSP), and a test fails if any happened — a blocked script or style would silently break the SPA.
 */
export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ context }, use) => {
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await use(undefined);
      for (const page of context.pages()) {
        if (page.isClosed()) continue;
        const violations = await page
          .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
          .catch(() => []);
        expect(violations, `CSP violations on ${page.url()}`).toEqual([]);
      }
    },
    { auto: true },
  ],
});
export { expect };

/** Where the screenshots kept as test artifacts go (relative to ui-angular/). */
export const SCREENSHOTS = 'test-results/screenshots';

export interface Household {
  practice: string;
  account: string;
  lastName: string;
}

// Seeded demo households (emr-connector/API.md "Demo data"). Each spec uses its own where it pays.
export const GARCIA: Household = { practice: 'K7MX4Q', account: '100234', lastName: 'Garcia' };
export const OBRIEN: Household = { practice: 'K7MX4Q', account: '100235', lastName: "O'Brien" };
/** Used only by the console spec (07): no other spec pays into it, so its $180.00 balance is there to pay from. */
export const KOWALSKI: Household = { practice: 'K7MX4Q', account: '100237', lastName: 'Kowalski' };
export const NGUYEN_SMITH: Household = { practice: 'HR9T3W', account: '200100', lastName: 'Nguyen-Smith' };

/** axe-core with the WCAG 2.x A/AA rules: no serious or critical violation is allowed on any page. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map(
      (v) =>
        `${v.id} (${v.impact ?? 'impact unknown'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    `axe on ${name}`,
  ).toEqual([]);
}

/** Full-page screenshots at a phone (375×812) and a desktop (1280×800) viewport; the viewport is restored. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const [label, size] of [
    ['375x812', { width: 375, height: 812 }],
    ['1280x800', { width: 1280, height: 800 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label}.png`, fullPage: true });
  }
  if (original) {
    await page.setViewportSize(original);
  }
}

/** Accessibility check plus screenshots: done on every page the specs visit. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshots(page, name);
}

export async function signIn(page: Page, household: Household): Promise<void> {
  await page.goto(`/p/${household.practice}`);
  await page.getByLabel('Account number', { exact: true }).fill(household.account);
  await page.getByLabel('Last name', { exact: true }).fill(household.lastName);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first sign-in after the demo starts meets cold JITs on a loaded 2-core CI machine: more than the 15 s default.
  await expect(page.getByRole('heading', { level: 1, name: 'Your balance' })).toBeVisible({ timeout: 45_000 });
}

export async function balanceCents(page: Page): Promise<number> {
  return Number(await page.getByTestId('household-total').getAttribute('data-cents'));
}

export interface ChargeOnPage {
  id: string;
  date: string;
  cents: number;
}

/** The open charges as the pay page lists them (server order: by patient, then date). */
export async function chargesOnPage(page: Page): Promise<ChargeOnPage[]> {
  return page.getByTestId('charge').evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute('data-charge-id') ?? '',
      date: item.getAttribute('data-date') ?? '',
      cents: Number(item.getAttribute('data-cents')),
    })),
  );
}

/** Pays on the pay page with the simulated provider's test card; `amount` null means the full balance. */
export async function payWithTestCard(page: Page, amount: string | null, card: string): Promise<void> {
  if (amount !== null) {
    await page.getByLabel('Pay another amount', { exact: true }).check();
    await page.getByLabel('Amount in dollars', { exact: true }).fill(amount);
  }
  await page.getByTestId('continue').click();
  await passRecentPaymentWarning(page);
  await page.getByLabel('Card number', { exact: true }).fill(card);
  await page.getByTestId('pay').click();
}

/**
 * After Continue: the card step, or first the warning that this household paid a few minutes ago (an earlier spec
 * may have paid for the same demo household), which the patient confirms. Answers whether the warning was shown.
 */
export async function passRecentPaymentWarning(page: Page): Promise<boolean> {
  const warning = page.getByTestId('recent-warning');
  await expect(page.getByTestId('test-mode').or(warning)).toBeVisible();
  if (!(await warning.isVisible())) {
    return false;
  }
  await page.getByTestId('pay-anyway').click();
  await expect(page.getByTestId('test-mode')).toBeVisible();
  return true;
}

/** Reads a PDF the browser downloaded or opened and checks its magic bytes. */
export function expectPdf(body: Buffer): void {
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

export async function fileBytes(path: string): Promise<Buffer> {
  return readFile(path);
}

/** Mail the demo's SES stand-in received (`GET /store` of aws-ses-v2-local), as raw text to search. */
export async function mailStore(page: Page): Promise<string> {
  const url = process.env.E2E_MAIL_URL;
  if (url === undefined || url === '') {
    throw new Error('E2E_MAIL_URL is not set (the demo prints it as mail=…)');
  }
  const storeUrl = /\/store\/?$/.test(url) ? url : `${url.replace(/\/$/, '')}/store`;
  const response = await page.request.get(storeUrl);
  expect(response.ok()).toBe(true);
  return response.text();
}

/** Throws `message`: for `value ?? fail('…')` where a test needs a value to go on. */
export function fail(message: string): never {
  throw new Error(message);
}
