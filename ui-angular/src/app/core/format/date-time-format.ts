const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The `Intl.DateTimeFormat` of `locale` and `options`, built once and kept: building one is costly and pages format
 * dates on every change detection. A time zone the browser cannot use (an unknown name, or an offset like `-05:00`
 * in a browser without offset zones) falls back to the browser's own zone: a date in the wrong zone is better than
 * no page.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
    }
    formats.set(key, format);
  }
  return format;
}
