/**
 * Loads the intake form's enhancement when someone starts using the form, so the page
 * itself stays light on a cheap phone. A submit before it has loaded waits for it and
 * is then handled as usual; without JavaScript the form posts to the function as is.
 */
export function enhanceIntakeForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-intake]')) {
    let loading: Promise<void> | undefined;
    const early = (event: SubmitEvent) => {
      event.preventDefault();
      void load().then(() => form.requestSubmit());
    };
    const load = () =>
      (loading ??= import('./intake-form-enhance').then(({ enhance }) => {
        form.removeEventListener('submit', early);
        enhance(form);
      }));
    form.addEventListener('submit', early);
    form.addEventListener('focusin', () => void load(), { once: true });
    form.addEventListener('pointerdown', () => void load(), { once: true });
    form.addEventListener('input', () => void load(), { once: true });
    // This script runs after the first paint: a reader may already be typing in the form.
    if (form.contains(document.activeElement)) void load();
  }
}
