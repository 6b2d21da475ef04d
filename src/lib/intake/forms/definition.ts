import { contactWays } from './advice';
import { FREE_TEXT_MAX } from './fields';
import {
  MAX_ADULTS, MAX_CHILDREN, offers, riskSignals, roles, sectors, violenceKinds, yesNoUnknown,
} from './referral';
import type { FormKind } from '../kinds';

/**
 * The two forms as data: one definition renders the page, the check-your-answers step
 * and the centre's mail, so labels and order are the same everywhere. Labels are keys
 * under `intake.field.*`, option labels under `intake.option.<set>.<value>`.
 */
export type FieldType = 'text' | 'email' | 'tel' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'checkbox' | 'year' | 'municipality' | 'centre';

export interface FieldDef {
  /** Dotted name inside its section or row, e.g. `referrer.email` or `birthYear`. */
  name: string;
  type: FieldType;
  /** Key under `intake.field.`; defaults to the name. */
  label?: string;
  /** Key under `intake.hint.` when the field has a hint. */
  hint?: string;
  options?: readonly string[];
  /** Key under `intake.option.` for the option labels. */
  optionSet?: string;
  required?: boolean;
  max?: number;
  autocomplete?: string;
}

export interface SectionDef {
  id: string;
  fields: FieldDef[];
  /** A repeating group of rows named `<repeat>.<i>.<field>`. */
  repeat?: { name: string; max: number; visible: number; min: number };
}

const referral: SectionDef[] = [
  { id: 'referrer', fields: [
    { name: 'referrer.name', type: 'text', required: true, max: 120, autocomplete: 'name' },
    { name: 'referrer.organisation', type: 'text', required: true, max: 160, autocomplete: 'organization' },
    { name: 'referrer.sector', type: 'select', required: true, options: sectors, optionSet: 'sector' },
    { name: 'referrer.function', type: 'text', max: 120, autocomplete: 'organization-title' },
    { name: 'referrer.phone', type: 'tel', required: true, max: 30, autocomplete: 'work tel' },
    { name: 'referrer.email', type: 'email', required: true, max: 254, autocomplete: 'work email', hint: 'workEmail' },
    { name: 'referrer.reachable', type: 'text', max: 200, hint: 'reachable' },
  ] },
  { id: 'place', fields: [
    { name: 'municipality', type: 'municipality', required: true, max: 80, hint: 'municipality' },
    { name: 'centreOverride', type: 'centre', hint: 'centreOverride' },
    { name: 'offer', type: 'radios', required: true, options: offers, optionSet: 'offer' },
  ] },
  { id: 'adults', repeat: { name: 'adults', max: MAX_ADULTS, visible: 2, min: 1 }, fields: [
    { name: 'role', type: 'select', required: true, options: roles, optionSet: 'role', label: 'adult.role' },
    { name: 'name', type: 'text', max: 80, label: 'adult.name', hint: 'initials' },
    { name: 'birthYear', type: 'year', label: 'adult.birthYear' },
    { name: 'language', type: 'text', max: 80, label: 'adult.language' },
    { name: 'interpreter', type: 'checkbox', label: 'adult.interpreter' },
  ] },
  { id: 'children', repeat: { name: 'children', max: MAX_CHILDREN, visible: 2, min: 0 }, fields: [
    { name: 'birthYear', type: 'year', required: true, label: 'child.birthYear' },
    { name: 'relation', type: 'text', max: 120, label: 'child.relation', hint: 'relation' },
  ] },
  { id: 'safety', fields: [
    { name: 'safety.call', type: 'radios', options: yesNoUnknown, optionSet: 'yesNoUnknown' },
    { name: 'safety.times', type: 'text', max: 200 },
    { name: 'safety.message', type: 'radios', options: yesNoUnknown, optionSet: 'yesNoUnknown' },
  ] },
  { id: 'situation', fields: [
    { name: 'violence', type: 'checkboxes', required: true, options: violenceKinds, optionSet: 'violence' },
    { name: 'police', type: 'radios', options: yesNoUnknown, optionSet: 'yesNoUnknown' },
    { name: 'policeReport', type: 'text', max: 40, hint: 'policeReport' },
    { name: 'risks', type: 'checkboxes', options: riskSignals, optionSet: 'risk', hint: 'risks' },
    { name: 'helpSoFar', type: 'textarea', max: FREE_TEXT_MAX },
    { name: 'question', type: 'textarea', required: true, max: FREE_TEXT_MAX, hint: 'question' },
  ] },
  { id: 'consent', fields: [
    { name: 'familyInformed', type: 'radios', required: true, options: ['ja', 'nee'], optionSet: 'yesNo' },
    { name: 'familyInformedReason', type: 'textarea', max: 1000, hint: 'familyInformedReason' },
    { name: 'legalBasis', type: 'checkbox', required: true },
  ] },
];

const advice: SectionDef[] = [
  { id: 'referrer', fields: [
    { name: 'name', type: 'text', required: true, max: 120, autocomplete: 'name', label: 'referrer.name' },
    { name: 'organisation', type: 'text', required: true, max: 160, autocomplete: 'organization', label: 'referrer.organisation' },
    { name: 'sector', type: 'select', required: true, options: sectors, optionSet: 'sector', label: 'referrer.sector' },
    { name: 'email', type: 'email', required: true, max: 254, autocomplete: 'work email', label: 'referrer.email', hint: 'workEmail' },
    { name: 'phone', type: 'tel', max: 30, autocomplete: 'work tel', label: 'advice.phone' },
  ] },
  { id: 'advicePlace', fields: [
    { name: 'municipality', type: 'municipality', max: 80, hint: 'adviceMunicipality' },
    { name: 'centreOverride', type: 'centre', label: 'advice.centre', hint: 'adviceCentre' },
  ] },
  { id: 'adviceQuestion', fields: [
    { name: 'contact', type: 'radios', options: contactWays, optionSet: 'contact' },
    { name: 'contactTimes', type: 'text', max: 200 },
    { name: 'question', type: 'textarea', required: true, max: FREE_TEXT_MAX, label: 'advice.question', hint: 'adviceQuestion' },
  ] },
];

export const formDefinitions: Record<FormKind, SectionDef[]> = { referral, advice };

/** The multi-value fields of a form (checkbox groups). */
export function multiFieldsOf(kind: FormKind): string[] {
  return formDefinitions[kind].flatMap((s) => (s.repeat ? [] : s.fields.filter((f) => f.type === 'checkboxes').map((f) => f.name)));
}

/** Value at a dotted path of the parsed data. */
export function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}
