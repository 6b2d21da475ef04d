// Build report: translations older than their Dutch source (see scripts/lib/translation-report.mjs).
// Reports, never fails the build: an old translation is still better than none, but editors must know.
import { translationReport } from './lib/translation-report.mjs';

const rows = translationReport();
const stale = rows.filter((r) => r.stale);
console.log(`translations: ${rows.length} pages, ${rows.filter((r) => !r.reviewed).length} not yet reviewed, ${stale.length} older than their Dutch source`);
for (const r of stale) console.log(`  ouder dan het Nederlands: ${r.lang}/${r.file} (vertaald van ${r.from}, Nederlands gewijzigd ${r.changed})`);
