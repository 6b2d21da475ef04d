// Builds the intake directory (centres + municipalities) from the content files, because
// the Netlify Functions and the browser script cannot use astro:content. The output is
// gitignored and bundled by esbuild/Vite; run by prestart, prebuild and pretest.
// It also checks the centres' OpenPGP keys (src/content/keys/) and writes them to their own
// file, centre-keys.json, which only the delivery code imports: directory.json also goes to
// the browser, and keys have no business in the form page's script.
// `--keys <dir>` and `--centres <dir>` check other folders, `--out <dir>` writes elsewhere and
// `--check` writes nothing (all for tests).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { checkCentreKeys } from './lib/centre-keys.mjs';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const centresDir = arg('--centres') ?? join(root, 'src/content/centres');
const outDir = arg('--out') ?? join(root, 'src/lib/intake/generated');
const out = join(outDir, 'directory.json');
const keysOut = join(outDir, 'centre-keys.json');
const keysDir = arg('--keys') ?? join(root, 'src/content/keys');
const checkOnly = process.argv.includes('--check');

const mailbox = z.union([z.literal('onbekend').transform(() => null), z.email()]);
const centre = z.object({
  name: z.string().min(3),
  shortName: z.string().min(2),
  code: z.string().regex(/^[A-Z]{3}$/),
  status: z.enum(['operationeel', 'opstartend', 'beperkt']),
  statusNote: z.string().optional(),
  referralMailbox: mailbox,
  adviceMailbox: mailbox,
  phoneLines: z.array(z.object({ id: z.string(), name: z.string(), number: z.string(), audience: z.string() })).default([]),
  tracks: z.array(z.object({ track: z.number().int(), status: z.string(), municipalities: z.array(z.string()).optional() })).default([]),
  keyFingerprint: z.string().optional(),
});
const municipality = z.object({
  id: z.string(),
  name: z.string(),
  postcodes: z.array(z.string()),
  aliases: z.array(z.string()).default([]),
  region: z.enum(['vlaanderen', 'brussel']),
  centre: z.string().nullable(),
});

const problems = [];
const centres = [];
/** Centre id → the fingerprint its content confirms (keyFingerprint), so a key is bound to its centre. */
const fingerprints = {};
for (const file of readdirSync(centresDir).filter((f) => f.endsWith('.mdx')).sort()) {
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(centresDir, file), 'utf8'));
  const parsed = centre.safeParse(match ? yaml.load(match[1]) : undefined);
  if (!parsed.success) { problems.push(`${file}: ${z.prettifyError(parsed.error)}`); continue; }
  const c = parsed.data;
  fingerprints[file.replace(/\.mdx$/, '')] = c.keyFingerprint ?? null;
  centres.push({
    id: file.replace(/\.mdx$/, ''), name: c.name, shortName: c.shortName, code: c.code, status: c.status,
    statusNote: c.statusNote ?? null, referralMailbox: c.referralMailbox, adviceMailbox: c.adviceMailbox,
    phoneLines: c.phoneLines.map(({ id, name, number, audience }) => ({ id, name, number, audience })),
    tracks: c.tracks.map(({ track, status, municipalities }) => ({ track, status, municipalities: municipalities ?? null })),
  });
}
const rawMunicipalities = yaml.load(readFileSync(join(root, 'src/content/municipalities/municipalities.yaml'), 'utf8'));
const municipalities = z.array(municipality).safeParse(rawMunicipalities);
if (!municipalities.success) problems.push(`municipalities.yaml: ${z.prettifyError(municipalities.error)}`);
const ids = new Set(centres.map((c) => c.id));
for (const m of municipalities.data ?? []) {
  if (m.centre !== null && !ids.has(m.centre)) problems.push(`municipalities.yaml: ${m.id} verwijst naar onbekend centrum "${m.centre}"`);
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
};
writeFileSync(out, JSON.stringify(directory) + '\n');
writeFileSync(keysOut, JSON.stringify(keyCheck.keys) + '\n');
console.log(`generate-directory: ${centres.length} centra, ${directory.municipalities.length} gemeenten -> src/lib/intake/generated/directory.json`);
console.log(`generate-directory: ${Object.keys(keyCheck.keys).length} sleutel(s) voor versleutelde aflevering -> src/lib/intake/generated/centre-keys.json`);
