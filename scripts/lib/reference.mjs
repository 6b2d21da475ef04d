// Helpers shared by the importer and the tests that check our content against ../shared/data.

/** Parses the reference CSV (quoted fields may hold commas) into objects keyed by header. */
export function parseCsv(text) {
  const records = [];
  let field = '';
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n') { record.push(field); records.push(record); record = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  const [header, ...rows] = records.filter((r) => r.some((f) => f !== ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** "Sint-Niklaas" -> "sint-niklaas", "Beveren-Kruibeke-Zwijndrecht" stays readable. */
export function slugify(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The default mapping of ../shared/data/README.md: judicial division -> centre id. */
export function centreForDivision(division) {
  if (division === 'Antwerpen, afdeling Antwerpen') return 'antwerpen';
  if (division === 'Antwerpen, afdeling Mechelen') return 'mechelen';
  if (division === 'Antwerpen, afdeling Turnhout') return 'kempen';
  if (division.startsWith('Limburg')) return 'limburg';
  if (division === 'Leuven') return 'leuven';
  if (division.includes('parket Halle-Vilvoorde')) return 'halle-vilvoorde';
  if (division.startsWith('Oost-Vlaanderen')) return 'oost-vlaanderen';
  if (/^West-Vlaanderen, afdeling (Kortrijk|Ieper)$/.test(division)) return 'zuid-west-vlaanderen';
  if (/^West-Vlaanderen, afdeling (Brugge|Veurne)$/.test(division)) return 'noord-west-vlaanderen';
  throw new Error(`no centre for judicial division "${division}"`);
}
