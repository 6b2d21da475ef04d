/**
 * Keeps a page built yesterday honest: hides sessions that have passed since the
 * build (in Belgian time) and shows "no upcoming dates" when none is left. Also
 * shows the audience filter, which only works with JavaScript.
 */
import { forAudience, sessionPassed, type Audience } from '../lib/agenda';

const filter = document.querySelector<HTMLFieldSetElement>('[data-agenda-filter]');
const empty = document.querySelector<HTMLElement>('[data-agenda-empty]');

function update(): void {
  const wanted = (filter?.querySelector<HTMLInputElement>('input:checked')?.value ?? 'iedereen') as Audience;
  const now = new Date();
  for (const item of document.querySelectorAll<HTMLElement>('[data-audience]')) {
    const day = item.dataset.agendaDay;
    const passed = day !== undefined && sessionPassed(day, item.dataset.agendaEnd, now);
    item.hidden = passed || !forAudience(item.dataset.audience as Audience, wanted);
  }
  const sessions = document.querySelectorAll<HTMLElement>('[data-agenda-sessions] > li');
  if (empty) empty.hidden = [...sessions].some((li) => !li.hidden);
}

if (filter) {
  filter.hidden = false;
  filter.addEventListener('change', update);
}
update();
setInterval(update, 60_000);
