/**
 * What one municipality's lookup result shows: which tracks its centre offers
 * there and which front office is closest. Pure, so the static page per
 * municipality and the browser result (which loads that page) say the same thing.
 */
import { normalizeName } from './lookup';

export interface TrackHere { track: 0 | 1 | 2 | 3; status: 'aangeboden' | 'gepland'; municipalities?: string[]; note?: string; asOf?: string }
export interface OfficeInput { kind: 'backoffice' | 'frontoffice'; name: string; address?: { street: string; postcode: string; city: string }; note?: string }
export interface PlaceRef { id: string; name: string; postcodes: string[]; policeZone?: string }

/** Tracks in order 0-3 that the centre offers (or plans) in this municipality; a track limited to other places is left out. */
export function tracksIn<T extends TrackHere>(municipalityId: string, tracks: readonly T[]): T[] {
  return tracks.filter((t) => !t.municipalities || t.municipalities.includes(municipalityId)).sort((a, b) => a.track - b.track);
}

/** True when `text` names `place` as whole words ("Frontoffice Vlaamse Ardennen" names "Vlaamse Ardennen"). */
function names(text: string, place: string): boolean {
  const p = normalizeName(place);
  return p.length > 0 && `-${normalizeName(text)}-`.includes(`-${p}-`);
}

/** Does this office lie in (or is it named after) one of these places? */
function servesPlaces<O extends OfficeInput>(office: O, places: readonly PlaceRef[]): boolean {
  return places.some((m) =>
    (office.address && m.postcodes.includes(office.address.postcode)) ||
    names(office.address?.city ?? '', m.name) || names(office.name, m.name));
}

/**
 * The front offices closest to a municipality, without coordinates: one in the
 * municipality itself, else one in (or named after) its police zone, else every
 * front office of the centre so the reader can choose.
 */
export function nearestFrontOffices<O extends OfficeInput>(
  municipality: PlaceRef,
  offices: readonly O[],
  all: readonly PlaceRef[],
): { match: 'municipality' | 'policeZone' | 'all'; offices: O[] } {
  const front = offices.filter((o) => o.kind === 'frontoffice');
  const same = front.filter((o) => servesPlaces(o, [municipality]));
  if (same.length) return { match: 'municipality', offices: same };
  const zone = municipality.policeZone;
  if (zone) {
    const zonePlaces = all.filter((m) => m.policeZone === zone);
    const zoneName = zone.replace(/^PZ\s+/i, '');
    const near = front.filter((o) => servesPlaces(o, zonePlaces) || names(o.name, zoneName));
    if (near.length) return { match: 'policeZone', offices: near };
  }
  return { match: 'all', offices: front };
}

export interface IndexGroup<M> { anchor: string; title: string; centreId: string | null; municipalities: M[] }

/**
 * The /gemeenten/ index: one group per centre (in the order of their short names),
 * Brussels last, municipalities in Dutch alphabetical order. A centre serving
 * none (not yet assigned) is left out.
 */
export function municipalityIndex<M extends { name: string; centre: string | null }>(
  centres: readonly { id: string; data: { shortName: string } }[],
  municipalities: readonly M[],
  brusselsTitle = 'Brussel',
): IndexGroup<M>[] {
  const byName = (a: M, b: M) => a.name.localeCompare(b.name, 'nl');
  const groups: IndexGroup<M>[] = [...centres]
    .sort((a, b) => a.data.shortName.localeCompare(b.data.shortName, 'nl'))
    .map((c) => ({ anchor: `centrum-${c.id}`, title: c.data.shortName, centreId: c.id, municipalities: municipalities.filter((m) => m.centre === c.id).sort(byName) }))
    .filter((g) => g.municipalities.length > 0);
  const brussels = municipalities.filter((m) => m.centre === null).sort(byName);
  if (brussels.length) groups.push({ anchor: 'gewest-brussel', title: brusselsTitle, centreId: null, municipalities: brussels });
  return groups;
}
