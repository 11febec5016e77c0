import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n';

/**
 * A patient page's body while its data loads (pay, receipt): a card with a spinner, announced as a status. The host is
 * the page's `.page` block, laid out as the `<div class="page">` it stands for.
 */
@Component({
  selector: 'app-page-loading',
  host: { class: 'page' },
  styles: ':host { display: block; }',
  template: `<p class="card" role="status"><span class="spinner" aria-hidden="true"></span> {{ t('app.loading') }}</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageLoading {
  protected readonly t = inject(I18n).t;
}

/**
 * A patient page's body when its data could not be loaded (pay, receipt): the page's heading, an alert that says why,
 * then what the patient can do next (the projected content: a retry button, a link back). The host is the page's
 * `.page` block, as {@link PageLoading}'s.
 */
@Component({
  selector: 'app-page-load-error',
  host: { class: 'page' },
  styles: ':host { display: block; }',
  template: `
    <section class="card">
      <h1 tabindex="-1">{{ heading() }}</h1>
      <div class="alert alert--error" role="alert">
        <p>{{ message() }}</p>
      </div>
      <ng-content />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageLoadError {
  /** The page's title, already translated: the heading stays the same whatever went wrong. */
  readonly heading = input.required<string>();
  /** Why the page could not be shown, already translated. */
  readonly message = input.required<string>();
}
