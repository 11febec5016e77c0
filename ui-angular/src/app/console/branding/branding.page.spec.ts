import {
  ADMIN,
  BILLING,
  documentText,
  el,
  settle,
  startApp,
  submit,
  type,
  wait,
  type App,
} from '../../../testing/graphql-backend';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** Chooses `file` in the file input `selector` as a person would (the change event included). */
async function chooseFile(app: App, selector: string, file: File): Promise<void> {
  const input = el<HTMLInputElement>(selector);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await wait(app.harness, 20);
}

describe('BrandingPage', () => {
  beforeEach(() => {
    localStorage.setItem('pp.lang', 'en');
    sessionStorage.clear();
  });

  it('is for practice admins only: billing gets an explanation and no request', async () => {
    const app = await startApp('/console/pr-K7MX4Q/branding', { staff: BILLING });
    await settle(app.harness, 6);
    expect(el('[data-testid="branding-forbidden"]').textContent).toContain('Only the practice’s admins');
    expect(app.api.calls('ConsoleReceiptBranding')).toHaveLength(0);
    expect(document.querySelector('a[href="/console/pr-K7MX4Q/branding"]')).toBeNull();
  });

  it('shows what patients see beside the draft, saves a draft with a PNG logo as base64, previews and publishes it', async () => {
    const app = await startApp('/console/pr-K7MX4Q/branding', { staff: ADMIN });
    await settle(app.harness, 6);
    expect(el('[data-testid="branding-published"]').textContent).toContain('Thank you — Bright Smiles Dental');
    expect(el('[data-testid="branding-draft"]').textContent).toContain('No draft.');
    expect(el<HTMLButtonElement>('[data-testid="publish"]').disabled).toBe(true);
    expect(el<HTMLTextAreaElement>('#branding-signature').value).toBe('Thank you — Bright Smiles Dental');

    await chooseFile(app, '#branding-logo', new File([PNG], 'logo.png', { type: 'image/png' }));
    expect(el<HTMLImageElement>('[data-testid="logo-preview"]').getAttribute('src')).toBe(
      `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`,
    );
    type(el<HTMLInputElement>('#branding-signature'), 'Dr. Ana Ruiz, DDS');
    type(el<HTMLInputElement>('#branding-footer'), 'Keep this receipt for your HSA.');
    await settle(app.harness);
    expect(documentText()).toContain('183 characters left.');
    submit(el('form[aria-labelledby="branding-edit-title"]'));
    await settle(app.harness, 6);
    expect(app.api.calls('ConsoleSaveBrandingDraft')[0].variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      input: {
        signatureText: 'Dr. Ana Ruiz, DDS',
        footerText: 'Keep this receipt for your HSA.',
        logoBase64: btoa(String.fromCharCode(...PNG)),
        logoContentType: 'image/png',
      },
    });
    expect(el('[data-testid="draft-saved"]').textContent).toContain('Patients still see the published branding.');
    expect(el('[data-testid="branding-draft"]').textContent).toContain('Dr. Ana Ruiz, DDS');
    expect(el('[data-testid="branding-published"]').textContent).toContain('Thank you — Bright Smiles Dental');

    const txChoice = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="preview-source"]'))[1];
    txChoice.checked = true;
    txChoice.dispatchEvent(new Event('change'));
    await settle(app.harness);
    submit(el('form[aria-labelledby="branding-preview-title"]'));
    await settle(app.harness);
    expect(documentText()).toContain('Enter the transaction ID.');
    expect(app.api.calls('ConsolePreviewBranding')).toHaveLength(0);
    type(el<HTMLInputElement>('#preview-tx'), 'TX-SK70001');
    submit(el('form[aria-labelledby="branding-preview-title"]'));
    await settle(app.harness, 6);
    expect(app.api.calls('ConsolePreviewBranding')[0].variables).toEqual({
      practiceId: 'pr-K7MX4Q',
      transactionId: 'TX-SK70001',
      locale: 'en',
    });
    expect(el<HTMLAnchorElement>('[data-testid="preview-link"]').getAttribute('href')).toContain('preview=1');

    el<HTMLButtonElement>('[data-testid="publish"]').click();
    await settle(app.harness);
    expect(el<HTMLDialogElement>('[data-testid="publish-dialog"]').open).toBe(true);
    expect(app.api.calls('ConsolePublishBranding')).toHaveLength(0);
    el<HTMLButtonElement>('[data-testid="publish-confirm"]').click();
    await settle(app.harness, 6);
    expect(app.api.calls('ConsolePublishBranding')).toHaveLength(1);
    expect(el('[data-testid="branding-published"]').textContent).toContain('Dr. Ana Ruiz, DDS');
    expect(el('[data-testid="branding-published"] img')).toBeTruthy();
    expect(el('[data-testid="branding-draft"]').textContent).toContain('No draft.');
    expect(el('[data-testid="published-now"]').textContent).toContain(
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
    await settle(app.harness, 6);
    await chooseFile(app, '#branding-logo', file);
    expect(el('[data-testid="logo-error"]').textContent).toBe(message);
    submit(el('form[aria-labelledby="branding-edit-title"]'));
    await settle(app.harness);
    expect(app.api.calls('ConsoleSaveBrandingDraft')).toHaveLength(0);
    expect(document.activeElement?.id).toBe('branding-logo');
  });

  it('shows a server refusal of the draft', async () => {
    const app = await startApp('/console/pr-K7MX4Q/branding', { staff: ADMIN });
    await settle(app.harness, 6);
    app.api.override('ConsoleSaveBrandingDraft', { errorCode: 'BAD_USER_INPUT' });
    submit(el('form[aria-labelledby="branding-edit-title"]'));
    await settle(app.harness, 6);
    expect(documentText()).toContain('Something entered isn’t valid.');
  });
});
