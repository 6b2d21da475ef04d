/**
 * Search with Pagefind's modular UI: its Instance and Input drive the index,
 * its ResultList renders results lazily with our own (Dutch, CSP-safe) result
 * template; summary and filters are ours. The page ships the form hidden and this
 * script shows it once it handles the submit itself, so no search is ever sent as
 * `?q=` (an address with `?q=`, e.g. a link, is still read on load). Pagefind itself (its UI, index and WebAssembly) loads only when
 * someone starts searching or the address holds a search. Nothing is stored and the
 * address is not rewritten while typing, so a search leaves no more history than the
 * form itself.
 */
import { onFirstUse } from './first-use';

interface PagefindResultData { url: string; excerpt: string; meta: { title?: string } }
interface ModularInstance {
  add(component: unknown): void;
  on(event: 'results', fn: (r: { results: unknown[] }) => void): void;
  on(event: 'loading', fn: () => void): void;
  triggerSearchWithFilters(term: string, filters: Record<string, unknown>): void;
}
interface ModularUI {
  Instance: new (options: { bundlePath: string }) => ModularInstance;
  Input: new (options: { inputElement: string; debounceTimeoutMs?: number }) => unknown;
  ResultList: new (options: { containerElement: string; resultTemplate: (r: PagefindResultData) => Element; placeholderTemplate: () => Element }) => unknown;
}

function resultItem(result: PagefindResultData): Element {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text and adds only <mark> around the hits.
  excerpt.innerHTML = result.excerpt;
  li.append(link, excerpt);
  return li;
}

/** Pagefind's modular UI, fetched only when someone starts searching; undefined when it cannot load. */
function loadUi(): Promise<ModularUI | undefined> {
  return new Promise((resolve) => {
    const script = Object.assign(document.createElement('script'), { src: '/pagefind/pagefind-modular-ui.js' });
    script.onload = () => resolve((window as unknown as { PagefindModularUI?: ModularUI }).PagefindModularUI);
    script.onerror = () => resolve(undefined);
    document.head.append(script);
  });
}

/** Wires Pagefind to the form and runs the search the form holds (typed, or from the address). */
type Labels = Record<'count' | 'none' | 'searching' | 'failed', string>;

function setUp(form: HTMLFormElement, ui: ModularUI, labels: Labels): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  // Pages in other languages have no filters: Pagefind already searches only their language.
  const centre = form.querySelector<HTMLSelectElement>('select[name="centrum"]');
  const audience = form.querySelector<HTMLSelectElement>('select[name="voor"]');
  const summary = document.querySelector<HTMLElement>('[data-search-summary]')!;
  const instance = new ui.Instance({ bundlePath: '/pagefind/' });
  instance.add(new ui.Input({ inputElement: '#zoek-q', debounceTimeoutMs: 250 }));
  instance.add(new ui.ResultList({
    containerElement: '[data-search-results]',
    resultTemplate: resultItem,
    placeholderTemplate: () => Object.assign(document.createElement('li'), { textContent: '…' }),
  }));

  /** Pages for everyone show under both audiences. */
  const filters = () => ({
    ...(centre?.value ? { centre: centre.value } : {}),
    ...(audience?.value ? { audience: { any: [audience.value, 'iedereen'] } } : {}),
  });
  const run = () => {
    const term = input.value.trim();
    if (term) instance.triggerSearchWithFilters(term, filters());
    else summary.textContent = '';
  };

  instance.on('loading', () => { if (input.value.trim()) summary.textContent = labels.searching; });
  instance.on('results', ({ results }) => {
    const term = input.value.trim();
    if (!term) { summary.textContent = ''; return; }
    summary.textContent = (results.length ? labels.count : labels.none).replace('{count}', String(results.length)).replace('{term}', term);
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  centre?.addEventListener('change', run);
  audience?.addEventListener('change', run);

  const params = new URLSearchParams(window.location.search);
  // What the reader typed before Pagefind loaded stays; the address fills an empty field.
  if (!input.value) input.value = params.get('q') ?? '';
  const fromAddress = (select: HTMLSelectElement | null, name: string) => {
    if (select && params.has(name)) select.value = [...select.options].some((o) => o.value === params.get(name)) ? params.get(name)! : '';
  };
  fromAddress(centre, 'centrum');
  fromAddress(audience, 'voor');
  run();
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
if (form) {
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Labels;
  let loading: Promise<void> | undefined;
  const start = () =>
    (loading ??= loadUi().then((ui) => {
      if (ui) return setUp(form, ui, labels);
      // The index did not load (offline copy without /pagefind/): say so instead of staying silent.
      const summary = document.querySelector<HTMLElement>('[data-search-summary]');
      if (summary) summary.textContent = labels.failed;
    }));
  // A search sent before Pagefind has loaded runs once it has.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void start();
  });
  form.hidden = false;
  onFirstUse(form, start);
  // The address already holds a search.
  if (new URLSearchParams(window.location.search).get('q')) void start();
}
