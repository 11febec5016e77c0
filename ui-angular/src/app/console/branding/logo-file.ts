/** Largest logo the connector stores (256 KiB), checked here too so a staff member hears it before uploading. */
export const MAX_LOGO_BYTES = 256 * 1024;

export type LogoContentType = 'image/png' | 'image/svg+xml';
export type LogoCheck =
  { ok: true; contentType: LogoContentType; base64: string } | { ok: false; error: 'empty' | 'tooLarge' | 'type' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Checks a chosen logo file by its bytes, not its name: a PNG by its signature, an SVG by an `<svg` root (after an
 * optional BOM, XML declaration, comments or doctype); at most 256 KiB. Answers the base64 the mutation carries
 * (`ReceiptBrandingInput.logoBase64`). The server checks again (and sanitizes SVG); this only saves a round trip.
 */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) {
    return { ok: false, error: 'empty' };
  }
  if (bytes.length > MAX_LOGO_BYTES) {
    return { ok: false, error: 'tooLarge' };
  }
  const contentType = PNG_SIGNATURE.every((b, i) => bytes[i] === b)
    ? 'image/png'
    : isSvg(bytes)
      ? 'image/svg+xml'
      : null;
  if (!contentType) {
    return { ok: false, error: 'type' };
  }
  return { ok: true, contentType, base64: toBase64(bytes) };
}

function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const rest = head.replace(/^(\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<svg[\s>]/i.test(rest);
}

/** Base64 of bytes, in chunks (a 256 KiB spread into `fromCharCode` would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
