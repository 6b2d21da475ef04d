/**
 * Fills every `<p class="open-now" data-open-now='{"hours":[…],"exceptions":[…]}'
 * data-open-now-labels='{…}' hidden>` with "Nu open tot …" or "Gesloten, opent …",
 * computed from the visitor's clock in Belgian time, and shows it. Without
 * JavaScript the element stays hidden and the hours table speaks for itself.
 */
import { describeOpenState, openState, type OpenNowLabels, type Schedule } from '../lib/opening-hours';

/** Fills the open-now elements under `root`; the lookup calls it again for the result it inserts. */
export function fillOpenNow(root: ParentNode = document, now = new Date()): void {
  for (const el of root.querySelectorAll<HTMLElement>('.open-now[data-open-now]')) {
    try {
      const schedule = JSON.parse(el.dataset.openNow ?? '') as Schedule;
      const labels = JSON.parse(el.dataset.openNowLabels ?? '') as OpenNowLabels;
      const state = openState(schedule, now);
      const text = describeOpenState(state, now, labels);
      el.textContent = text;
      el.classList.toggle('status-open', state.open === true);
      el.classList.toggle('status-closed', state.open === false);
      // A public holiday without hours from the centre: no live status at all.
      el.hidden = text === '';
    } catch {
      // Bad data must not show a wrong answer: the table stays the source.
      el.hidden = true;
    }
  }
}

fillOpenNow();
// A page left open keeps telling the truth when a line opens or closes.
setInterval(() => fillOpenNow(), 60_000);
