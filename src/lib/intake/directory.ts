import generated from './generated/directory.json';
import type { MunicipalityRecord } from '../lookup';
import type { FormKind } from './kinds';

/**
 * The centres and municipalities as the intake needs them, generated from the content
 * files by scripts/generate-directory.mjs (the functions cannot read astro:content).
 */
export interface DirectoryCentre {
  id: string;
  name: string;
  shortName: string;
  /** Three capitals used in references, e.g. `OVL`. */
  code: string;
  status: 'operationeel' | 'opstartend' | 'beperkt';
  statusNote: string | null;
  /** `null` while the centre has not given a mailbox ("onbekend" in the content). */
  referralMailbox: string | null;
  adviceMailbox: string | null;
  phoneLines: Array<{ id: string; name: string; number: string; audience: string }>;
  tracks: Array<{ track: number; status: string; municipalities: string[] | null }>;
}

export interface Directory {
  centres: DirectoryCentre[];
  municipalities: MunicipalityRecord[];
}

export const directory = generated as Directory;

/** The centre's mailbox for a form, or null while the centre has none for it. */
export function mailboxFor(centre: DirectoryCentre, kind: FormKind): string | null {
  return kind === 'referral' ? centre.referralMailbox : centre.adviceMailbox;
}

/**
 * The general line for questions about violence, abuse and child abuse, as the page
 * "noodnummers" names it (src/content/pages/noodnummers.mdx): given when a centre has no
 * line of its own, never a number made up for the centre.
 */
export const GENERAL_LINE = '1712';

/** The line a professional calls when the form cannot deliver: a professionals' line first, else the general line. */
export function phoneFor(centre: DirectoryCentre): { phone: string; line: 'centre' | 'general' } {
  const line = centre.phoneLines.find((l) => l.audience === 'professionelen') ?? centre.phoneLines[0];
  return line ? { phone: line.number, line: 'centre' } : { phone: GENERAL_LINE, line: 'general' };
}
