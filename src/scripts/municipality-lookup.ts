/**
 * Enhances the municipality form (src/components/lookup/MunicipalityLookup.astro)
 * into an ARIA 1.2 combobox: suggestions as you type, arrows/Enter/Escape, and
 * the answer loaded from the static page /gemeenten/<id>/ so it reads the same
 * with and without JavaScript. At load this module only sets the combobox's
 * attributes and listeners; the matching code, the list of names and the open-now
 * filler are loaded on first use (focus, typing or sending the form), so a page
 * with a lookup runs almost no script before its visitor reaches the field.
 */
import type { MunicipalityRecord, Suggestion } from '../lib/lookup';

interface Labels { count: string; none: string; unknown: string; shared: string; didYouMean: string; via: string }

type Matching = typeof import('../lib/lookup');
let ready: Promise<{ match: Matching; all: MunicipalityRecord[] }> | null = null;
/** The matching code and the list of names, each fetched once, on first use. */
const loadLookup = () =>
  (ready ??= Promise.all([import('../lib/lookup'), fetch('/gemeenten.json').then((r) => r.json() as Promise<MunicipalityRecord[]>)]).then(([match, all]) => ({ match, all })));
const fillOpenNow = async (root: ParentNode) => (await import('./open-now')).fillOpenNow(root);

function enhance(form: HTMLFormElement): void {
  // Dutch answers per municipality (/gemeenten/<id>/); another language answers per
  // centre (/en/gemeenten/centrum-<id>/, /en/gemeenten/brussel/).
  const base = form.dataset.answerBase;
  const answerUrl = (m: MunicipalityRecord) => (base ? `${base}${m.centre ? `centrum-${m.centre}` : 'brussel'}/` : `/gemeenten/${m.id}/`);
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const listbox = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-lookup-status]')!;
  const result = form.querySelector<HTMLElement>('[data-lookup-result]')!;
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Labels;
  let options: Suggestion[] = [];
  let active = -1;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    [...listbox.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', listbox.children[index].id);
    else input.removeAttribute('aria-activedescendant');
  };
  const label = (s: Suggestion) => (s.via ? labels.via.replace('{via}', s.via).replace('{name}', s.municipality.name) : s.municipality.name);

  async function suggest(): Promise<void> {
    const { match, all } = await loadLookup();
    options = match.suggestMatches(input.value, all);
    listbox.replaceChildren(...options.map((s, i) => {
      const li = document.createElement('li');
      li.id = `${listbox.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = label(s);
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => choose(s.municipality));
      return li;
    }));
    const open = options.length > 0 && input.value.trim().length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    highlight(-1);
    status.textContent = input.value.trim() ? (options.length ? labels.count.replace('{count}', String(options.length)) : labels.none) : '';
  }

  async function choose(m: MunicipalityRecord): Promise<void> {
    input.value = m.name;
    close();
    try {
      const page = await fetch(answerUrl(m)).then((r) => (r.ok ? r.text() : Promise.reject(r.status)));
      const block = new DOMParser().parseFromString(page, 'text/html').querySelector('[data-lookup-result-for]');
      if (!block) throw new Error('no result block');
      result.replaceChildren(document.importNode(block, true));
      await fillOpenNow(result).catch(() => {}); // without it the hours table still answers
      const heading = result.querySelector('h2');
      status.textContent = heading?.textContent ?? '';
      // Focus alone scrolls a tall answer so its end shows (its heading above the screen on
      // a phone): start the view at the answer's heading instead.
      result.focus({ preventScroll: true });
      (heading ?? result).scrollIntoView({ block: 'start' });
    } catch {
      // Offline or the page moved: the static page still answers.
      window.location.assign(answerUrl(m));
    }
  }

  async function answer(query: string): Promise<void> {
    const { match, all } = await loadLookup();
    const { normalizeName } = match;
    const found = match.lookupMunicipality(query, all);
    if (found.kind !== 'unknown') return choose(found.municipality);
    const shared = match.sharedDistrict(query, all);
    const p = document.createElement('p');
    p.className = 'error-message';
    p.textContent = (shared.length ? labels.shared : labels.unknown).replace('{query}', query.trim());
    const guesses = shared.length ? shared.map((m) => ({ municipality: m, via: m.aliases.find((a) => normalizeName(a) === normalizeName(query)) ?? null })) : match.suggestMatches(query, all, 5);
    const more = document.createElement('ul');
    for (const s of guesses) {
      const a = document.createElement('a');
      a.href = answerUrl(s.municipality);
      a.textContent = label(s);
      a.addEventListener('click', (e) => { e.preventDefault(); void choose(s.municipality); });
      const li = document.createElement('li');
      li.append(a);
      more.append(li);
    }
    const intro = shared.length ? [] : [Object.assign(document.createElement('p'), { textContent: labels.didYouMean })];
    result.replaceChildren(p, ...(guesses.length ? [...intro, more] : []));
    status.textContent = p.textContent;
  }

  input.addEventListener('focus', () => void loadLookup(), { once: true });
  input.addEventListener('input', () => void suggest());
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (listbox.hidden) { void suggest(); return; }
      const last = options.length - 1;
      highlight(e.key === 'ArrowDown' ? (active < last ? active + 1 : 0) : (active > 0 ? active - 1 : last));
    } else if (e.key === 'Enter' && active >= 0 && options[active]) {
      e.preventDefault();
      void choose(options[active].municipality);
    } else if (e.key === 'Escape' && !listbox.hidden) {
      e.preventDefault();
      close();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.value.trim()) void answer(input.value);
  });

  if (form.dataset.answerQuery !== undefined) {
    const q = new URLSearchParams(window.location.search).get('q');
    if (q?.trim()) { input.value = q; void answer(q); }
  }
}

document.querySelectorAll<HTMLFormElement>('form[data-lookup]').forEach(enhance);
