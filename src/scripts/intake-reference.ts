import { REFERENCE_PATTERN } from '../lib/intake/reference';

/** On the no-JS confirmation page: the reference travels in the fragment, never in the path or query. */
export function showReferenceFromFragment(): void {
  const reference = decodeURIComponent(location.hash.slice(1));
  if (!REFERENCE_PATTERN.test(reference)) return;
  document.querySelector('[data-reference]')!.textContent = reference;
  document.querySelector<HTMLElement>('[data-reference-block]')!.hidden = false;
  document.querySelector<HTMLElement>('[data-reference-noscript]')!.hidden = true;
}
