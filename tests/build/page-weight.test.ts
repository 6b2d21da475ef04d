import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_PAINT_BUDGET, KB, REFERRAL_FORM_CEILING, MEDIAN_BUDGET, PAGE_BUDGET, firstPaintMarkup, measurePage, measureSite, visibleText } from '../../bench/lib/page-weight.mjs';
import { readFileSync } from 'node:fs';
import { ourPages } from '../../bench/lib/lighthouse.mjs';
import { distDir } from '../helpers/dist';

// site.md: "each page's HTML + CSS + JS at load, compressed, stays under 30 KB and the median page under 10 KB".
// Checked on gzip (level 6): every browser takes it, and it is larger than brotli, so passing on gzip passes on both.
describe('page weight of the built site', () => {
  const site = measureSite(distDir);
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

  it('has pages to weigh', () => {
    expect(site.pages.map((p) => p.page)).toContain('/');
  });

  it(`loads no page heavier than ${PAGE_BUDGET / KB} KB gzip (HTML + CSS + JS)`, () => {
    const over = site.pages
      // The editor at /admin/ (Decap CMS, ~1.5 MB) is for centre staff, not a page of the site.
      .filter((p) => p.gzip > PAGE_BUDGET && !p.page.startsWith('/admin/'))
      .map((p) => `${p.page}: ${kb(p.gzip)} gzip (${p.files.map((f: { url: string; gzip: number }) => `${f.url} ${kb(f.gzip)}`).join(', ')})`);
    expect(over, 'pages over budget').toEqual([]);
  });

  it(`keeps the median page under ${MEDIAN_BUDGET / KB} KB gzip`, () => {
    expect(site.median.gzip, `median ${kb(site.median.gzip)}; largest ${site.largest.page} ${kb(site.largest.gzip)}`).toBeLessThan(MEDIAN_BUDGET);
  });

  // Issue 21, item 10: the pages Lighthouse measures that painted late laid out far more markup
  // before the first paint than the rest (home, help, a centre page: 120-230 elements, under 8 KB
  // gzip, painting at about 0.83 s); /gemeenten/ laid out every municipality (1,077 elements).
  // The referral form is held to its own ceiling below.
  it(`lays out at most ${FIRST_PAINT_BUDGET.elements} elements and ${FIRST_PAINT_BUDGET.gzip / KB} KB gzip of HTML before the first paint on the measured pages`, () => {
    const pages = (ourPages(distDir) as Array<{ name: string; path: string }>).filter((p) => p.name !== 'referral form');
    expect(pages.map((p) => p.path)).toContain('/gemeenten/');
    const over = pages
      .map((p) => ({ path: p.path, ...firstPaintMarkup(readFileSync(join(distDir, p.path, 'index.html'), 'utf8')) }))
      .filter((p) => p.elements > FIRST_PAINT_BUDGET.elements || p.gzip > FIRST_PAINT_BUDGET.gzip)
      .map((p) => `${p.path}: ${p.elements} elements, ${kb(p.gzip)} gzip`);
    expect(over, 'pages with too much before the first paint').toEqual([]);
  });

  // The referral form lays out its whole form before the first paint (335 elements, 8.2 KB gzip;
  // FCP 0.72-1.07 s where other pages paint at 0.7-0.9 s, bench/findings.md point 12). CSS cannot
  // make that smaller in Chromium 156 (content-visibility on its later sections measured no less
  // style and layout work); until its first screen is split from the rest, it may not grow.
  it(`lays out no more of the referral form before the first paint than ${REFERRAL_FORM_CEILING.elements} elements and ${REFERRAL_FORM_CEILING.gzip / KB} KB gzip`, () => {
    const form = firstPaintMarkup(readFileSync(join(distDir, 'professionals/aanmelden/index.html'), 'utf8'));
    expect(form.elements, 'elements laid out').toBeLessThanOrEqual(REFERRAL_FORM_CEILING.elements);
    expect(form.gzip, 'bytes laid out, gzip').toBeLessThanOrEqual(REFERRAL_FORM_CEILING.gzip);
  });

  it('loads nothing from another host, and every stylesheet and script it names exists', () => {
    const wrong = site.pages.flatMap((p) => [...p.thirdParty.map((u) => `${p.page} loads ${u}`), ...p.missing.map((u) => `${p.page} misses ${u}`)]);
    expect(wrong).toEqual([]);
  });
});

