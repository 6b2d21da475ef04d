// Which translations are older than their Dutch source. A translation names the
// Dutch page and the day of the Dutch text it was made from (translation.from in
// src/content/translations/<lang>/<page>.mdx); the Dutch file's last commit says
// when the Dutch text last changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** The Dutch source files of each translated page. */
export function dutchSources(page) {
  if (page === 'index') return ['src/pages/index.astro', 'src/i18n/nl.json'];
  if (page === 'gemeenten') return ['src/components/lookup/MunicipalityResult.astro', 'src/i18n/nl.json'];
  return [`src/content/pages/${page}.mdx`];
}

/** Day (YYYY-MM-DD) of the last commit that touched these files, or null outside git. */
export function lastCommitDay(files) {
  try {
    return execFileSync('git', ['log', '-1', '--format=%cs', '--', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

const day = (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value ? String(value) : undefined);

/** One row per translated page: where it comes from, whether it was reviewed, whether it is stale. */
export function translationReport(root = 'src/content/translations', lastChanged = (page) => lastCommitDay(dutchSources(page))) {
  const rows = [];
  for (const lang of existsSync(root) ? readdirSync(root).sort() : []) {
    for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.mdx')).sort()) {
      const text = readFileSync(join(root, lang, file), 'utf8');
      const front = yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') ?? {};
      const page = front.translation?.from?.page;
      const from = day(front.translation?.from?.date);
      const changed = page ? lastChanged(page) : null;
      rows.push({ lang, file, page, from, changed, reviewed: front.translation?.reviewed === true, stale: Boolean(from && changed && changed > from) });
    }
  }
  return rows;
}
