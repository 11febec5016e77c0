import { Directive, ElementRef, effect, inject, input } from '@angular/core';

/**
 * Makes a `<dialog>` modal while `appModal` is true: `showModal()` (the browser traps focus and shows a backdrop),
 * focus on its first field or button, and focus back where it was when it closes. The owner handles Escape through the
 * dialog's own `(cancel)` event. A directive rather than a wrapper component: the console's dialogs need no content
 * projection, which keeps that code out of the patient's bundle.
 */
@Directive({
  selector: 'dialog[appModal]',
  host: { class: 'console-dialog', 'aria-modal': 'true' },
})
export class ModalDialog {
  readonly appModal = input.required<boolean>();
  private readonly dialog = inject<ElementRef<HTMLDialogElement>>(ElementRef).nativeElement;
  private returnFocus: HTMLElement | null = null;

  constructor() {
    effect(() => {
      const dialog = this.dialog;
      if (this.appModal() && !dialog.open) {
        this.returnFocus = document.activeElement as HTMLElement | null;
        if (typeof dialog.showModal === 'function') {
          dialog.showModal();
        } else {
          dialog.setAttribute('open', '');
        }
        dialog.querySelector<HTMLElement>('[autofocus], input, select, textarea, button')?.focus();
      } else if (!this.appModal() && dialog.open) {
        if (typeof dialog.close === 'function') {
          dialog.close();
        } else {
          dialog.removeAttribute('open');
        }
        if (this.returnFocus?.isConnected) {
          this.returnFocus.focus();
        }
        this.returnFocus = null;
      }
    });
  }
}
