// The review report, printed in the build: per centre, what was last checked
// (lastReviewed.date) more than six months ago. See docs/editing.md, "Nazicht".
import { readFileSync, readdirSync } from 'node:fs';
import { register } from 'node:module';
import yaml from 'js-yaml';

register('./lib/ts-hooks.mjs', import.meta.url);
const { reviewReport } = await import('../src/lib/review.ts');
const { brusselsDay } = await import('../src/lib/dates.ts');

const day = (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const entries = [];
const names = {};
for (const [folder, centresOf] of [
  ['centres', (id) => [id]],
  ['groups', (_, data) => [data.centre]],
  ['events', (_, data) => data.centres ?? []],
  ['pages', () => []],
]) {
  for (const name of readdirSync(`src/content/${folder}`).filter((f) => /\.(md|mdx)$/.test(f)).sort()) {
    const file = `src/content/${folder}/${name}`;
    const data = yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '') ?? {};
    const id = name.replace(/\.mdx?$/, '');
    if (folder === 'centres') names[id] = data.name;
    if (!data.lastReviewed) continue; // the build's schema check reports a missing lastReviewed
    entries.push({ file, centres: centresOf(id, data), date: day(data.lastReviewed.date), by: data.lastReviewed.by });
  }
}
console.log(reviewReport(entries, process.env.REVIEW_TODAY ?? brusselsDay(new Date()), names));
