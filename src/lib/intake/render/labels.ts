import { t, type UiKey } from '../../../i18n';
import nl from '../../../i18n/nl.json';
import type { FieldDef } from '../forms/definition';
import { cleanText, mailValue } from './text';

/** Labels and values as people read them: shared by the form view, the check step and the centre mail. */
const k = (key: string, params?: Record<string, string | number>) => t(key as UiKey, params);

/** The label on the form; the centre's mail uses its own wording where the form speaks to the referrer ("Je naam"). */
export function fieldLabel(field: FieldDef, audience: 'form' | 'centre' = 'form'): string {
  const key = field.label ?? field.name;
  return audience === 'centre' && `intake.mailField.${key}` in nl ? k(`intake.mailField.${key}`) : k(`intake.field.${key}`);
}

/**
 * A field's value as people read it: option labels instead of codes, nothing for empty.
 * For the centre's mail (`audience: 'centre'`) typed text is also defanged.
 */
export function displayValue(field: FieldDef, value: unknown, audience: 'form' | 'centre' = 'form'): string | null {
  if (value === undefined || value === null || value === '') return null;
  const option = (v: string) => (field.optionSet ? k(`intake.option.${field.optionSet}.${v}`) : v);
  if (Array.isArray(value)) return value.length ? value.map((v) => option(String(v))).join(', ') : null;
  if (field.type === 'checkbox') return value === 'ja' ? k('intake.mail.yes') : null;
  if (field.type === 'centre') return null;
  if (field.optionSet) return option(String(value));
  return audience === 'centre' ? mailValue(String(value), field.type === 'textarea') : cleanText(String(value), field.type === 'textarea');
}

