/**
 * Keeps a page built yesterday honest: hides sessions that have passed since the
 * build (in Belgian time) and shows "no upcoming dates" when none is left. Also
 * shows the audience filter, which only works with JavaScript, and says what the
 * filter left: an emptied list shows its message and the count is announced.
 */
import { filterAgenda, type Audience, type ShownEntry } from '../lib/agenda';

const filter = document.querySelector<HTMLFieldSetElement>('[data-agenda-filter]');
const empty = document.querySelector<HTMLElement>('[data-agenda-empty]');
const groupsEmpty = document.querySelector<HTMLElement>('[data-agenda-groups-empty]');
const status = document.querySelector<HTMLElement>('[data-agenda-status]');

function update(announce: boolean): void {
  const wanted = (filter?.querySelector<HTMLInputElement>('input:checked')?.value ?? 'iedereen') as Audience;
  const items = [...document.querySelectorAll<HTMLElement>('[data-audience]')];
  const entries: ShownEntry[] = items.map((item) => ({
    kind: item.dataset.agendaDay === undefined ? 'group' : 'session',
    audience: item.dataset.audience as Audience,
    day: item.dataset.agendaDay,
    end: item.dataset.agendaEnd,
  }));
  const result = filterAgenda(entries, wanted, new Date(), status?.dataset.template ?? '');
  items.forEach((item, i) => { item.hidden = !result.shown[i]; });
  if (empty) empty.hidden = result.sessions > 0;
  if (groupsEmpty) groupsEmpty.hidden = result.groups > 0;
  if (status && announce) status.textContent = result.status;
}

if (filter) {
  filter.hidden = false;
  filter.addEventListener('change', () => update(true));
}
update(false);
setInterval(() => update(false), 60_000);
