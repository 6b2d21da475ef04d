// Builds the intake directory (centres + municipalities) from the content files, because
// the Netlify Functions and the browser script cannot use astro:content. The output is
// gitignored and bundled by esbuild/Vite; run by prestart, prebuild and pretest.
// It also checks the centres' OpenPGP keys (src/content/keys/) and writes them to their own
// file, centre-keys.json, which only the delivery code imports: directory.json also goes to
// the browser, and keys have no business in the form page's script.
// `--keys <dir>` and `--centres <dir>` check other folders, `--out <dir>` writes elsewhere and
// `--check` writes nothing (all for tests).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { checkCentreKeys } from './lib/centre-keys.mjs';

// The real content schemas and the one model of what a centre offers whom (src/lib/reach.ts):
// the forms get exactly what the pages get, never a looser copy.
register('./lib/ts-hooks.mjs', import.meta.url);
const { centreSchema } = await import('../src/schemas/centre.ts');
const { municipalitySchema } = await import('../src/schemas/municipality.ts');
const { professionalAlternatives } = await import('../src/schemas/alternative.ts');
const { directoryCentre } = await import('../src/lib/reach.ts');

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const centresDir = arg('--centres') ?? join(root, 'src/content/centres');
const outDir = arg('--out') ?? join(root, 'src/lib/intake/generated');
const out = join(outDir, 'directory.json');
const keysOut = join(outDir, 'centre-keys.json');
const keysDir = arg('--keys') ?? join(root, 'src/content/keys');
const checkOnly = process.argv.includes('--check');

const problems = [];
const centres = [];
/** Centre id → the fingerprint its content confirms (keyFingerprint), so a key is bound to its centre. */
const fingerprints = {};
for (const file of readdirSync(centresDir).filter((f) => f.endsWith('.mdx')).sort()) {
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(centresDir, file), 'utf8'));
  const parsed = centreSchema.safeParse(match ? yaml.load(match[1]) : undefined);
  if (!parsed.success) { problems.push(`${file}: ${z.prettifyError(parsed.error)}`); continue; }
  const id = file.replace(/\.mdx$/, '');
  fingerprints[id] = parsed.data.keyFingerprint ?? null;
  centres.push(directoryCentre(id, parsed.data));
}
const rawMunicipalities = yaml.load(readFileSync(join(root, 'src/content/municipalities/municipalities.yaml'), 'utf8'));
const municipalities = z.array(municipalitySchema).safeParse(rawMunicipalities);
if (!municipalities.success) problems.push(`municipalities.yaml: ${z.prettifyError(municipalities.error)}`);
const alternativesFile = 'src/content/settings/professional-alternatives.json';
const alternatives = professionalAlternatives.safeParse(JSON.parse(readFileSync(join(root, alternativesFile), 'utf8')));
if (!alternatives.success) problems.push(`${alternativesFile}: ${z.prettifyError(alternatives.error)}`);
const ids = new Set(centres.map((c) => c.id));
for (const m of municipalities.data ?? []) {
  if (m.centre !== null && !ids.has(m.centre)) problems.push(`municipalities.yaml: ${m.id} verwijst naar onbekend centrum "${m.centre}"`);
}
// Editors see in every build what a mailbox left on `onbekend` switches off (docs/editing.md, "Aanmeldingen ontvangen").
for (const c of centres) {
  const count = (municipalities.data ?? []).filter((m) => m.centre === c.id).length;
  for (const [box, form] of [['referralMailbox', 'aanmeldformulier'], ['adviceMailbox', 'adviesformulier']]) {
    if (c[box] === null) console.warn(`generate-directory: WAARSCHUWING ${c.name}: ${box} staat op onbekend, dus het ${form} weigert de ${count} gemeenten van dit centrum.`);
  }
}
const keyCheck = await checkCentreKeys(keysDir, fingerprints);
problems.push(...keyCheck.problems);
for (const warning of keyCheck.warnings) console.warn(`generate-directory: WAARSCHUWING ${warning}`);
if (problems.length) {
  console.error(`generate-directory: de inhoud is niet bruikbaar voor de formulieren:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
if (checkOnly) {
  console.log(`generate-directory: inhoud in orde (${Object.keys(keyCheck.keys).length} sleutels), niets geschreven`);
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
const directory = {
  centres,
  municipalities: municipalities.data.map(({ id, name, postcodes, aliases, region, centre: c }) => ({ id, name, postcodes, aliases, region, centre: c })),
  alternatives: alternatives.data.alternatives,
};
writeFileSync(out, JSON.stringify(directory) + '\n');
writeFileSync(keysOut, JSON.stringify(keyCheck.keys) + '\n');
console.log(`generate-directory: ${centres.length} centra, ${directory.municipalities.length} gemeenten -> src/lib/intake/generated/directory.json`);
console.log(`generate-directory: ${Object.keys(keyCheck.keys).length} sleutel(s) voor versleutelde aflevering -> src/lib/intake/generated/centre-keys.json`);
