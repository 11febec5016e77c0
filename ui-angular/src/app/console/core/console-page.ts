import { inject } from '@angular/core';
import { ConsoleApi } from './console-api';
import { ConsoleI18n, ConsoleTitle } from './console-i18n';
import { StaffSession } from './staff-session';

/**
 * What every practice console page that calls the API injects, in one place: a page extends it (and calls `super()`
 * first in its constructor) and its template reads `t`, `i18n` and `session` as its own.
 */
export abstract class ConsolePage {
  /** The console's messages, language and locale. */
  protected readonly i18n = inject(ConsoleI18n);
  /** The message for a key in the current language (`i18n.t`), for templates. */
  protected readonly t = this.i18n.t;
  /** The signed-in staff member: practices, roles, what they may do. */
  protected readonly session = inject(StaffSession);
  /** How the page calls the API (staff session renewal and expiry included). */
  protected readonly api = inject(ConsoleApi);
  /** The page's document title. */
  protected readonly title = inject(ConsoleTitle);
}
