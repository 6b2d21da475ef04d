/**
 * Which of a centre's scoped facts hold for one place, and which caveat a reader there
 * must see. A fact from a source holds for the places the source names (a pilot zone, a
 * city that did not join, the places a front office serves), on the source's date; the
 * views show it with that scope and date, never as the whole area's offer today. Pure,
 * so the Dutch answer, the translated answers and the centre page decide alike.
 */

export type LimitKind = 'piloot' | 'niet-mee' | 'uitbreiding-gepland';
export interface AreaLimitInput { kind: LimitKind; policeZones?: string[]; municipalities?: string[]; note: string; asOf: string }
export interface ScopePlace { id: string; name: string; policeZone?: string }

/**
 * Where this place stands towards one limit: `in` (the limit names it), `outside` (the
 * limit names places, not this one), `unknown` (the source names no places).
 */
export type Position = 'in' | 'outside' | 'unknown';

export function positionOf(limit: Pick<AreaLimitInput, 'policeZones' | 'municipalities'>, place: ScopePlace): Position {
  const zones = limit.policeZones ?? [];
  const ids = limit.municipalities ?? [];
  if (zones.length === 0 && ids.length === 0) return 'unknown';
  return ids.includes(place.id) || (place.policeZone !== undefined && zones.includes(place.policeZone)) ? 'in' : 'outside';
}

export interface AreaCaveat extends AreaLimitInput { position: Position }

/**
 * The area caveats a municipality answer shows: a pilot (inside or not, so the reader
 * knows whether the place is in it), a refusal to join where it names this place, and
 * a planned roll-out (always a plan, never today's offer).
 */
export function areaCaveatsFor(place: ScopePlace, limits: readonly AreaLimitInput[]): AreaCaveat[] {
  return limits
    .map((l) => ({ ...l, position: positionOf(l, place) }))
    .filter((l) => l.kind !== 'niet-mee' || l.position === 'in');
}

/** Places a scoped fact holds for; a fact without `municipalities` holds for the whole area. */
export function holdsFor(fact: { municipalities?: readonly string[] }, placeId: string): boolean {
  return !fact.municipalities || fact.municipalities.includes(placeId);
}

/** The centre's places that serve this municipality (a front office only where it serves). */
export function locationsFor<L extends { municipalities?: readonly string[] }>(placeId: string, locations: readonly L[]): L[] {
  return locations.filter((l) => holdsFor(l, placeId));
}

/** Names of the municipalities a scoped fact holds for, in the list's order, for a view that lists them. */
export function scopeNames(fact: { municipalities?: readonly string[] }, all: readonly { id: string; name: string }[]): string[] | undefined {
  if (!fact.municipalities) return undefined;
  return fact.municipalities.map((id) => {
    const m = all.find((x) => x.id === id);
    if (!m) throw new Error(`scope: unknown municipality "${id}"`);
    return m.name;
  });
}
