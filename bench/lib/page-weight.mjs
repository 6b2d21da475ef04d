// What a visitor downloads when a built page loads: the HTML, the stylesheets and
// scripts it references, and the JS modules those scripts import statically.
// Lazily loaded things (dynamic import(), the Pagefind index fetched on search)
// are not part of the load and are left out on purpose.
// Pure over the file system: used by tests/build/page-weight.test.ts and bench/run.mjs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** 1 KB = 1,000 bytes (the stricter reading of the budget in site.md). */
export const KB = 1000;

/** Page budget from site.md, checked on gzip (level 6, what servers do on the fly; brotli is always smaller). */
export const PAGE_BUDGET = 30 * KB;
export const MEDIAN_BUDGET = 10 * KB;
/**
 * What a page may lay out before its first paint (issue 21, item 10): the pages that painted
 * at about 0.83 s in Lighthouse's mobile preset lay out 85-230 elements and 4.7-7.9 KB gzip;
 * /gemeenten/ (1,077 elements, 12.5 KB) and the referral form (360) painted 0.2-0.3 s later.
 */
export const FIRST_PAINT_BUDGET = { elements: 250, gzip: 9 * KB };
/** The referral form is over that budget (its whole form is one page): a ceiling at today's size, not a goal. */
export const REFERRAL_FORM_CEILING = { elements: 340, gzip: 8.5 * KB };

/** Bytes of one response body: raw, gzip level 6 and brotli quality 11. */
export function compressedSizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 6 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Every built HTML page (site-relative file paths), except under the folders named in `skip`. */
export function listPages(distDir, skip = ['pagefind', '_astro']) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) {
        if (!skip.includes(relative(distDir, abs).split(sep)[0])) walk(abs);
      } else if (name.endsWith('.html')) out.push(relative(distDir, abs).split(sep).join('/'));
    }
  };
  walk(distDir);
  return out.sort();
}

/** The URL path a page is served at: `centra/antwerpen/index.html` -> `/centra/antwerpen/`. */
export function urlOf(file) {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
};

/**
 * Resources the browser fetches at load from the page's HTML: stylesheets,
 * external scripts (classic and module), modulepreloads and the modules the
 * after-paint loader imports (<meta name="ifg-module">, scripts/lib/after-paint.mjs).
 * Returns [{ kind: 'css' | 'js', url }], in document order.
 */
export function loadedResources(html) {
  const found = [];
  for (const [tag] of html.matchAll(/<(link|script|meta)\b[^>]*>/gi)) {
    if (/^<meta/i.test(tag)) {
      if (attr(tag, 'name') === 'ifg-module' && attr(tag, 'content')) found.push({ kind: 'js', url: attr(tag, 'content') });
    } else if (/^<link/i.test(tag)) {
      const rel = (attr(tag, 'rel') || '').toLowerCase().split(/\s+/);
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel.includes('stylesheet')) found.push({ kind: 'css', url: href });
      else if (rel.includes('modulepreload')) found.push({ kind: 'js', url: href });
    } else {
      const src = attr(tag, 'src');
      if (src) found.push({ kind: 'js', url: src });
    }
  }
  return found;
}

/** Static imports of a JS module (`import x from`, `import "x"`, `export * from`); not `import()`. */
export function staticImports(js) {
  const out = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const m of js.matchAll(re)) out.push(m[1]);
  return out;
}

/** `@import` targets in a stylesheet. */
export function cssImports(css) {
  return [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].map((m) => m[1]);
}

const ORIGIN = 'http://site.invalid';

/** Resolves `ref` against `base` (both site URLs); null for another host (a third-party resource). */
export function resolveUrl(ref, base) {
  const u = new URL(ref, ORIGIN + base);
  return u.origin === ORIGIN ? decodeURIComponent(u.pathname) : null;
}

/** The dist file that serves a site URL path, or null. */
export function fileFor(distDir, path) {
  const candidates = path.endsWith('/') ? [path + 'index.html'] : [path, path + '/index.html'];
  for (const c of candidates) {
    const abs = join(distDir, c);
    if (existsSync(abs) && statSync(abs).isFile()) return abs;
  }
  return null;
}

