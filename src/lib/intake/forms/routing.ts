import { lookupMunicipality, type MunicipalityRecord } from '../../lookup';
import { code } from '../codes';
import type { Directory, DirectoryCentre } from '../directory';
import type { FormKind } from '../kinds';
import { nextStep } from '../../reach';
import { nextStepText } from '../../reach-text';

/** Where a submission goes, or why it cannot go anywhere (an error code on a field). */
export type Route =
  | { ok: true; centre: DirectoryCentre; municipality: MunicipalityRecord | null; overridden: boolean; shortSupport: boolean }
  | { ok: false; field: string; code: string; centre?: DirectoryCentre; params?: Record<string, string> };

const codes = {
  unknown: code('municipality.unknown'),
  brussels: code('municipality.brussels'),
  unknownCentre: code('centre.unknown'),
  // The centre cannot receive this form: the message names the next step that does exist.
  notReceiving: { referral: code('centre.notReceiving.referral'), advice: code('centre.notReceiving.advice') },
  closedForNew: code('centre.closedForNew'),
};

/** Short case support (track 2) is offered only where the centre's content says so. */
export function offersShortSupport(centre: DirectoryCentre, municipality: MunicipalityRecord | null): boolean {
  return centre.tracks.some((t) =>
    t.track === 2 && t.status === 'aangeboden' &&
    (t.municipalities === null || (municipality !== null && t.municipalities.includes(municipality.id))));
}

/**
 * Maps what the referrer typed to a centre: the centre that serves the municipality, or
 * the centre they chose on purpose. Never routes to a centre that cannot receive the form
 * (src/lib/reach.ts: no mailbox, or a referral to a centre that takes no new families);
 * the refusal carries the next step that does exist.
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
  const step = nextStep(chosen, 'professionals', { form: kind, region: municipality?.region ?? 'vlaanderen', alternatives: dir.alternatives });
  if (step.kind !== 'form') {
    const refusal = step.kind !== 'brussels' && step.closedForNew ? codes.closedForNew : codes.notReceiving[kind];
    return {
      ok: false, field: input.centreOverride ? 'centreOverride' : 'municipality', code: refusal, centre: chosen,
      params: { centre: chosen.name, id: chosen.id, next: nextStepText(step) },
    };
  }
  return {
    ok: true,
    centre: chosen,
    municipality,
    overridden: Boolean(input.centreOverride) && chosen.id !== served?.id,
    shortSupport: offersShortSupport(chosen, municipality),
  };
}
