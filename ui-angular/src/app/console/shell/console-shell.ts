import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { ConsoleI18n } from '../core/console-i18n';
import { StaffSession } from '../core/staff-session';
import { StaffTimeoutDialog } from '../core/staff-timeout-dialog';
import type { ConsoleKey } from '../core/messages.en';
import type { StaffRole } from '../../core/graphql/schema-types';

/** The practice sections of the console, in menu order, with who sees them. */
const SECTIONS: { path: string; key: ConsoleKey; adminOnly?: boolean }[] = [
  { path: 'payments', key: 'nav.payments' },
  { path: 'statements', key: 'nav.statements' },
  { path: 'roi', key: 'nav.roi' },
  { path: 'branding', key: 'nav.branding', adminOnly: true },
];

/** `/console/<practiceId>/<section>…` → its practice id and section. */
export function consoleLocation(url: string): { practiceId: string | null; section: string | null } {
  const match = /^\/console\/([^/?#]+)(?:\/([^/?#]+))?/.exec(url);
  const first = match?.[1];
  if (first === undefined || first === 'operations' || first === 'sign-in') {
    return { practiceId: null, section: first ?? null };
  }
  return { practiceId: decodeURIComponent(first), section: match?.[2] ?? 'payments' };
}

/**
 * The console's frame: who is signed in, the practice switcher (memberships; SUPPORT sees every practice, with the
 * audited-access notice), the sections this role may use, sign-out, and the idle warning. Console-wide styles live
 * here (unencapsulated), so they load with the console and never with the patient's pages.
 */
@Component({
  selector: 'app-console-shell',
  imports: [RouterOutlet, RouterLink, StaffTimeoutDialog],
  templateUrl: './console-shell.html',
  styleUrl: './console.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsoleShell {
  protected readonly t = inject(ConsoleI18n).t;
  protected readonly session = inject(StaffSession);
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  protected readonly location = computed(() => consoleLocation(this.url()));
  protected readonly practice = computed(() => this.session.practice(this.location().practiceId));
  protected readonly sections = computed(() =>
    SECTIONS.filter((s) => s.adminOnly !== true || this.practice()?.role === 'PRACTICE_ADMIN'),
  );

  protected roleKey(role: StaffRole): ConsoleKey {
    return `role.${role}`;
  }

  /** Another practice: the same section of it (a payment's page becomes that practice's list). */
  protected switchPractice(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    if (!id) {
      void this.router.navigate(['/console']);
      return;
    }
    const section = this.location().section;
    const known = SECTIONS.find((s) => s.path === section)?.path ?? 'payments';
    const allowed = known !== 'branding' || this.session.role(id) === 'PRACTICE_ADMIN';
    void this.router.navigate(['/console', id, allowed ? known : 'payments']);
  }
}
