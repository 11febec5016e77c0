import { ADMIN, SUPPORT, startApp, ui } from '../../../testing/graphql-backend';
import { qrImageUrl } from './statements.page';

describe('StatementsPage', () => {
  it('makes the link with the account prefilled and shows the QR code as an image, never as markup', async () => {
    const app = await startApp('/console/pr-K7MX4Q/statements', { staff: ADMIN });
    await ui.settle(app.harness, 4);
    ui.type(ui.find(document, '#statement-account', HTMLInputElement), ' 100234 ');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsoleStatementLink').variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      accountNumber: '100234',
    });
    expect(ui.find(document, '[data-testid="statement-url"]').textContent).toBe(
      'http://127.0.0.1/p/K7MX4Q?account=100234',
    );
    const img = ui.find(document, '[data-testid="statement-qr"]', HTMLImageElement);
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(img.getAttribute('alt')).toBe('QR code of the payment link for account 100234');
    expect(document.querySelector('[data-testid="statement-link"] svg')).toBeNull();
  });

  it('keeps hostile QR markup inert inside the image', async () => {
    const app = await startApp('/console/pr-K7MX4Q/statements', { staff: ADMIN });
    await ui.settle(app.harness, 4);
    const evil =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><script>window.__pwned=1</script></svg>';
    app.api.override('ConsoleStatementLink', {
      data: {
        console: {
          practice: {
            id: 'pr-K7MX4Q',
            statementLink: {
              accountNumber: '100234',
              url: 'http://x/p/K7MX4Q?account=100234',
              qrSvg: evil,
              qrPngUrl: '/q.png',
            },
          },
        },
      },
    });
    ui.type(ui.find(document, '#statement-account', HTMLInputElement), '100234');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="statement-qr"]', HTMLImageElement).getAttribute('src')).toBe(
      qrImageUrl(evil),
    );
    expect(document.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it.each([
    ['not an account', '12 34', 'Enter an account number (letters, digits or hyphens, up to 32).', 0],
    ['an unknown account', '999999', 'There is no household with this account number in this practice.', 1],
  ])('answers %s clearly', async (_name, account, message, calls) => {
    const app = await startApp('/console/pr-K7MX4Q/statements', { staff: ADMIN });
    await ui.settle(app.harness, 4);
    ui.type(ui.find(document, '#statement-account', HTMLInputElement), account);
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness, 6);
    expect(ui.documentText()).toContain(message);
    expect(app.api.calls('ConsoleStatementLink')).toHaveLength(calls);
  });

  it('emails the payment link to a checked address (staff who may)', async () => {
    const app = await startApp('/console/pr-K7MX4Q/statements', { staff: ADMIN });
    await ui.settle(app.harness, 4);
    ui.type(ui.find(document, '#statement-account', HTMLInputElement), '100234');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness, 6);
    ui.type(ui.find(document, '#statement-email', HTMLInputElement), 'maria@');
    const emailForm = ui.find(document, '[data-testid="statement-link"] form');
    ui.submit(emailForm);
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('Enter an email like name@example.com.');
    ui.type(ui.find(document, '#statement-email', HTMLInputElement), 'maria@example.com');
    ui.submit(emailForm);
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsoleEmailPaymentLink').variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      accountNumber: '100234',
      email: 'maria@example.com',
    });
    expect(ui.find(document, '[data-testid="statement-sent"]').textContent).toContain('maria@example.com');
  });

  it('offers no email to support (read-only)', async () => {
    const app = await startApp('/console/pr-K7MX4Q/statements', { staff: SUPPORT });
    await ui.settle(app.harness, 4);
    ui.type(ui.find(document, '#statement-account', HTMLInputElement), '100234');
    ui.submit(ui.find(document, 'form'));
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="statement-url"]').textContent).toBe(
      'http://127.0.0.1/p/K7MX4Q?account=100234',
    );
    expect(document.querySelector('#statement-email')).toBeNull();
  });

  it('checks a pasted CSV line by line and exports only the valid accounts as a ZIP link', async () => {
    const app = await startApp('/console/pr-K7MX4Q/statements', { staff: ADMIN });
    await ui.settle(app.harness, 4);
    ui.type(ui.find(document, '#statement-paste', HTMLTextAreaElement), 'account\n100234\nnot valid\n100235\n100234\n');
    ui.findByText(document, 'button', 'Check the list', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect(ui.find(document, '[data-testid="csv-summary"]').textContent).toContain(
      '2 accounts ready, 2 lines left out.',
    );
    expect(Array.from(document.querySelectorAll('[data-testid="csv-errors"] li'), (li) => li.textContent)).toEqual([
      'Line 3: “not valid” is not an account number.',
      'Line 5: 100234 is already listed.',
    ]);
    ui.choose(ui.find(document, '#statement-format', HTMLSelectElement), 'PNG');
    ui.find(document, '[data-testid="statement-export"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsoleStatementLinksExport').variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      accountNumbers: ['100234', '100235'],
      format: 'PNG',
    });
    expect(ui.find(document, '[data-testid="zip-link"]', HTMLAnchorElement).getAttribute('href')).toMatch(
      /^\/mock-statements\.zip\?/,
    );
  });

  it('reads a chosen CSV file', async () => {
    const app = await startApp('/console/pr-K7MX4Q/statements', { staff: ADMIN });
    await ui.settle(app.harness, 4);
    ui.chooseFile(
      ui.find(document, '#statement-csv', HTMLInputElement),
      new File(['100234\r\n200100\r\n'], 'a.csv', { type: 'text/csv' }),
    );
    await ui.wait(app.harness, 20);
    expect(ui.find(document, '[data-testid="csv-summary"]').textContent).toContain(
      '2 accounts ready, 0 lines left out.',
    );
  });
});
