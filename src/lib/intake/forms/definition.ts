import type * as z from 'zod';
import type { FormKind } from '../kinds';
import { adviceSchema } from './advice';
import type { FieldMeta } from './fields';
import { adult, child, MAX_ADULTS, MAX_CHILDREN, referralSchema } from './referral';

/**
 * The two forms as the page, the check step and the centre's mail show them: sections in
 * order, each listing the schema's fields by name. Everything about a field (control,
 * label, hint, autocomplete, options, required, maximum length) is read from the `.meta()`
 * its builder declared on the schema (fields.ts), so it is written once.
 */
export type { FieldType } from './fields';

export interface FieldDef extends FieldMeta {
  /** Dotted name inside its section or row, e.g. `referrer.email` or `birthYear`. */
  name: string;
}

export interface SectionDef {
  id: string;
  fields: FieldDef[];
  /** A repeating group of rows named `<repeat>.<i>.<field>`. */
  repeat?: { name: string; max: number; visible: number; min: number };
}

type Shaped = { shape: Record<string, z.ZodType> };

/** The field schema at a dotted path, looking through `.optional()` around nested objects. */
function schemaAt(root: Shaped, path: string): z.ZodType {
  let node: unknown = root;
  for (const key of path.split('.')) {
    while (node && !(node as Partial<Shaped>).shape && typeof (node as { unwrap?: unknown }).unwrap === 'function') node = (node as { unwrap(): unknown }).unwrap();
    node = (node as Shaped).shape[key];
    if (!node) throw new Error(`intake form: no field ${path}`);
  }
  return node as z.ZodType;
}

/** The meta of a field, looking through an `.optional()` added around the builder's schema. */
function metaOf(schema: z.ZodType): FieldMeta | undefined {
  const meta = schema.meta() as FieldMeta | undefined;
  if (meta?.type) return meta;
  const inner = (schema as { unwrap?: () => z.ZodType }).unwrap;
  return typeof inner === 'function' ? metaOf(inner.call(schema)) : undefined;
}

function fieldsOf(root: Shaped, names: string[]): FieldDef[] {
  return names.map((name) => {
    const meta = metaOf(schemaAt(root, name));
    if (!meta?.type) throw new Error(`intake form: ${name} has no .meta() with its type`);
    return { ...meta, name };
  });
}

const referral: SectionDef[] = [
  { id: 'referrer', fields: fieldsOf(referralSchema, ['referrer.name', 'referrer.organisation', 'referrer.sector', 'referrer.function', 'referrer.phone', 'referrer.email', 'referrer.reachable']) },
  { id: 'place', fields: fieldsOf(referralSchema, ['municipality', 'centreOverride', 'offer']) },
  { id: 'adults', repeat: { name: 'adults', max: MAX_ADULTS, visible: 2, min: 1 }, fields: fieldsOf(adult, ['role', 'name', 'birthYear', 'language', 'interpreter']) },
  { id: 'children', repeat: { name: 'children', max: MAX_CHILDREN, visible: 2, min: 0 }, fields: fieldsOf(child, ['birthYear', 'relation']) },
  { id: 'safety', fields: fieldsOf(referralSchema, ['safety.call', 'safety.times', 'safety.message']) },
  { id: 'situation', fields: fieldsOf(referralSchema, ['violence', 'police', 'policeReport', 'risks', 'helpSoFar', 'question']) },
  { id: 'consent', fields: fieldsOf(referralSchema, ['familyInformed', 'familyInformedReason', 'legalBasis']) },
];

const advice: SectionDef[] = [
  { id: 'referrer', fields: fieldsOf(adviceSchema, ['name', 'organisation', 'sector', 'email', 'phone']) },
  { id: 'advicePlace', fields: fieldsOf(adviceSchema, ['municipality', 'centreOverride']) },
  { id: 'adviceQuestion', fields: fieldsOf(adviceSchema, ['contact', 'contactTimes', 'question']) },
];

export const formDefinitions: Record<FormKind, SectionDef[]> = { referral, advice };

/** Errors in the order their fields appear in the form (GOV.UK error summary); errors on no field go last. */
export function inFormOrder<T extends { field: string }>(kind: FormKind, errors: T[]): T[] {
  const rank = (field: string): number[] => {
    for (const [s, section] of formDefinitions[kind].entries()) {
      const row = section.repeat ? new RegExp(`^${section.repeat.name}\\.(\\d+)\\.(.+)$`).exec(field) : null;
      // A whole group or row list (`referrer`, `adults`) ranks as its first field.
      if (section.repeat?.name === field) return [s, 0, 0];
      if (section.repeat && !row) continue;
      const name = row ? row[2] : field;
      const f = section.fields.findIndex((x) => x.name === name || x.name.startsWith(`${name}.`));
      if (f >= 0) return [s, row ? Number(row[1]) : 0, f];
    }
    return [Infinity];
  };
  const ranked = errors.map((error) => ({ error, rank: rank(error.field) }));
  const compare = (a: number[], b: number[]): number => a.map((x, i) => x - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
  return ranked.sort((a, b) => compare(a.rank, b.rank)).map((r) => r.error);
}

/** The multi-value fields of a form (checkbox groups): in form data one ticked box arrives as a single value. */
export function multiFieldsOf(kind: FormKind): string[] {
  return formDefinitions[kind].flatMap((s) => (s.repeat ? [] : s.fields.filter((f) => f.type === 'checkboxes').map((f) => f.name)));
}

/** Value at a dotted path of the parsed data. */
export function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}
