import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { I18n } from './i18n';
import type { MessageKey } from './messages.en';

interface TitleMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * The document title, in the patient's language: each page says which message it shows (`title.*` keys) and the
 * title follows a language switch without the page doing anything (WCAG 2.4.2 Page Titled).
 */
@Injectable({ providedIn: 'root' })
export class PageTitle {
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  private readonly current = signal<TitleMessage | null>(null);

  constructor() {
    effect(() => {
      const message = this.current();
      if (message) {
        this.title.setTitle(this.i18n.t(message.key, message.params));
      }
    });
  }

  /** Shows `key` (with `params`) as the title now and after every language switch. */
  set(key: MessageKey, params?: Record<string, string | number>): void {
    this.current.set({ key, params });
    this.title.setTitle(this.i18n.t(key, params));
  }
}
