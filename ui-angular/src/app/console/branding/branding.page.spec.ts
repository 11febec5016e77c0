import { ADMIN, BILLING, startApp, ui, type App } from '../../../testing/graphql-backend';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** Picks `file` as the logo, then lets the page read it. */
async function chooseLogo(app: App, file: File): Promise<void> {
  ui.chooseFile(ui.find(document, '#branding-logo', HTMLInputElement), file);
  await ui.wait(app.harness, 20);
}

describe('BrandingPage', () => {
  it('is for practice admins only: billing gets an explanation and no request', async () => {
    const app = await startApp('/console/pr-K7MX4Q/branding', { staff: BILLING });
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="branding-forbidden"]').textContent).toContain('Only the practice’s admins');
    expect(app.api.calls('ConsoleReceiptBranding')).toHaveLength(0);
    expect(document.querySelector('a[href="/console/pr-K7MX4Q/branding"]')).toBeNull();
  });

  it('shows what patients see beside the draft, saves a draft with a PNG logo as base64, previews and publishes it', async () => {
    const app = await startApp('/console/pr-K7MX4Q/branding', { staff: ADMIN });
    await ui.settle(app.harness, 6);
    expect(ui.find(document, '[data-testid="branding-published"]').textContent).toContain(
      'Thank you — Bright Smiles Dental',
    );
    expect(ui.find(document, '[data-testid="branding-draft"]').textContent).toContain('No draft.');
    expect(ui.find(document, '[data-testid="publish"]', HTMLButtonElement).disabled).toBe(true);
    expect(ui.find(document, '#branding-signature', HTMLTextAreaElement).value).toBe(
      'Thank you — Bright Smiles Dental',
    );

    await chooseLogo(app, new File([PNG], 'logo.png', { type: 'image/png' }));
    expect(ui.find(document, '[data-testid="logo-preview"]', HTMLImageElement).getAttribute('src')).toBe(
      `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`,
    );
    ui.type(ui.find(document, '#branding-signature', HTMLTextAreaElement), 'Dr. Ana Ruiz, DDS');
    ui.type(ui.find(document, '#branding-footer', HTMLTextAreaElement), 'Keep this receipt for your HSA.');
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('183 characters left.');
    ui.submit(ui.find(document, 'form[aria-labelledby="branding-edit-title"]'));
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsoleSaveBrandingDraft').variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      input: {
        signatureText: 'Dr. Ana Ruiz, DDS',
        footerText: 'Keep this receipt for your HSA.',
        logoBase64: btoa(String.fromCharCode(...PNG)),
        logoContentType: 'image/png',
      },
    });
    expect(ui.find(document, '[data-testid="draft-saved"]').textContent).toContain(
      'Patients still see the published branding.',
    );
    expect(ui.find(document, '[data-testid="branding-draft"]').textContent).toContain('Dr. Ana Ruiz, DDS');
    expect(ui.find(document, '[data-testid="branding-published"]').textContent).toContain(
      'Thank you — Bright Smiles Dental',
    );

    ui.check(ui.find(ui.findByText(document, 'label', 'A real payment of this practice'), 'input', HTMLInputElement));
    await ui.settle(app.harness);
    ui.submit(ui.find(document, 'form[aria-labelledby="branding-preview-title"]'));
    await ui.settle(app.harness);
    expect(ui.documentText()).toContain('Enter the transaction ID.');
    expect(app.api.calls('ConsolePreviewBranding')).toHaveLength(0);
    ui.type(ui.find(document, '#preview-tx', HTMLInputElement), 'TX-SK70001');
    ui.submit(ui.find(document, 'form[aria-labelledby="branding-preview-title"]'));
    await ui.settle(app.harness, 6);
    expect(app.api.lastCall('ConsolePreviewBranding').variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      transactionId: 'TX-SK70001',
      locale: 'en',
    });
    expect(ui.find(document, '[data-testid="preview-link"]', HTMLAnchorElement).getAttribute('href')).toContain(
      'preview=1',
    );

    ui.find(document, '[data-testid="publish"]', HTMLButtonElement).click();
    await ui.settle(app.harness);
    expect(ui.find(document, '[data-testid="publish-dialog"]', HTMLDialogElement).open).toBe(true);
    expect(app.api.calls('ConsolePublishBranding')).toHaveLength(0);
    ui.find(document, '[data-testid="publish-confirm"]', HTMLButtonElement).click();
    await ui.settle(app.harness, 6);
    expect(app.api.calls('ConsolePublishBranding')).toHaveLength(1);
    expect(ui.find(document, '[data-testid="branding-published"]').textContent).toContain('Dr. Ana Ruiz, DDS');
    expect(ui.find(document, '[data-testid="branding-published"] img', HTMLImageElement).getAttribute('src')).toBe(
      `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`,
    );
    expect(ui.find(document, '[data-testid="branding-draft"]').textContent).toContain('No draft.');
    expect(ui.find(document, '[data-testid="published-now"]').textContent).toContain(
      'Published. Patients’ receipts use this branding from now on.',
    );
  });

  it.each([
    [
      'a JPEG',
      new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'photo.png', { type: 'image/png' }),
      'This file is not a PNG or SVG image.',
    ],
    [
      'a file over 256 KiB',
      new File([new Uint8Array(256 * 1024 + 1)], 'big.png', { type: 'image/png' }),
      'This file is larger than 256 KB.',
    ],
  ])('refuses %s before uploading it', async (_name, file, message) => {
    const app = await startApp('/console/pr-K7MX4Q/branding', { staff: ADMIN });
    await ui.settle(app.harness, 6);
    await chooseLogo(app, file);
    expect(ui.find(document, '[data-testid="logo-error"]').textContent).toBe(message);
    ui.submit(ui.find(document, 'form[aria-labelledby="branding-edit-title"]'));
    await ui.settle(app.harness);
    expect(app.api.calls('ConsoleSaveBrandingDraft')).toHaveLength(0);
    expect(document.activeElement?.id).toBe('branding-logo');
  });

  it('shows a server refusal of the draft', async () => {
    const app = await startApp('/console/pr-K7MX4Q/branding', { staff: ADMIN });
    await ui.settle(app.harness, 6);
    app.api.override('ConsoleSaveBrandingDraft', { errorCode: 'BAD_USER_INPUT' });
    ui.submit(ui.find(document, 'form[aria-labelledby="branding-edit-title"]'));
    await ui.settle(app.harness, 6);
    expect(ui.documentText()).toContain('Something entered isn’t valid.');
  });
});
