// Build report: translations older than their Dutch source. A translation names
// the Dutch page and the day of the Dutch text it was made from
// (translation.from in src/content/translations/<lang>/<page>.mdx); the Dutch
// file's last commit says when the Dutch text last changed. Reports, never fails
// the build: an old translation is still better than none, but editors must know.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = 'src/content/translations';
/** The Dutch source files of each translated page. */
const sources = (page) =>
  page === 'index' ? ['src/pages/index.astro', 'src/i18n/nl.json']
  : page === 'gemeenten' ? ['src/components/lookup/MunicipalityResult.astro', 'src/i18n/nl.json']
  : [`src/content/pages/${page}.mdx`];

function lastChanged(files) {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out || null;
  } catch {
    return null;
  }
}

const rows = [];
for (const lang of existsSync(root) ? readdirSync(root) : []) {
  for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(join(root, lang, file), 'utf8');
    const page = /\n\s+page:\s*([\w-]+)/.exec(text)?.[1];
    const from = /\n\s+date:\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    const reviewed = /\n\s+reviewed:\s*true/.test(text);
    const changed = page ? lastChanged(sources(page)) : null;
    rows.push({ lang, file, page, from, changed, reviewed, stale: Boolean(from && changed && changed > from) });
  }
}
const stale = rows.filter((r) => r.stale);
const unreviewed = rows.filter((r) => !r.reviewed);
console.log(`translations: ${rows.length} pages, ${unreviewed.length} not yet reviewed, ${stale.length} older than their Dutch source`);
for (const r of stale) console.log(`  ouder dan het Nederlands: ${r.lang}/${r.file} (vertaald van ${r.from}, Nederlands gewijzigd ${r.changed})`);
