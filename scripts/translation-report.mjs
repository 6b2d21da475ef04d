// Build report: translated pages and strings older than the Dutch they follow (see
// scripts/lib/translation-report.mjs). Reports, never fails the build: an old translation
// is still better than none, but editors must know which sentence to look at.
import { staleStrings, translationReport } from './lib/translation-report.mjs';

const rows = translationReport();
const stale = rows.filter((r) => r.stale);
const strings = staleStrings();
console.log(`translations: ${rows.length} pages, ${rows.filter((r) => !r.reviewed).length} not yet reviewed, ${stale.length} older than their Dutch source, ${strings.length} strings older than their Dutch string`);
for (const r of stale) console.log(`  ouder dan het Nederlands: ${r.lang}/${r.file} (vertaald van ${r.from}, Nederlands gewijzigd ${r.changed})`);
for (const r of rows.filter((r) => r.notice === 'dutchChanged')) console.log(`  nagelezen, maar het Nederlands veranderde daarna: ${r.lang}/${r.file}`);
for (const s of strings) console.log(`  zin ouder dan het Nederlands: ${s.lang} ${s.key} (vertaald ${s.translated}, Nederlands gewijzigd ${s.dutch})`);