// Skipped with their content: not text a reader sees.
const SKIP = new Set(['head', 'script', 'style', 'template', 'noscript', 'svg', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Comments, doctypes and tags; TAG_OR_CDATA also skips <![CDATA[...]]> sections. */
const TAG = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/?([a-zA-Z][\w:-]*)\b[^>]*>/gi;
const TAG_OR_CDATA = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!doctype[^>]*>|<\/?([a-zA-Z][\w:-]*)\b[^>]*>/gi;

/**
 * Walks a page's tags and returns what lies outside skipped elements, in document order: the
 * text between tags, the raw content of a shown <script> or <style>, and, with `keepTags`, the
 * shown tags themselves. Closing tags pop up to their open tag (tolerates unclosed <p>, <li>).
 * @param {string} html
 * @param {{ skips: (name: string, attrs: string, parent?: { name: string, attrs: string }) => boolean,
 *   keepTags?: boolean, cdata?: boolean, onShown?: (name: string) => void }} how
 *   `skips` says whether an element is left out with its content (`attrs` is its tag with the
 *   attribute values blanked); `onShown` hears every shown open tag; `cdata` reads <![CDATA[...]]> as a tag.
 * @returns {string[]}
 */
function shownParts(html, { skips, keepTags = false, cdata = false, onShown }) {
  const parts = [];
  let skipDepth = 0;
  const stack = [];
  let last = 0;
  const tagRe = new RegExp(cdata ? TAG_OR_CDATA : TAG);
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    if (skipDepth === 0) parts.push(html.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    if (m[0][1] === '/') {
      const at = stack.findLastIndex((e) => e.name === name);
      if (at === -1) continue;
      const shown = skipDepth === 0;
      for (const entry of stack.splice(at)) if (entry.skip) skipDepth--;
      if (shown && keepTags) parts.push(m[0]);
      continue;
    }
    const attrs = m[0].replace(/"[^"]*"|'[^']*'/g, '""');
    const skip = skipDepth === 0 && skips(name, attrs, stack.at(-1));
    if (skipDepth === 0 && !skip) {
      if (keepTags) parts.push(m[0]);
      onShown?.(name);
    }
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    stack.push({ name, attrs, skip });
    if (skip) skipDepth++;
    // Raw-text elements: jump to their closing tag so a "<" inside them is not read as a tag.
    if (name === 'script' || name === 'style') {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = last;
      const end = close.exec(html);
      const to = end ? end.index : html.length;
      if (skipDepth === 0) parts.push(html.slice(last, to));
      tagRe.lastIndex = last = to;
    }
  }
  if (skipDepth === 0) parts.push(html.slice(last));
  return parts;
}

const isHidden = (attrs) => /\shidden(\s|=|>|\/)/i.test(attrs);

/**
 * The page's own visible text (UTF-8 bytes after collapsing white space):
 * everything in <body> except scripts, styles, templates, noscript, svg and
 * elements with the `hidden` attribute. With JavaScript on, noscript is not shown.
 */
export function visibleText(html) {
  return shownParts(html, { cdata: true, skips: (name, attrs) => SKIP.has(name) || isHidden(attrs) })
    .join(' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? all,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Elements whose content the browser parses but does not lay out for the first paint. */
const NOT_LAID_OUT = new Set(['template', 'datalist', 'noscript']);
const NO_BOX = new Set(['option', 'optgroup']);

/**
 * The markup the browser lays out for the first paint: the whole head (its inline CSS
 * included) and the body without what is not rendered: closed <details> (their summary
 * stays), <template>, <datalist>, <noscript> and `hidden` elements. Style and layout before
 * the first paint grow with this, not with the file (bench/findings.md, point 11).
 * Returns the markup's gzip bytes and its number of elements.
 */
export function firstPaintMarkup(html) {
  let elements = 0;
  const markup = shownParts(html, {
    keepTags: true,
    // Inside a closed <details> only its <summary> is rendered.
    skips: (name, attrs, parent) =>
      NOT_LAID_OUT.has(name) || isHidden(attrs) || (parent?.name === 'details' && !/\sopen(\s|=|>|\/)/i.test(parent.attrs) && name !== 'summary'),
    // A select's options are no boxes of the page (the list opens in a popup).
    onShown: (name) => { if (!NO_BOX.has(name)) elements++; },
  }).join('');
  return { markup, gzip: gzipSync(Buffer.from(markup), { level: 6 }).length, elements };
}

/**
 * Everything one page loads: [{ url, kind, raw, gzip, brotli }] plus totals,
 * its visible text bytes and the ratios of load bytes (raw, gzip) to text bytes.
 * Missing local files and third-party URLs are listed in `missing` / `thirdParty`.
 */
export function measurePage(distDir, file) {
  const pageUrl = urlOf(file);
  const html = readFileSync(join(distDir, file));
  const files = [{ url: pageUrl, kind: 'html', ...compressedSizes(html) }];
  const seen = new Set([pageUrl]);
  const missing = [];
  const thirdParty = [];
  const queue = loadedResources(html.toString('utf8')).map((r) => ({ ...r, base: pageUrl }));
  while (queue.length) {
    const { kind, url, base } = queue.shift();
    const path = resolveUrl(url, base);
    if (path === null) { thirdParty.push(url); continue; }
    if (seen.has(path)) continue;
    seen.add(path);
    const abs = fileFor(distDir, path);
    if (!abs) { missing.push(path); continue; }
    const body = readFileSync(abs);
    files.push({ url: path, kind, ...compressedSizes(body) });
    const refs = kind === 'js' ? staticImports(body.toString('utf8')) : cssImports(body.toString('utf8'));
    for (const ref of refs) queue.push({ kind, url: ref, base: path });
  }
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  const textBytes = Buffer.byteLength(visibleText(html.toString('utf8')));
  const total = { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  return {
    page: pageUrl,
    file,
    files,
    ...total,
    textBytes,
    // How many bytes travel per byte a reader sees: raw (markup and code overhead) and gzip (on the wire).
    ratioRaw: textBytes ? total.raw / textBytes : Infinity,
    ratioGzip: textBytes ? total.gzip / textBytes : Infinity,
    missing,
    thirdParty,
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Measures every page of a build; returns { pages, largest, median: {raw,gzip,brotli,ratio} }. */
export function measureSite(distDir) {
  const pages = listPages(distDir).map((f) => measurePage(distDir, f));
  const largest = pages.reduce((a, b) => (b.gzip > a.gzip ? b : a), pages[0]);
  return {
    pages,
    largest,
    median: {
      raw: median(pages.map((p) => p.raw)),
      gzip: median(pages.map((p) => p.gzip)),
      brotli: median(pages.map((p) => p.brotli)),
      textBytes: median(pages.map((p) => p.textBytes)),
      ratioRaw: median(pages.map((p) => p.ratioRaw)),
      ratioGzip: median(pages.map((p) => p.ratioGzip)),
    },
  };
}
