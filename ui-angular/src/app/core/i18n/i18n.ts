import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';
import { EN, type MessageKey, type Messages } from './messages.en';
import { ES } from './messages.es';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];
const DICTIONARIES: Record<Lang, Messages> = { en: EN, es: ES };
const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-US' };
export const LANG_STORAGE_KEY = 'pp.lang';

/**
 * A small signal-based translator: templates call `t('key')`, which reads the `lang` signal, so switching language
 * re-renders every OnPush view that shows text. The browser language picks the default; a choice is remembered.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  readonly lang = signal<Lang>(initialLang(this.document));
  /** BCP-47 locale for `Intl` formatting of money and dates. */
  readonly locale = computed(() => LOCALES[this.lang()]);

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.lang();
    });
  }

  /** The message for `key` in the current language, `{name}` placeholders replaced from `params`. */
  readonly t = (key: MessageKey, params?: Record<string, string | number>): string => {
    const text = DICTIONARIES[this.lang()][key];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };

  use(lang: Lang): void {
    this.lang.set(lang);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  }
}

function initialLang(document: Document): Lang {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (saved === 'en' || saved === 'es') {
      return saved;
    }
  } catch {
    // Fall through to the browser's preference.
  }
  const preferred = document.defaultView?.navigator.languages ?? [];
  for (const tag of preferred) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'es' || base === 'en') {
      return base;
    }
  }
  return 'en';
}
