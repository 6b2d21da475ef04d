import { lookupMunicipality, type MunicipalityRecord } from '../../lookup';
import { code } from '../codes';
import { mailboxFor, type Directory, type DirectoryCentre } from '../directory';
import type { FormKind } from '../kinds';

/** Where a submission goes, or why it cannot go anywhere (an error code on a field). */
export type Route =
  | { ok: true; centre: DirectoryCentre; municipality: MunicipalityRecord | null; overridden: boolean; shortSupport: boolean }
  | { ok: false; field: string; code: string; centre?: DirectoryCentre };

const codes = {
  unknown: code('municipality.unknown'),
  brussels: code('municipality.brussels'),
  unknownCentre: code('centre.unknown'),
  noMailbox: code('centre.noMailbox'),
};

/** Short case support (track 2) is offered only where the centre's content says so. */
export function offersShortSupport(centre: DirectoryCentre, municipality: MunicipalityRecord | null): boolean {
  return centre.tracks.some((t) =>
    t.track === 2 && t.status === 'aangeboden' &&
    (t.municipalities === null || (municipality !== null && t.municipalities.includes(municipality.id))));
}

/**
 * Maps what the referrer typed to a centre: the centre that serves the municipality, or
 * the centre they chose on purpose. Never routes to a centre without a mailbox.
 */
export function route(
  input: { municipality?: string; centreOverride?: string },
  kind: FormKind,
  dir: Directory,
): Route {
  let municipality: MunicipalityRecord | null = null;
  let served: DirectoryCentre | undefined;
  if (input.municipality) {
    const found = lookupMunicipality(input.municipality, dir.municipalities);
    if (found.kind === 'brussels') {
      if (!input.centreOverride) return { ok: false, field: 'municipality', code: codes.brussels };
      municipality = found.municipality;
    } else if (found.kind === 'unknown') {
      return { ok: false, field: 'municipality', code: codes.unknown };
    } else {
      municipality = found.municipality;
      served = dir.centres.find((c) => c.id === found.municipality.centre);
    }
  }
  const chosen = input.centreOverride ? dir.centres.find((c) => c.id === input.centreOverride) : served;
  if (!chosen) return { ok: false, field: input.centreOverride ? 'centreOverride' : 'municipality', code: codes.unknownCentre };
  if (!mailboxFor(chosen, kind)) {
    return { ok: false, field: input.centreOverride ? 'centreOverride' : 'municipality', code: codes.noMailbox, centre: chosen };
  }
  return {
    ok: true,
    centre: chosen,
    municipality,
    overridden: Boolean(input.centreOverride) && chosen.id !== served?.id,
    shortSupport: offersShortSupport(chosen, municipality),
  };
}
