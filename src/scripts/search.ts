/**
 * Search with Pagefind's modular UI: its Instance and Input drive the index,
 * its ResultList renders results lazily with our own (Dutch, CSP-safe) result
 * template; summary and filters are ours. The form is a plain GET form with
 * `?q=`, read on load. Nothing is stored and the address is not rewritten
 * while typing, so a search leaves no more history than the form itself.
 */
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

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const ui = (window as unknown as { PagefindModularUI?: ModularUI }).PagefindModularUI;

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

if (form && ui) {
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Record<'count' | 'none' | 'searching' | 'failed', string>;
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
  input.value = params.get('q') ?? '';
  if (centre) centre.value = [...centre.options].some((o) => o.value === params.get('centrum')) ? params.get('centrum')! : '';
  if (audience) audience.value = [...audience.options].some((o) => o.value === params.get('voor')) ? params.get('voor')! : '';
  run();
} else if (form) {
  // The index did not load (offline copy without /pagefind/): say so instead of staying silent.
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Record<string, string>;
  const summary = document.querySelector<HTMLElement>('[data-search-summary]');
  if (summary && new URLSearchParams(window.location.search).get('q')) summary.textContent = labels.failed;
}
