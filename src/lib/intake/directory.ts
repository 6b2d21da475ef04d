import generated from './generated/directory.json';
import type { MunicipalityRecord } from '../lookup';
import type { FormKind } from './kinds';
import { canReceive, mailboxOf, professionalLines, type directoryCentre, type ProfessionalAlternative } from '../reach';

/**
 * The centres and municipalities as the intake needs them, generated from the content
 * files by scripts/generate-directory.mjs with src/lib/reach.ts (the functions cannot
 * read astro:content). What a centre can receive is decided in reach.ts, never here.
 */
export type DirectoryCentre = ReturnType<typeof directoryCentre>;

export interface Directory {
  centres: DirectoryCentre[];
  municipalities: MunicipalityRecord[];
  /** Sourced places a professional can go while a centre has no channel (src/content/settings). */
  alternatives: ProfessionalAlternative[];
}

export const directory = generated as Directory;

/** The centre's mailbox for a form, or null when the form cannot go there (no mailbox, or no new families). */
export function mailboxFor(centre: DirectoryCentre, kind: FormKind): string | null {
  return canReceive(centre, kind) ? mailboxOf(centre, kind) : null;
}

/**
 * The line a professional calls when the form cannot deliver: a line for professionals
 * (or for everyone) of the centre, never a victims' line and never a line made up for
 * the centre; `none` when the centre has no such line on the site.
 */
export function phoneFor(centre: DirectoryCentre): { phone: string; line: 'centre' | 'none' } {
  const line = professionalLines(centre)[0];
  return line ? { phone: line.number, line: 'centre' } : { phone: '', line: 'none' };
}
