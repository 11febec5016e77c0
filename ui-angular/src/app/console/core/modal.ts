import { ElementRef, Signal, effect } from '@angular/core';

/**
 * Keeps a `<dialog>` modal while `open()` is true: `showModal()` (the browser traps focus, shows a backdrop and makes
 * the rest of the page inert), focus on its first field or button, and focus back where it was when it closes. The
 * owner handles Escape with the dialog's own `(cancel)` event. Call it in a constructor (it creates an effect). A
 * function rather than a directive or wrapper component: the console's few dialogs need neither, and the Angular code
 * those would pull in would land in the patient's bundle.
 */
export function bindModal(dialog: Signal<ElementRef<HTMLDialogElement> | undefined>, open: () => boolean): void {
  let returnFocus: HTMLElement | null = null;
  effect(() => {
    const element = dialog()?.nativeElement;
    const wanted = open();
    if (!element) {
      return;
    }
    if (wanted && !element.open) {
      returnFocus = document.activeElement as HTMLElement | null;
      if (typeof element.showModal === 'function') {
        element.showModal();
      } else {
        element.setAttribute('open', '');
      }
      element.querySelector<HTMLElement>('[autofocus], input, select, textarea, button')?.focus();
    } else if (!wanted && element.open) {
      if (typeof element.close === 'function') {
        element.close();
      } else {
        element.removeAttribute('open');
      }
      if (returnFocus?.isConnected === true) {
        returnFocus.focus();
      }
      returnFocus = null;
    }
  });
}
