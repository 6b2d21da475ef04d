import type { z } from 'zod';
import { t, type UiKey } from '../../../i18n';
import { genericCodes, registeredCodes } from '../codes';

/** One field error as the API returns it and the page shows it. */
export interface FieldError {
  /** The form's own `name` attribute, dotted for nested fields, e.g. `children.1.birthYear`. */
  field: string;
  /** Dutch text that says what to do. */
  message: string;
}

/** Dutch wording of an error code, e.g. `referrer.email.required`. */
export function messageFor(errorCode: string, params: Record<string, string | number> = {}): string {
  const known = registeredCodes.has(errorCode) ? errorCode : genericCodes.invalid;
  return t(`intake.error.${known}` as UiKey, params);
}

/** The field name of the one error for names that are not on the form; it has no input to link to. */
export const UNKNOWN_FIELDS = 'form';

/** Turns zod issues into one error per field, first issue wins, in form order. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const seen = new Map<string, string>();
  const add = (field: string, message: string) => {
    if (!seen.has(field)) seen.set(field, message);
  };
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // One error for all of them: a request full of made-up names must not grow the answer.
      add(UNKNOWN_FIELDS, messageFor(genericCodes.unknownField));
      continue;
    }
    const params: Record<string, number> = issue.code === 'too_big' ? { max: Number(issue.maximum) } : {};
    add(base || 'form', messageFor(issue.message, params));
  }
  return [...seen].map(([field, message]) => ({ field, message }));
}
