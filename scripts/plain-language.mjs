// The plain-language check of the texts victims read (src/lib/plain-language.ts), run in
// the build. Warnings name the file and the sentence; on a Makkelijk Nederlands page a
// sentence over 20 words stops the build. `node scripts/plain-language.mjs [globs...]`
// checks other files the same way (strict), e.g. while writing a new Makkelijk page.
import { globSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import yaml from 'js-yaml';

register('./lib/ts-hooks.mjs', import.meta.url);
const { checkText, formatFinding, isError } = await import('../src/lib/plain-language.ts');

/** Texts for victims: their pages, and the home page and municipality answer strings. */
const VICTIM_PAGES = ['src/content/pages/{hulp,noodnummers,veilig-online,wat-is-ifg}.mdx'];
const VICTIM_STRINGS = /^(home|lookup)\./;
/** Makkelijk Nederlands pages: a long sentence is an error there. */
export const STRICT = ['src/content/translations/makkelijk/**/*.{md,mdx}', 'src/content/translations/nl-makkelijk/**/*.{md,mdx}'];

const reports = [];
const cli = process.argv.slice(2);
const glob = (patterns) => [...new Set(patterns.flatMap((p) => globSync(p)))].sort();
for (const file of glob(cli.length ? cli : STRICT)) reports.push({ file, strict: true, findings: checkText(readFileSync(file, 'utf8')) });
if (!cli.length) {
  for (const file of glob(VICTIM_PAGES)) reports.push({ file, strict: false, findings: checkText(readFileSync(file, 'utf8')) });
  // A centre page: its introduction and what it tells victims about its status and lines.
  for (const file of glob(['src/content/centres/*.mdx'])) {
    const text = readFileSync(file, 'utf8');
    const data = yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') ?? {};
    const lines = (data.phoneLines ?? []).filter((l) => l.audience !== 'professionelen').flatMap((l) => [l.purpose, l.hoursText]);
    const parts = [data.statusNote, ...lines].filter(Boolean).map((s) => `${s}`.trim().replace(/([^.!?])$/, '$1.'));
    reports.push({ file, strict: false, findings: checkText(`${text}\n\n${parts.join("\n\n")}`) });
  }
  const strings = JSON.parse(readFileSync('src/i18n/nl.json', 'utf8'));
  const victimStrings = Object.entries(strings).filter(([key]) => VICTIM_STRINGS.test(key));
  reports.push({ file: 'src/i18n/nl.json (home.*, lookup.*)', strict: false, findings: checkText(victimStrings.map(([, v]) => v).join('\n\n')) });
}

let errors = 0;
let warnings = 0;
for (const report of reports) {
  for (const finding of report.findings) {
    console.log(formatFinding(report, finding));
    if (isError(report, finding)) errors++;
    else warnings++;
  }
}
console.log(`leesbaarheid: ${reports.length} teksten nagekeken, ${warnings} waarschuwingen, ${errors} fouten (zie docs/editing.md, "Waarschuwingen over leesbaarheid")`);
if (errors) process.exit(1);
