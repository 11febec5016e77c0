import { MAX_LOGO_BYTES, checkLogo, toBase64 } from './logo-file';

const text = (s: string) => new TextEncoder().encode(s);
const png = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

describe('checkLogo', () => {
  it.each([
    ['a PNG', png(100), 'image/png'],
    ['a PNG of exactly 256 KiB', png(MAX_LOGO_BYTES), 'image/png'],
    ['a bare SVG', text('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    [
      'an SVG with a declaration, comment and doctype',
      text('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg>\n</svg>'),
      'image/svg+xml',
    ],
  ])('accepts %s', (_name, bytes, contentType) => {
    const check = checkLogo(bytes);
    expect(check.ok && check.contentType).toBe(contentType);
    expect(check.ok && atob(check.base64).length).toBe(bytes.length);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a PNG over 256 KiB', png(MAX_LOGO_BYTES + 1), 'tooLarge'],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'type'],
    ['HTML posing as SVG', text('<html><svg></svg></html>'), 'type'],
    ['a PNG with a broken signature', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'type'],
    ['an element whose name only starts with svg', text('<svgx></svgx>'), 'type'],
  ])('rejects %s', (_name, bytes, error) => {
    expect(checkLogo(bytes)).toEqual({ ok: false, error });
  });
});

describe('toBase64', () => {
  it('encodes every byte value, across chunk boundaries', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, i) => i % 256);
    const decoded = atob(toBase64(bytes));
    // atob answers one character per byte (code units 0–255), read back by index.
    expect(Uint8Array.from({ length: decoded.length }, (_, i) => decoded.charCodeAt(i))).toEqual(bytes);
  });
});
