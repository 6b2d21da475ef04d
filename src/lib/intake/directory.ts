import generated from './generated/directory.json';
import type { MunicipalityRecord } from '../lookup';

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

/** The line a professional calls when the form cannot deliver: a professionals' line first. */
export function phoneFor(centre: DirectoryCentre): string | null {
  const line = centre.phoneLines.find((l) => l.audience === 'professionelen') ?? centre.phoneLines[0];
  return line?.number ?? null;
}
