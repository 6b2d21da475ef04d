// The facts ledger (facts/ledger.yaml): loading, finding its sources, and the
// human view docs/seed-facts.md. Used by tests/unit/ledger.test.ts and scripts/facts-doc.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';

export const LEDGER_FILE = resolve('facts/ledger.yaml');
export const SNAPSHOT_DIR = resolve('facts/sources');

/** Reads and minimally checks the ledger's shape. */
export function loadLedger(file = LEDGER_FILE) {
  const ledger = yaml.load(readFileSync(file, 'utf8'));
  if (!ledger || typeof ledger !== 'object' || !ledger.sources || !Array.isArray(ledger.facts)) throw new Error(`${file}: expected "sources" and "facts"`);
  return ledger;
}

/**
 * The folder with the source documents (seeds/ and data/). CI keeps it beside the
 * repository (../shared); a worktree one level deeper finds it at ../../shared.
 */
export function sharedDir() {
  const candidates = [process.env.IFG_SHARED_DIR, resolve('../shared'), resolve('../../shared')].filter(Boolean);
  return candidates.find((dir) => existsSync(join(dir, 'seeds')) && existsSync(join(dir, 'data')));
}

/** The full text a source key stands for, or undefined when it cannot be found. */
export function sourceText(source, shared = sharedDir()) {
  if (source.kind === 'page') {
    const path = join(SNAPSHOT_DIR, source.snapshot);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }
  if (!shared) return undefined;
  const path = join(shared, source.kind === 'seed' ? 'seeds' : 'data', source.file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Whitespace is the only thing normalised: a quote must be the source's own words. */
export const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** "bevestigd door Veilig Huis Antwerpen op 2026-12-10": a centre confirmed it, no document to quote. */
export const CONFIRMED = /^bevestigd door (.+) op (\d{4}-\d{2}-\d{2})$/;

const KIND_TITLES = { telefoon: 'telefoon', 'e-mail': 'e-mail', datum: 'datum', uur: 'uur', getal: 'getal', plaats: 'plaats' };

/** docs/seed-facts.md: the ledger as a table per source, generated so the two cannot drift apart. */
export function renderSeedFacts(ledger) {
  const lines = [
    '# Feiten en hun bronnen',
    '',
    'Deze pagina is gemaakt uit `facts/ledger.yaml` met `npm run facts:doc`. Pas de ledger aan, niet deze pagina.',
    'Elke waarde die de site publiceert over een centrum, groep, activiteit of hulplijn (telefoonnummer, e-mailadres, datum, uur, getal, plaatsnaam) staat hier met de bron en de letterlijke woorden van die bron.',
    '`tests/unit/ledger.test.ts` faalt als de inhoud een waarde publiceert die hier niet staat, of als een citaat niet letterlijk in zijn bron staat.',
    '',
    'Brondocumenten (`seed`, `reference`) liggen in `../shared/`; van openbare webpagina\'s (`page`) bewaart `facts/sources/` het gelezen uittreksel.',
    'Wat een centrum zelf bevestigt, krijgt als bron "bevestigd door <centrum> op <datum>".',
    '',
  ];
  const bySource = new Map();
  for (const fact of ledger.facts) {
    const key = CONFIRMED.test(fact.source) ? 'bevestigd' : fact.source;
    if (!bySource.has(key)) bySource.set(key, []);
    bySource.get(key).push(fact);
  }
  for (const [key, facts] of bySource) {
    const source = ledger.sources[key];
    lines.push(`## ${source ? source.title : 'Bevestigd door een centrum'}`, '');
    if (source) lines.push(source.kind === 'page' ? `Bron: <${source.url}> (gelezen op ${String(source.retrieved instanceof Date ? source.retrieved.toISOString().slice(0, 10) : source.retrieved)}), uittreksel in \`facts/sources/${source.snapshot}\`.` : `Bron: \`../shared/${source.kind === 'seed' ? 'seeds' : 'data'}/${source.file}\`.`, '');
    lines.push('| over | soort | waarden | letterlijk in de bron |', '| --- | --- | --- | --- |');
    for (const f of facts) {
      const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');
      lines.push(`| ${cell(f.about)} | ${KIND_TITLES[f.kind] ?? f.kind} | ${f.values.map((v) => `\`${cell(v)}\``).join(', ')} | ${f.quote ? `"${cell(f.quote)}"` : cell(f.source)} |`);
    }
    lines.push('');
  }
  lines.push(
    '## Nog te bevestigen door de centra',
    '',
    '- Alle centra: adressen, telefoonlijnen voor wie geweld meemaakt, functionele mailboxen (behalve Antwerpen en Oost-Vlaanderen), het aanbod per spoor.',
    '- 1712: de huidige openingsuren. De opgehaalde pagina van 1712.be noemde geen uren; de site verwijst daarom naar 1712.be.',
    '- Oost-Vlaanderen: of spoor 1 intussen loopt, waar de onthaalpunten zijn, of de groepen lopen of gepland zijn, of de mailbox nog geldt ("wijzigt mogelijks").',
    '- Mechelen: of de aanspreekpunten in elke politiezone er zijn en of het protocol ondertekend is.',
    '- Kempen: of de plannen uit 2017 (Stationstraat, FJC Turnhout) zo zijn uitgevoerd; of spoor 3 vandaag loopt zoals in 2017.',
    '- Halle-Vilvoorde: of het centrum weer nieuwe gezinnen aanneemt.',
    '',
  );
  return lines.join('\n');
}
