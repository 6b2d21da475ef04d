// Writes dist/sitemap.xml after the build: every indexed page (the ones with
// data-pagefind-body, so no 404 or confirmation pages) and every page with language
// versions, each with the hreflang
// alternates its own <head> names. Reads only the built files: no network.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dist = process.env.DIST_DIR || 'dist';
const site = (process.env.SITE_URL || 'https://veilighuis.example').replace(/\/$/, '');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function pages(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : pages(full);
    return e.name === 'index.html' ? [full] : [];
  });
}

const entries = pages(dist).sort().flatMap((file) => {
  const html = readFileSync(file, 'utf8');
  // Indexed pages, and pages kept out of search but with language versions (easy-read answers).
  if (!html.includes('data-pagefind-body') && !html.includes('<link rel="alternate" hreflang=')) return [];
  const path = '/' + relative(dist, file).split(sep).join('/').replace(/index\.html$/, '');
  const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => ({ hreflang: m[1], href: m[2] }));
  const links = alternates.map((a) => `\n    <xhtml:link rel="alternate" hreflang="${esc(a.hreflang)}" href="${esc(a.href)}"/>`).join('');
  return [`  <url>\n    <loc>${esc(site + path)}</loc>${links}\n  </url>`];
});
if (entries.length === 0) {
  console.error('sitemap: no indexed pages found in ' + dist);
  process.exit(1);
}
writeFileSync(join(dist, 'sitemap.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`);
console.log(`sitemap: ${entries.length} pages`);
