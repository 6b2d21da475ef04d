import { onFirstUse } from './first-use';

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
    onFirstUse(form, load);
  }
}
