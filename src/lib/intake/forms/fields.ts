// A namespace import lets the bundler drop what is unused (the named `z` pulls in all of zod, ~450 KB).
import * as z from 'zod';
import { code, genericCodes } from '../codes';

/**
 * Field builders shared by both intake schemas. Every string is trimmed first and has a
 * maximum length; the first argument is the code for "empty or wrong". Each builder also
 * declares, once, how the field shows: `.meta()` carries its control, label, hint,
 * autocomplete, options, required flag and maximum length, taken from the same numbers
 * the checks use. The form view, the check step, the centre mail and the browser's check
 * all derive from it (definition.ts); nothing repeats a limit or a required flag.
 */
export const FREE_TEXT_MAX = 4000;

export type FieldType = 'text' | 'email' | 'tel' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'checkbox' | 'year' | 'municipality' | 'centre';

/** How a field shows, as declared on its schema with `.meta()`. */
export interface FieldMeta {
  type: FieldType;
  /** Key under `intake.field.` (and `intake.mailField.`); defaults to the field's dotted name. */
  label?: string;
  /** Key under `intake.hint.` when the field has a hint. */
  hint?: string;
  /** The HTML autocomplete token, e.g. `work email`. */
  autocomplete?: string;
  options?: readonly string[];
  /** Key under `intake.option.` for the option labels. */
  optionSet?: string;
  required?: boolean;
  /**
   * Key under `intake.oneOf.` said instead of "(niet verplicht)" on a field that may stay empty
   * only when another one is filled (advice: a municipality or a centre), e.g. `placeCentre`.
   */
  oneOf?: string;
  max?: number;
}

/** What a schema author may set; the rest follows from the builder. */
export type View = Partial<Pick<FieldMeta, 'type' | 'label' | 'hint' | 'autocomplete' | 'optionSet' | 'oneOf'>>;

const view = <T extends z.ZodType>(schema: T, meta: FieldMeta): T => schema.meta({ ...meta }) as T;

/** A required single-line text. */
export const requiredText = (missing: string, max: number, v: View = {}) =>
  view(z.string({ error: code(missing) }).trim().min(1, missing).max(max, genericCodes.tooLong), { type: 'text', required: true, max, ...v });

/** An optional single-line or free text; an empty field is the same as a missing one. */
export const optionalText = (max: number, v: View = {}) =>
  view(z.string({ error: genericCodes.invalid }).trim().max(max, genericCodes.tooLong).optional(), { type: 'text', max, ...v });

/** A work e-mail address. */
export const email = (missing: string, v: View = {}) =>
  view(z.string({ error: code(missing) }).trim().min(1, missing).max(254, genericCodes.tooLong)
    .pipe(z.email({ error: code('email.format') })), { type: 'email', required: true, max: 254, autocomplete: 'work email', hint: 'workEmail', ...v });

const phonePattern = /^\+?[0-9][0-9 ./()-]{5,24}$/;
/** A Belgian or international work phone number as people type it. */
export const phone = (missing: string, v: View = {}) =>
  view(z.string({ error: code(missing) }).trim().min(1, missing).max(30, genericCodes.tooLong)
    .regex(phonePattern, code('phone.format')), { type: 'tel', required: true, max: 30, autocomplete: 'work tel', ...v });

export const optionalPhone = (v: View = {}) =>
  view(z.string({ error: genericCodes.invalid }).trim().max(30, genericCodes.tooLong)
    .refine((x) => x === '' || phonePattern.test(x), code('phone.format')).optional(), { type: 'tel', max: 30, autocomplete: 'work tel', ...v });

/** One choice from a fixed list; `missing` when empty or not on the list. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, missing: string, v: View = {}) =>
  view(z.enum(values, { error: code(missing) }), { type: 'select', required: true, options: values, ...v });

/** An optional choice: empty string or absent means "not answered". */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, v: View = {}) =>
  view(z.union([z.literal(''), z.enum(values)], { error: genericCodes.invalid }).optional(), { type: 'radios', options: values, ...v });

/** Several choices from a fixed list (checkboxes). */
export const choices = <const T extends readonly [string, ...string[]]>(values: T, min: number, missing: string, v: View = {}) =>
  view(z.array(z.enum(values, { error: genericCodes.invalid }), { error: code(missing) })
    .max(values.length, genericCodes.tooMany)
    .refine((list) => new Set(list).size === list.length, genericCodes.invalid)
    .refine((list) => list.length >= min, code(missing)), { type: 'checkboxes', required: min > 0, options: values, ...v });

/** A single checkbox that must be ticked; its value is "ja". */
export const mustConfirm = (missing: string, v: View = {}) => view(z.literal('ja', { error: code(missing) }), { type: 'checkbox', required: true, ...v });

/** An optional checkbox; its value is "ja" when ticked. */
export const optionalCheckbox = (v: View = {}) => view(z.literal('ja', { error: genericCodes.invalid }).optional(), { type: 'checkbox', ...v });

/** A four-digit year between 1900 and this year. */
export const birthYear = (missing: string | null, v: View = {}) => {
  const year = z.string({ error: code(missing ?? 'birthYear.format') }).trim()
    .regex(/^\d{4}$/, code('birthYear.format'))
    .refine((y) => Number(y) >= 1900 && Number(y) <= new Date().getFullYear(), code('birthYear.range'));
  const meta: FieldMeta = { type: 'year', required: Boolean(missing), ...v };
  if (missing) return view(z.string({ error: code(missing) }).trim().min(1, missing).pipe(year), meta);
  return view(z.union([z.literal(''), year], { error: code('birthYear.format') }).optional(), meta);
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
export const centreChoice = (v: View = {}) =>
  view(z.string({ error: genericCodes.invalid }).trim().max(40, genericCodes.tooLong).regex(/^[a-z-]*$/, code('centre.unknown')).optional(), { type: 'centre', ...v });
