import { expect, test, type Page } from '@playwright/test';
import { mockCharge, seedHouseholds } from '../../src/testing/mock-api';
import { installMockGraphQL } from './mock-graphql';

const WIDTHS = [
  { name: '320', width: 320, height: 640 },
  { name: '375', width: 375, height: 812 },
  { name: '1280', width: 1280, height: 800 },
];

/** Same pixels every run: a fixed clock, English, and the page settled (fonts loaded, no pending preview). */
async function prepare(page: Page, width: number, height: number): Promise<void> {
  await page.clock.setFixedTime(new Date('2026-03-22T15:00:00Z'));
  await page.setViewportSize({ width, height });
  await page.addInitScript(() => {
    localStorage.setItem('pp.lang', 'en');
  });
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function signIn(page: Page, account = '100234', lastName = 'Garcia'): Promise<void> {
  await page.goto(`/p/K7MX4Q?account=${account}`);
  await page.getByLabel('Last name', { exact: true }).fill(lastName);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('household-total')).toBeVisible();
}

async function payToReceipt(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Pay another amount', { exact: true }).check();
  await page.getByLabel('Amount in dollars', { exact: true }).fill(amount);
  await page.getByTestId('continue').click();
  await page.getByLabel('Card number', { exact: true }).fill('4242 4242 4242 4242');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
}

for (const size of WIDTHS) {
  test.describe(`at ${size.name} px`, () => {
    test.beforeEach(async ({ page }) => prepare(page, size.width, size.height));

    test('landing', async ({ page }) => {
      await installMockGraphQL(page);
      await page.goto('/p/K7MX4Q?account=100234');
      await expect(page.getByText('Bright Smiles Dental').first()).toBeVisible();
      await settled(page);
      await expect(page).toHaveScreenshot(`landing-${size.name}.png`, { fullPage: true });
    });

    test('pay', async ({ page }) => {
      await installMockGraphQL(page);
      await signIn(page, '100235', "O'Brien");
      await expect(page.getByTestId('preview-full')).toBeVisible();
      await settled(page);
      await expect(page).toHaveScreenshot(`pay-${size.name}.png`, { fullPage: true });
    });

    test('receipt', async ({ page }) => {
      await installMockGraphQL(page);
      await signIn(page);
      await payToReceipt(page, '150');
      await settled(page);
      await expect(page).toHaveScreenshot(`receipt-${size.name}.png`, { fullPage: true });
    });
  });
}

/** Rectangles of two elements overlap (by more than rounding). */
function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

test('receipt lines at 320 px: long procedure names never run over the amounts', async ({ page }) => {
  await prepare(page, 320, 640);
  const households = seedHouseholds();
  households['100234'].charges.push(
    mockCharge('long', 'Maria García', '2026-01-02', 'Comprehensive oral evaluation, new or established patient', 7000),
  );
  await installMockGraphQL(page, { households });
  await signIn(page);
  await payToReceipt(page, '200');
  const rows = page.getByTestId('receipt-line');
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of await rows.all()) {
    const rects = await row.evaluate((tr) => {
      const [name, applied, remaining] = [...tr.querySelectorAll('td')];
      const text = (td: Element | undefined): DOMRect => {
        const range = document.createRange();
        if (td !== undefined) {
          range.selectNodeContents(td);
        }
        return range.getBoundingClientRect().toJSON() as DOMRect;
      };
      return {
        name: text(name),
        applied: text(applied),
        remaining: text(remaining),
        page: document.documentElement.clientWidth,
      };
    });
    expect(overlap(rects.name, rects.applied), JSON.stringify(rects)).toBe(false);
    expect(overlap(rects.applied, rects.remaining), JSON.stringify(rects)).toBe(false);
    expect(rects.remaining.right).toBeLessThanOrEqual(rects.page);
  }
  await expect(page.locator('body')).toHaveJSProperty('scrollWidth', 320);
});

test('STRIPE mode without reachable Stripe.js keeps the page working', async ({ page }) => {
  await prepare(page, 375, 812);
  await page.route('https://js.stripe.com/**', (route) => route.abort());
  await installMockGraphQL(page, { provider: 'STRIPE' });
  await signIn(page);
  await page.getByTestId('continue').click();
  await expect(page.getByText('The secure card form could not load.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Change amount' })).toBeEnabled();
});

test('sticky bar at 320 px: its coming and going never moves the page under a tap', async ({ page }) => {
  await prepare(page, 320, 640);
  await installMockGraphQL(page);
  await signIn(page);
  await settled(page);
  const layout = () =>
    page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      choiceTop:
        (document.querySelector('input[name="mode"][value="other"]')?.getBoundingClientRect().top ?? 0) + scrollY,
    }));
  // At the top the form's own Continue is out of view: the bar shows.
  await page.evaluate(() => {
    scrollTo(0, 0);
  });
  await expect(page.getByTestId('sticky-bar')).toBeVisible();
  const withBar = await layout();
  // Scrolled to the end the form's Continue is in view: the bar goes, and nothing above it moves.
  await page.evaluate(() => {
    scrollTo(0, document.documentElement.scrollHeight);
  });
  await expect(page.getByTestId('sticky-bar')).toHaveCount(0);
  expectSameLayout(await layout(), withBar);
  // And back.
  await page.evaluate(() => {
    scrollTo(0, 0);
  });
  await expect(page.getByTestId('sticky-bar')).toBeVisible();
  expectSameLayout(await layout(), withBar);
});

/**
 * The content above the bar stays put and the page keeps its height: within a few pixels (text settling), far below
 * the spacer's 72 px that a vanishing spacer took away.
 */
function expectSameLayout(
  actual: { height: number; choiceTop: number },
  expected: { height: number; choiceTop: number },
): void {
  expect(Math.abs(actual.choiceTop - expected.choiceTop), JSON.stringify({ actual, expected })).toBeLessThan(8);
  expect(Math.abs(actual.height - expected.height), JSON.stringify({ actual, expected })).toBeLessThan(24);
}
