// First paint in one round trip. Astro writes each page's bundled scripts as
// <script type="module" src> in the head; the browser fetches those (and the modules
// they import, one round trip per level) at high priority while the page is still
// waiting to paint, and runs them before its first paint when they arrive in time.
// After the build, this replaces each such tag with a <meta name="ifg-module"> that
// names the script, and adds one small inline loader (the same on every page, its
// hash in the CSP) that imports them once the first frame has been painted. The
// scripts only enhance pages that work without them, so nothing waits for them.
// Astro's inline module scripts (the quick exit) stay as they are: no request.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Imports every module the page names once the browser reports the first contentful paint
 * (a paint-timing entry comes when the frame is shown, not when it is drawn: a module asked
 * for after the first frame's task could still arrive before the paint was on screen, and
 * Lighthouse's simulation then counts it towards the paint, bench/findings.md point 12).
 * Without paint timing, after the first frame.
 */
export const LOADER =
  "(()=>{let d;const go=()=>setTimeout(()=>{if(d)return;d=1;for(const m of document.querySelectorAll('meta[name=ifg-module]'))import(m.content)});"
  + "if(((self.PerformanceObserver||{}).supportedEntryTypes||[]).includes('paint'))new PerformanceObserver((l,o)=>{if(l.getEntriesByName('first-contentful-paint').length){o.disconnect();go()}}).observe({type:'paint',buffered:true});"
  + 'else requestAnimationFrame(go)})()';

/** The loader's CSP hash, for security.csp.scriptDirective.hashes. */
/** @type {`sha256-${string}`} */
export const LOADER_HASH = `sha256-${createHash('sha256').update(LOADER).digest('base64')}`;

const MODULE_TAG = /<script type="module" src="([^"]+)"><\/script>/g;

/**
 * The page with its module script tags deferred to after the first paint; unchanged when it
 * has none. Astro writes the tags where the component is, often in <body>, where <meta> is
 * not allowed: the markers all go to the end of <head>, in the order of the tags.
 */
export function deferModules(html) {
  const sources = [...html.matchAll(MODULE_TAG)].map((match) => match[1]);
  if (!sources.length) return html;
  const markers = [...new Set(sources)].map((src) => `<meta name="ifg-module" content="${src}">`).join('');
  const deferred = html.replace(MODULE_TAG, '').replace(/<\/head>/i, `${markers}</head>`);
  return deferred.replace(/<\/body>/i, `<script>${LOADER}</script></body>`);
}

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Astro integration: rewrites the built pages (astro:build:done); `astro dev` is untouched. */
export function afterPaintScripts() {
  return {
    name: 'ifg:after-paint-scripts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const deferred = deferModules(html);
          if (deferred !== html) {
            await writeFile(file, deferred);
            pages++;
          }
        }
        logger.info(`scripts of ${pages} pages load after the first paint`);
      },
    },
  };
}
