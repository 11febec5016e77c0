import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ConsoleI18n, ConsoleTitle } from '../core/console-i18n';
import { StaffSession } from '../core/staff-session';
import type { ConsoleKey } from '../core/messages.en';
import type { StaffRole } from '../../core/graphql/schema-types';

/**
 * `/console`: the practices this staff member may open, with their role in each. One practice only: straight to its
 * payments.
 */
@Component({
  selector: 'app-console-practices',
  imports: [RouterLink],
  template: `
    <div class="console-page">
      <h1 tabindex="-1">{{ t('practices.title') }}</h1>
      @if (session.practices().length === 0) {
        <p class="alert alert--info">{{ t('practices.none') }}</p>
      } @else {
        <ul class="practice-list" data-testid="practice-list">
          @for (p of session.practices(); track p.id) {
            <li class="card">
              <a [routerLink]="'/console/' + p.id + '/payments'">{{ p.name }}</a>
              <span class="muted small"
                >{{ t(roleKey(p.role)) }} · {{ t('practices.locations', { n: p.locations.length }) }}</span
              >
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .practice-list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    }
    .practice-list a {
      display: block;
      font-weight: 700;
      font-size: 1.125rem;
      padding: 0.25rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticesPage {
  protected readonly t = inject(ConsoleI18n).t;
  protected readonly session = inject(StaffSession);

  constructor() {
    inject(ConsoleTitle).set('title.practices');
    const practices = this.session.practices();
    const only = practices.length === 1 ? practices[0] : undefined;
    if (only !== undefined) {
      void inject(Router).navigate(['/console', only.id, 'payments'], { replaceUrl: true });
    }
  }

  protected roleKey(role: StaffRole): ConsoleKey {
    return `role.${role}`;
  }
}
