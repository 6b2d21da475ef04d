/**
 * Finds the municipality someone means from what they typed: a name, a former
 * municipality or district (alias), or a postcode. Pure: it gets the list passed
 * in, so the browser, the pages and the intake functions share one implementation.
 */

/** What the lookup needs of a municipality. */
export interface MunicipalityRecord {
  id: string;
  name: string;
  postcodes: string[];
  aliases: string[];
  region: 'vlaanderen' | 'brussel';
  centre: string | null;
}

export type LookupResult<M extends MunicipalityRecord = MunicipalityRecord> =
  | { kind: 'found'; municipality: M }
  | { kind: 'brussels'; municipality: M }
  | { kind: 'unknown' };

/** Lower case, accents and punctuation dropped, "St." and "Sint " read as "sint-". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/^(st|sint)[.\s-]+/, 'sint-')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Every normalized name a municipality is known by. */
function namesOf(m: MunicipalityRecord): string[] {
  return [m.name, ...m.aliases].map(normalizeName);
}

/** Resolves an exact name, alias or postcode; never guesses between several. */
export function lookupMunicipality<M extends MunicipalityRecord>(query: string, list: readonly M[]): LookupResult<M> {
  const trimmed = query.trim();
  const postcode = /^\d{4}$/.test(trimmed) ? trimmed : null;
  const name = normalizeName(trimmed);
  const match = postcode
    ? list.find((m) => m.postcodes.includes(postcode))
    : name
      ? list.find((m) => namesOf(m).includes(name))
      : undefined;
  if (!match) return { kind: 'unknown' };
  return match.region === 'brussel' ? { kind: 'brussels', municipality: match } : { kind: 'found', municipality: match };
}

/** Suggestions while typing: names and aliases that start with the query first, then those containing it. */
export function suggestMunicipalities<M extends MunicipalityRecord>(query: string, list: readonly M[], limit = 8): M[] {
  const q = normalizeName(query);
  if (!q) return [];
  const digits = /^\d+$/.test(query.trim()) ? query.trim() : null;
  const scored: Array<[number, M]> = [];
  for (const m of list) {
    const names = namesOf(m);
    let score = -1;
    if (digits && m.postcodes.some((p) => p.startsWith(digits))) score = 0;
    else if (names[0].startsWith(q)) score = 1;
    else if (names.some((n) => n.startsWith(q))) score = 2;
    else if (names.some((n) => n.includes(q))) score = 3;
    if (score >= 0) scored.push([score, m]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name, 'nl')).slice(0, limit).map(([, m]) => m);
}
