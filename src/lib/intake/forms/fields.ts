import { z } from 'zod';
import { code, genericCodes } from '../codes';

/**
 * Field builders shared by both intake schemas. Every string is trimmed first and has a
 * maximum length; the first argument is the code for "empty or wrong".
 */
export const FREE_TEXT_MAX = 4000;

/** A required single-line text. */
export const requiredText = (missing: string, max: number) =>
  z.string({ error: code(missing) }).trim().min(1, missing).max(max, genericCodes.tooLong);

/** An optional single-line or free text; an empty field is the same as a missing one. */
export const optionalText = (max: number) =>
  z.string({ error: genericCodes.invalid }).trim().max(max, genericCodes.tooLong).optional();

/** A work e-mail address. */
export const email = (missing: string) =>
  z.string({ error: code(missing) }).trim().min(1, missing).max(254, genericCodes.tooLong)
    .pipe(z.email({ error: code('email.format') }));

const phonePattern = /^\+?[0-9][0-9 ./()-]{5,24}$/;
/** A Belgian or international work phone number as people type it. */
export const phone = (missing: string) =>
  z.string({ error: code(missing) }).trim().min(1, missing).max(30, genericCodes.tooLong)
    .regex(phonePattern, code('phone.format'));

export const optionalPhone = () =>
  z.string({ error: genericCodes.invalid }).trim().max(30, genericCodes.tooLong)
    .refine((v) => v === '' || phonePattern.test(v), code('phone.format')).optional();

/** One choice from a fixed list; `missing` when empty or not on the list. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, missing: string) =>
  z.enum(values, { error: code(missing) });

/** An optional choice: empty string or absent means "not answered". */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values)], { error: genericCodes.invalid }).optional();

/** Several choices from a fixed list (checkboxes). */
export const choices = <const T extends readonly [string, ...string[]]>(values: T, min: number, missing: string) =>
  z.array(z.enum(values, { error: genericCodes.invalid }), { error: code(missing) })
    .max(values.length, genericCodes.tooMany)
    .refine((list) => new Set(list).size === list.length, genericCodes.invalid)
    .refine((list) => list.length >= min, code(missing));

/** A single checkbox that must be ticked; its value is "ja". */
export const mustConfirm = (missing: string) => z.literal('ja', { error: code(missing) });

/** An optional checkbox; its value is "ja" when ticked. */
export const optionalCheckbox = () => z.literal('ja', { error: genericCodes.invalid }).optional();

/** A four-digit year between 1900 and this year. */
export const birthYear = (missing: string | null) => {
  const year = z.string({ error: code(missing ?? 'birthYear.format') }).trim()
    .regex(/^\d{4}$/, code('birthYear.format'))
    .refine((y) => Number(y) >= 1900 && Number(y) <= new Date().getFullYear(), code('birthYear.range'));
  if (missing) return z.string({ error: code(missing) }).trim().min(1, missing).pipe(year);
  return z.union([z.literal(''), year], { error: code('birthYear.format') }).optional();
};

/** A repeating group (adults, children): rows the user left completely empty are dropped. */
export function rows<T extends z.ZodType>(row: T, min: number, max: number, tooFew: string, firstField: string) {
  const isBlank = (v: unknown) =>
    v === undefined || v === null ||
    (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => x === undefined || x === ''));
  const tooFewCode = code(tooFew);
  return z
    .array(z.preprocess((v) => (isBlank(v) ? null : v), row.nullable()), { error: genericCodes.invalid })
    .max(max, genericCodes.tooMany)
    .transform((list) => list.filter((r): r is NonNullable<typeof r> => r !== null))
    .superRefine((list, ctx) => {
      if (list.length < min) ctx.addIssue({ code: 'custom', message: tooFewCode, path: [0, firstField] });
    });
}

/** The centre override: empty for "the centre of the municipality", or a centre id. */
export const centreChoice = () =>
  z.string({ error: genericCodes.invalid }).trim().max(40, genericCodes.tooLong).regex(/^[a-z-]*$/, code('centre.unknown')).optional();
