// One-off importer: turns ../shared/data/municipalities.csv into the content file
// src/content/municipalities/municipalities.yaml. After the import the YAML file is
// the source of truth that editors keep; rerun only to start over from the reference.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCsv, slugify, centreForDivision } from './lib/reference.mjs';

const source = new URL('../../shared/data/municipalities.csv', import.meta.url);
const target = new URL('../src/content/municipalities/municipalities.yaml', import.meta.url);
const rows = parseCsv(readFileSync(source, 'utf8'));

const yamlString = (value) => JSON.stringify(value);
const lines = [
  '# Alle gemeenten van het Vlaams Gewest (grenzen 2025) en de 19 Brusselse gemeenten.',
  '# Elke Vlaamse gemeente heeft precies één centrum (`centre`); Brusselse gemeenten hebben er geen.',
  '# Velden: zie docs/editing.md.',
];
for (const row of rows) {
  const flemish = row.region === 'Flanders';
  lines.push(`- id: ${slugify(row.municipality)}`);
  lines.push(`  name: ${yamlString(row.municipality)}`);
  lines.push(`  nis: "${row.nis}"`);
  lines.push(`  region: ${flemish ? 'vlaanderen' : 'brussel'}`);
  lines.push(`  postcodes: [${row.postcodes.split(' ').map((p) => `"${p}"`).join(', ')}]`);
  if (flemish) lines.push(`  province: ${yamlString(row.province)}`);
  lines.push(`  policeZone: ${yamlString(row.police_zone)}`);
  lines.push(flemish ? `  centre: ${centreForDivision(row.judicial_division)}` : '  centre: null');
}
writeFileSync(target, lines.join('\n') + '\n');
console.log(`wrote ${rows.length} municipalities to ${target.pathname}`);
