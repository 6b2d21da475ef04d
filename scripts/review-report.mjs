// The review report, printed in the build (and by `npm run report`): what was last checked
// (lastReviewed.date) more than six months ago, then per centre its channels (src/lib/reach.ts),
// unconfirmed data, oldest review date and pilot limits. See docs/editing.md, "Nazicht".
import { readFileSync, readdirSync } from 'node:fs';
import { register } from 'node:module';
import yaml from 'js-yaml';

register('./lib/ts-hooks.mjs', import.meta.url);
const { reviewReport } = await import('../src/lib/review.ts');
const { brusselsDay, contentDay } = await import('../src/lib/dates.ts');
const { centreReport } = await import('../src/lib/centre-report.ts');
const { centreSchema } = await import('../src/schemas/centre.ts');

const day = (value) => (value instanceof Date ? contentDay(value) : String(value));
const entries = [];
const names = {};
const centres = [];
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
    if (folder === 'centres') {
      names[id] = data.name;
      // The build's schema check reports a centre that does not parse; the report skips it.
      const parsed = centreSchema.safeParse(data);
      if (parsed.success) centres.push({ id, ...parsed.data });
    }
    if (!data.lastReviewed) continue; // the build's schema check reports a missing lastReviewed
    entries.push({ file, centres: centresOf(id, data), date: day(data.lastReviewed.date), by: data.lastReviewed.by });
  }
}
const municipalities = yaml.load(readFileSync('src/content/municipalities/municipalities.yaml', 'utf8'));
console.log(reviewReport(entries, process.env.REVIEW_TODAY ?? brusselsDay(new Date()), names));
console.log(centreReport(centres, entries, municipalities));
