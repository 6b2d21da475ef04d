import { onFirstUse } from './first-use';

/**
 * Loads the intake form's enhancement when someone starts using the form, so the page
 * itself stays light on a cheap phone. A submit before it has loaded waits for it and
 * is then handled as usual; without JavaScript the form posts to the function as is.
 */
/**
 * A link in the error summary focuses its field with the field's label (or legend) and
 * message in view, as GOV.UK's error summary does: the browser's own jump to the input
 * would leave both above the screen.
 */
function summaryLinks(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('[data-error-summary] a[href^="#"]');
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  const field = target?.closest<HTMLElement>('[data-field], .field');
  if (!target || !field) return;
  event.preventDefault();
  field.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function enhanceIntakeForms(): void {
  document.addEventListener('click', summaryLinks);
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
