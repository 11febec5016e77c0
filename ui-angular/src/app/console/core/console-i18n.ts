import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { I18n, type Lang } from '../../core/i18n/i18n';
import type { CallFailure } from '../../core/graphql/errors';
import { CONSOLE_EN, type ConsoleKey, type ConsoleMessages } from './messages.en';
import { CONSOLE_ES } from './messages.es';

const DICTIONARIES: Record<Lang, ConsoleMessages> = { en: CONSOLE_EN, es: CONSOLE_ES };

/**
 * The console's messages, English and Spanish, in the console's lazy chunk (the patient's dictionaries stay small).
 * Follows the app's language signal (`I18n.lang`), so the shell's language switch changes both.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleI18n {
  private readonly i18n = inject(I18n);
  readonly lang = this.i18n.lang;
  readonly locale = this.i18n.locale;

  /** The message for `key` in the current language, `{name}` placeholders replaced from `params`. */
  readonly t = (key: ConsoleKey, params?: Record<string, string | number>): string => {
    const text = DICTIONARIES[this.lang()][key];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };

  /**
   * The message for `key` when the dictionary has one, else `fallback`: for keys made from a code the server sends as
   * a plain string (a timeline entry's kind and state, an audit action, a payment source, a funnel step), which may
   * be newer than this console — the staff member then sees the code itself rather than nothing.
   */
  readonly label = (key: string, fallback: string): string => {
    const messages = DICTIONARIES[this.lang()];
    return Object.hasOwn(messages, key) ? messages[key as ConsoleKey] : fallback;
  };

  /** The staff-facing message of a failed call (`extensions.code`, or the network). */
  readonly error = (failure: CallFailure): string => this.t(`error.${failure}`);
}

/**
 * The document title of a console page, in the current language, following a language switch (WCAG 2.4.2): each page
 * sets its `title.*` message.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleTitle {
  private readonly i18n = inject(ConsoleI18n);
  private readonly title = inject(Title);
  private readonly current = signal<{ key: ConsoleKey; params?: Record<string, string | number> } | null>(null);

  constructor() {
    effect(() => {
      const message = this.current();
      if (message) {
        this.title.setTitle(`${this.i18n.t(message.key, message.params)} — ${this.i18n.t('title.suffix')}`);
      }
    });
  }

  set(key: ConsoleKey, params?: Record<string, string | number>): void {
    this.current.set({ key, params });
    this.title.setTitle(`${this.i18n.t(key, params)} — ${this.i18n.t('title.suffix')}`);
  }
}
