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

/** One suggestion while typing; `via` is the alias or postcode that matched, `null` when the name did. */
export interface Suggestion<M extends MunicipalityRecord = MunicipalityRecord> {
  municipality: M;
  via: string | null;
}

/**
 * Lower case, accents, apostrophes and punctuation dropped, words joined by "-",
 * and "St" as a word read as "sint": "St.-Niklaas", "sint niklaas" and
 * "Puurs-St-Amands" all meet their official spelling.
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/(^|-)st(?=-|$)/g, '$1sint');
}

/** A four-digit postcode anywhere in the query ("9000", "9000 Gent", "Gent (9000)"). */
function postcodeIn(query: string): string | null {
  return /(?:^|\D)(\d{4})(?:\D|$)/.exec(query)?.[1] ?? null;
}

function result<M extends MunicipalityRecord>(match: M | undefined): LookupResult<M> {
  if (!match) return { kind: 'unknown' };
  return match.region === 'brussel' ? { kind: 'brussels', municipality: match } : { kind: 'found', municipality: match };
}

/**
 * Resolves a postcode, an official name or an alias, in that order. It never
 * guesses: an alias shared by two municipalities (Mariakerke lies in Gent and in
 * Oostende) is `unknown`, and the suggestions show both.
 */
export function lookupMunicipality<M extends MunicipalityRecord>(query: string, list: readonly M[]): LookupResult<M> {
  const postcode = postcodeIn(query);
  if (postcode) return result(list.find((m) => m.postcodes.includes(postcode)));
  const name = normalizeName(query);
  if (!name) return { kind: 'unknown' };
  const byName = list.find((m) => normalizeName(m.name) === name);
  if (byName) return result(byName);
  const byAlias = list.filter((m) => m.aliases.some((a) => normalizeName(a) === name));
  return byAlias.length === 1 ? result(byAlias[0]) : { kind: 'unknown' };
}

/** The municipalities that share the district name typed (e.g. Mariakerke: Gent and Oostende); empty when it is not shared. */
export function sharedDistrict<M extends MunicipalityRecord>(query: string, list: readonly M[]): M[] {
  const name = normalizeName(query);
  if (!name || list.some((m) => normalizeName(m.name) === name)) return [];
  const matches = list.filter((m) => m.aliases.some((a) => normalizeName(a) === name));
  return matches.length > 1 ? matches : [];
}

/**
 * Suggestions while typing, best first: postcodes that start with the digits typed,
 * then names that start with the query, aliases that start with it, names and
 * aliases that contain it; ties in Dutch alphabetical order.
 */
export function suggestMatches<M extends MunicipalityRecord>(query: string, list: readonly M[], limit = 8): Suggestion<M>[] {
  const q = normalizeName(query);
  if (!q) return [];
  const digits = /^\d+$/.test(q) ? q : null;
  const scored: Array<[number, Suggestion<M>]> = [];
  for (const m of list) {
    const name = normalizeName(m.name);
    const postcode = digits ? m.postcodes.find((p) => p.startsWith(digits)) : undefined;
    const aliasStarts = m.aliases.find((a) => normalizeName(a).startsWith(q));
    const aliasContains = m.aliases.find((a) => normalizeName(a).includes(q));
    if (postcode) scored.push([0, { municipality: m, via: postcode }]);
    else if (name.startsWith(q)) scored.push([1, { municipality: m, via: null }]);
    else if (aliasStarts) scored.push([2, { municipality: m, via: aliasStarts }]);
    else if (name.includes(q)) scored.push([3, { municipality: m, via: null }]);
    else if (aliasContains) scored.push([4, { municipality: m, via: aliasContains }]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].municipality.name.localeCompare(b[1].municipality.name, 'nl'))
    .slice(0, limit)
    .map(([, s]) => s);
}

/** The municipalities of `suggestMatches`, for callers that do not show why one matched. */
export function suggestMunicipalities<M extends MunicipalityRecord>(query: string, list: readonly M[], limit = 8): M[] {
  return suggestMatches(query, list, limit).map((s) => s.municipality);
}
