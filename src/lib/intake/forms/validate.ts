import type { z } from 'zod';
import { adviceSchema, type AdviceRequest } from './advice';
import { code } from '../codes';
import type { Directory, DirectoryCentre } from '../directory';
import { fieldErrors, messageFor, type FieldError } from './errors';
import { referralSchema, type Referral } from './referral';
import type { FormKind } from '../kinds';
import { route } from './routing';
import { inFormOrder } from './definition';

export type Validated<K extends FormKind> =
  | { ok: true; kind: K; data: K extends 'referral' ? Referral : AdviceRequest; centre: DirectoryCentre; shortSupport: boolean; municipalityName: string | null; overridden: boolean }
  | { ok: false; errors: FieldError[] };

const schemas = { referral: referralSchema, advice: adviceSchema } as const;
const shortSupportNotOffered = code('offer.notOffered');
const placeMissing = { referral: code('municipality.required'), advice: code('advice.place.required') } as const;

/**
 * One validation for the page (before sending) and the function (on arrival):
 * the form's schema, then the routing of the municipality to a centre.
 */
export function validate<K extends FormKind>(kind: K, input: unknown, dir: Directory): Validated<K> {
  const result = validateUnordered(kind, input, dir);
  return result.ok ? result : { ok: false, errors: inFormOrder(kind, result.errors) };
}

function validateUnordered<K extends FormKind>(kind: K, input: unknown, dir: Directory): Validated<K> {
  const parsed = (schemas[kind] as z.ZodType).safeParse(input);
  const errors = parsed.success ? [] : fieldErrors(parsed.error.issues);
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const place = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const wanted = { municipality: text(place.municipality), centreOverride: text(place.centreOverride) };
  if (!wanted.municipality && !wanted.centreOverride) {
    const missing = { field: 'municipality', message: messageFor(placeMissing[kind]) };
    return { ok: false, errors: [missing, ...errors.filter((e) => e.field !== 'municipality')] };
  }
  if (errors.some((e) => e.field === 'municipality' || e.field === 'centreOverride')) return { ok: false, errors };
  const where = route(wanted, kind, dir);
  if (!where.ok) {
    const params: Record<string, string> = where.params ?? (where.centre ? { centre: where.centre.name, id: where.centre.id } : {});
    return { ok: false, errors: [{ field: where.field, message: messageFor(where.code, params) }, ...errors] };
  }
  if (kind === 'referral' && parsed.success && (parsed.data as Referral).offer === 'kortdurend' && !where.shortSupport) {
    errors.push({ field: 'offer', message: messageFor(shortSupportNotOffered, { centre: where.centre.name }) });
  }
  if (!parsed.success || errors.length) return { ok: false, errors };
  return {
    ok: true, kind, data: parsed.data as never, centre: where.centre, shortSupport: where.shortSupport,
    municipalityName: where.municipality?.name ?? null, overridden: where.overridden,
  };
}
