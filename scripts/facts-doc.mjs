// Writes docs/seed-facts.md from facts/ledger.yaml (the ledger is the source; the page is its view).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLedger, renderSeedFacts } from './lib/ledger.mjs';

writeFileSync(resolve('docs/seed-facts.md'), renderSeedFacts(loadLedger()));
console.log('docs/seed-facts.md written from facts/ledger.yaml');
