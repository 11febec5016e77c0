import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { I18n, LANGS, type Lang } from './core/i18n/i18n';
import { Session } from './core/session/session';
import { TimeoutDialog } from './core/session/timeout-dialog';

/**
 * The shell: skip link, language switch, sign out, the session timeout warning, and focus moved to the new page's
 * heading on navigation.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, TimeoutDialog],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(Session);
  protected readonly langs = LANGS;
  protected readonly langNames: Record<Lang, string> = { en: 'English', es: 'Español' };

  constructor() {
    const router = inject(Router);
    let first = true;
    const sub = router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => {
      // The first page load keeps the browser's natural focus; later navigations announce the new page.
      if (first) {
        first = false;
        return;
      }
      focusMainHeading();
    });
    inject(DestroyRef).onDestroy(() => {
      sub.unsubscribe();
    });
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    focusMainHeading();
  }
}

/** Focus the page's h1 once it is rendered (pages render it with `tabindex="-1"`); the main region until then. */
export function focusMainHeading(attempt = 0): void {
  setTimeout(
    () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        heading.focus();
      } else if (attempt < 60) {
        focusMainHeading(attempt + 1);
      } else {
        document.querySelector<HTMLElement>('main')?.focus();
      }
    },
    attempt === 0 ? 0 : 50,
  );
}