describe('how the weight is measured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-weight-'));
  const put = (path: string, body: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the HTML, its stylesheet, scripts and their static imports, but not lazily imported code', () => {
    put('_astro/a.css', 'body{color:red}');
    put('_astro/entry.js', 'import{x}from"./dep.js";import("/pagefind/pagefind.js").then(()=>x);');
    put('_astro/dep.js', 'export const x=1;');
    put('pagefind/pagefind.js', 'x'.repeat(50_000));
    put('centra/x/index.html', '<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="../../_astro/entry.js"></script></head><body><p>Hallo</p></body></html>');
    const page = measurePage(dir, 'centra/x/index.html');
    expect(page.page).toBe('/centra/x/');
    expect(page.files.map((f: { url: string }) => f.url)).toEqual(['/centra/x/', '/_astro/a.css', '/_astro/entry.js', '/_astro/dep.js']);
    expect(page.raw).toBeLessThan(1000);
    expect(page.textBytes).toBe('Hallo'.length);
  });

  it('counts the modules the after-paint loader imports (they load right after the first paint)', () => {
    put('_astro/later.js', 'import{x}from"./dep.js";x;');
    put('hulp/index.html', '<!doctype html><html><head><meta name="ifg-module" content="/_astro/later.js"></head><body><p>Hallo</p><script>loader()</script></body></html>');
    expect(measurePage(dir, 'hulp/index.html').files.map((f: { url: string }) => f.url)).toEqual(['/hulp/', '/_astro/later.js', '/_astro/dep.js']);
  });

  it('counts for the first paint only what is laid out: not closed groups, templates, datalists or hidden parts', () => {
    const html = '<html><head><style>p{}</style></head><body><p>a</p><details><summary>S</summary><ul><li>x</li></ul></details><details open><summary>T</summary><p>y</p></details><template><p>t</p></template><datalist><option>o</option></datalist><div hidden><p>h</p></div></body></html>';
    const { markup, elements } = firstPaintMarkup(html);
    expect(markup).toBe('<html><head><style>p{}</style></head><body><p>a</p><details><summary>S</summary></details><details open><summary>T</summary><p>y</p></details></body></html>');
    expect(elements).toBe(10);
    expect(firstPaintMarkup('<body><select><option>a</option><option>b</option></select></body>').elements).toBe(2);
  });

  it('names a page over budget', () => {
    // Random text hardly compresses: 60,000 base64 characters stay far above 30 KB gzip.
    put('zwaar/index.html', `<!doctype html><html><body><main>${randomBytes(45_000).toString('base64')}</main></body></html>`);
    const over = measureSite(dir).pages.filter((p) => p.gzip > PAGE_BUDGET).map((p) => p.page);
    expect(over).toEqual(['/zwaar/']);
  });

  it('reports third-party resources and missing files', () => {
    put('extern/index.html', '<link rel="stylesheet" href="https://fonts.example/x.css"><script src="/_astro/gone.js"></script>');
    const page = measurePage(dir, 'extern/index.html');
    expect(page.thirdParty).toEqual(['https://fonts.example/x.css']);
    expect(page.missing).toEqual(['/_astro/gone.js']);
  });

  it('counts only text a reader sees', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><a href="#i">Ga naar&nbsp;inhoud</a><span hidden data-pagefind-filter="centre:x"></span><script>if(a<b){}</script><div class="not-hidden">Bel&#32;1712</div><template><p>nee</p></template></body></html>';
    expect(visibleText(html)).toBe('Ga naar inhoud Bel 1712');
  });
});
