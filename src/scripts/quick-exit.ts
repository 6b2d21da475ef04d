/**
 * Quick exit ("Snel weg"), after GOV.UK Frontend's "Exit this page".
 *
 * The markup is a real link that works without JavaScript. This script adds:
 * - blanking the page at once (someone may walk in while it loads),
 * - `location.replace`, so Back does not return to the page that was open,
 * - Shift pressed three times within 5 s (counted from the first press) as a
 *   shortcut, announced in a visually hidden live region, reset by any other
 *   key or by waiting; only the physical left or right Shift of a hardware
 *   keyboard counts, never an on-screen keyboard or an input method,
 * - the same behaviour on the secondary skip link,
 * - removing the overlay when the page comes back from the back/forward cache.
 * It stores nothing: no cookie, no storage, no request but the navigation.
 */

/** Time from the first Shift press in which the third must follow. */
export const SHIFT_WINDOW_MS = 5000;

const HIDE_CLASS = 'quick-exit-hide-content';

interface Messages {
  pressTwoMore: string;
  pressOneMore: string;
  timedOut: string;
  activated: string;
}

/**
 * A key event from a hardware keyboard, sent by the browser itself. Virtual keyboards
 * on phones and input methods send `isComposing`, keyCode 229, key "Unidentified"
 * or no `code` at all; events a script dispatches are not trusted.
 */
export function isHardwareKey(event: KeyboardEvent): boolean {
  return event.isTrusted && !event.isComposing && event.keyCode !== 229 && event.key !== 'Unidentified' && event.key !== 'Process' && Boolean(event.code);
}

/** A press of the left or the right Shift key itself; both count the same (GOV.UK Frontend issue 5393). */
export function isPhysicalShift(event: KeyboardEvent): boolean {
  return event.key === 'Shift' && (event.code === 'ShiftLeft' || event.code === 'ShiftRight');
}

export function initQuickExit(root: HTMLElement): void {
  const button = root.querySelector<HTMLAnchorElement>('[data-quick-exit-link]');
  if (!button || root.dataset.quickExitReady) return;
  root.dataset.quickExitReady = 'true';
  const messages: Messages = {
    pressTwoMore: root.dataset.msgPressTwoMore ?? '',
    pressOneMore: root.dataset.msgPressOneMore ?? '',
    timedOut: root.dataset.msgTimedOut ?? '',
    activated: root.dataset.msgActivated ?? '',
  };

  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.dataset.quickExitStatus = '';
  root.append(status);

  let overlay: HTMLElement | null = null;
  let count = 0;
  let lastKeyWasModified = false;
  let resetTimer: number | undefined;
  let clearMessageTimer: number | undefined;

  const exit = (): void => {
    status.textContent = '';
    document.body.classList.add(HIDE_CLASS);
    overlay = document.createElement('div');
    overlay.className = 'quick-exit-overlay';
    overlay.setAttribute('role', 'alert');
    document.body.append(overlay);
    // Set the text after insertion: screen readers announce it more reliably.
    overlay.textContent = messages.activated;
    window.location.replace(button.href);
  };

  const onClick = (event: MouseEvent): void => {
    event.preventDefault();
    exit();
  };

  const resetCount = (): void => {
    window.clearTimeout(resetTimer);
    resetTimer = undefined;
    count = 0;
    status.textContent = messages.timedOut;
    clearMessageTimer = window.setTimeout(() => (status.textContent = ''), SHIFT_WINDOW_MS);
  };

  const onKeyup = (event: KeyboardEvent): void => {
    // An on-screen keyboard or an input method must neither fire nor break the shortcut
    // (GOV.UK Frontend issue 4095): ignore such events entirely, without resetting the count.
    if (!isHardwareKey(event)) return;
    // Shift used as a modifier (Shift+A) fires a keyup for A with shiftKey set,
    // then one for Shift: skip that second one so typing capitals never counts.
    if (isPhysicalShift(event) && !lastKeyWasModified) {
      count += 1;
      window.clearTimeout(clearMessageTimer);
      if (count >= 3) {
        window.clearTimeout(resetTimer);
        count = 0;
        resetTimer = undefined;
        exit();
      } else {
        status.textContent = count === 1 ? messages.pressTwoMore : messages.pressOneMore;
        // The three presses must fall within 5 s of the first one.
        if (count === 1) resetTimer = window.setTimeout(resetCount, SHIFT_WINDOW_MS);
      }
    } else if (resetTimer !== undefined) {
      resetCount();
    }
    lastKeyWasModified = event.shiftKey && !isPhysicalShift(event);
  };

  // A page restored from the back/forward cache would still be blank: undo.
  const onPageshow = (): void => {
    document.body.classList.remove(HIDE_CLASS);
    overlay?.remove();
    overlay = null;
    status.textContent = '';
    count = 0;
    window.clearTimeout(resetTimer);
    window.clearTimeout(clearMessageTimer);
    resetTimer = undefined;
  };

  button.addEventListener('click', onClick);
  document.querySelectorAll<HTMLAnchorElement>('[data-quick-exit-skip]').forEach((link) => link.addEventListener('click', onClick));
  document.addEventListener('keyup', onKeyup, true);
  window.addEventListener('pageshow', onPageshow);
}

document.querySelectorAll<HTMLElement>('[data-quick-exit]').forEach(initQuickExit);
