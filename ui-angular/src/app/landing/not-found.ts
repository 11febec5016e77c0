import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18n } from '../core/i18n/i18n';
import { PageTitle } from '../core/i18n/page-title';

/** Unknown or retired practice link: friendly, and deliberately without hints about which links exist. */
@Component({
  selector: 'app-not-found',
  template: `
    <div class="page">
      <section class="card">
        <h1 tabindex="-1">{{ t('notFound.title') }}</h1>
        <p>{{ t('notFound.body') }}</p>
      </section>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {
  protected readonly t = inject(I18n).t;

  constructor() {
    inject(PageTitle).set('title.notFound');
  }
}
