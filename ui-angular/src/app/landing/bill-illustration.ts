import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18n } from '../core/i18n/i18n';

/** A small drawing of a paper bill with the account number circled, so patients know what to look for. */
@Component({
  selector: 'app-bill-illustration',
  template: `
    <svg
      viewBox="0 0 240 150"
      width="240"
      height="150"
      role="img"
      [attr.aria-label]="t('landing.billAlt')"
      class="bill"
    >
      <rect x="1" y="1" width="238" height="148" rx="6" fill="#fff" stroke="#8a96a3" />
      <rect x="14" y="14" width="26" height="26" rx="5" fill="#1f5fa8" />
      <text x="48" y="26" font-size="11" font-weight="700" fill="#333">{{ t('landing.billStatement') }}</text>
      <rect x="48" y="32" width="60" height="5" rx="2" fill="#dde3ea" />
      <rect x="136" y="12" width="94" height="34" rx="6" fill="#fff4c2" stroke="#a37800" stroke-width="2" />
      <text x="144" y="26" font-size="9" fill="#333">{{ t('landing.billAccount') }}</text>
      <text x="144" y="40" font-size="12" font-weight="700" fill="#333" font-family="monospace">100234</text>
      <rect x="14" y="62" width="150" height="6" rx="3" fill="#dde3ea" />
      <rect x="14" y="76" width="120" height="6" rx="3" fill="#dde3ea" />
      <rect x="14" y="90" width="136" height="6" rx="3" fill="#dde3ea" />
      <line x1="14" y1="110" x2="226" y2="110" stroke="#dde3ea" />
      <text x="14" y="130" font-size="10" fill="#333">{{ t('landing.billDue') }}</text>
      <rect x="170" y="120" width="56" height="14" rx="3" fill="#dde3ea" />
      <rect x="196" y="64" width="30" height="30" fill="#333" opacity="0.85" />
    </svg>
  `,
  styles: `
    .bill {
      display: block;
      max-width: 100%;
      height: auto;
      margin: 0.5rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BillIllustration {
  protected readonly t = inject(I18n).t;
}
