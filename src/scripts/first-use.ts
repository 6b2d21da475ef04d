/**
 * Calls `load` when someone starts using the form: the first focus, touch or keystroke
 * in it, or at once when the reader is already in it (page scripts run after the first
 * paint, so a reader may be typing before they arrive). `load` is called more than once
 * and must itself do its work only once.
 */
export function onFirstUse(form: HTMLFormElement, load: () => unknown): void {
  for (const type of ['focusin', 'pointerdown', 'input'] as const) form.addEventListener(type, () => void load(), { once: true });
  if (form.contains(document.activeElement)) void load();
}
