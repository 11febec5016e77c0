import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { PracticeIdentityFragment } from '../core/graphql/generated';

/** The practice's name, logo (or monogram), address and tap-to-call phone: shown prominently on every page. */
@Component({
  selector: 'app-practice-identity',
  template: `
    @let p = practice();
    <div class="practice">
      @if (p.logoUrl && !logoFailed()) {
        <img class="practice__logo" [src]="p.logoUrl" alt="" width="56" height="56" (error)="logoFailed.set(true)" />
      } @else {
        <span class="practice__monogram" aria-hidden="true">{{ monogram() }}</span>
      }
      <div>
        <p class="practice__name">{{ p.name }}</p>
        @if (p.address) {
          <p class="practice__meta">{{ p.address.formatted }}</p>
        }
        @if (p.phone && showPhone()) {
          <p class="practice__meta">
            <a [href]="'tel:' + (p.phoneE164 ?? p.phone)">{{ p.phone }}</a>
          </p>
        }
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeIdentity {
  readonly practice = input.required<PracticeIdentityFragment>();
  readonly showPhone = input(true);
  protected readonly logoFailed = signal(false);
  protected readonly monogram = computed(() =>
    this.practice()
      .name.split(/\s+/)
      // A word's first letter as a whole code point (a letter outside the BMP is two UTF-16 units).
      .map((word) => /^\p{L}/u.exec(word)?.[0])
      .filter((letter) => letter !== undefined)
      .slice(0, 2)
      .map((letter) => letter.toUpperCase())
      .join(''),
  );
}
