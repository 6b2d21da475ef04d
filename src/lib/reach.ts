/**
 * What each centre offers whom, and the next step for a place, an audience and a form.
 * One model for every view: the centre page, the municipality answer in every language,
 * both forms (the preview while typing and the functions' answers), the confirmation
 * pages, /professionals/, the editor and the review report. Pure and generic over the
 * centre's shape, so the pages pass content entries, the functions the generated
 * directory (scripts/generate-directory.mjs writes it with `directoryCentre` below) and
 * the tests a fixture. A channel exists only when the data has it: no mailbox, no form.
 */
import type { Centre } from '../schemas/centre';
import type { ProfessionalAlternative } from '../schemas/alternative';
import type { FormKind } from './intake/kinds';
import { contentDay } from './dates';

export type { ProfessionalAlternative } from '../schemas/alternative';
export type ReachAudience = 'professionals' | 'victims';
export const FORM_KINDS: readonly FormKind[] = ['referral', 'advice'];

/** The least a centre needs for the rules below; content entries and the directory both have it. */
export interface ReachInput {
  id: string;
  name: string;
  status: 'operationeel' | 'opstartend' | 'beperkt';
  referralMailbox: string | null;
  adviceMailbox: string | null;
  phoneLines: readonly { audience: 'slachtoffers' | 'professionelen' | 'iedereen' }[];
  locations: readonly { kind: 'backoffice' | 'frontoffice'; name: string }[];
}

type LineOf<C extends ReachInput> = C['phoneLines'][number];
type LocationOf<C extends ReachInput> = C['locations'][number];

/**
 * A centre with status `beperkt` takes no new families (the content explains why in
 * `statusNote`): it receives no referrals, even when a mailbox is known.
 */
export function takesNewFamilies(c: Pick<ReachInput, 'status'>): boolean {
  return c.status !== 'beperkt';
}

/** The mailbox a form would go to, whatever the status; null while the centre has none. */
export function mailboxOf(c: Pick<ReachInput, 'referralMailbox' | 'adviceMailbox'>, kind: FormKind): string | null {
  return kind === 'referral' ? c.referralMailbox : c.adviceMailbox;
}

/** Can this form be sent to this centre: a mailbox for it, and for a referral a centre that takes new families. */
export function canReceive(c: Pick<ReachInput, 'status' | 'referralMailbox' | 'adviceMailbox'>, kind: FormKind): boolean {
  return mailboxOf(c, kind) !== null && (kind !== 'referral' || takesNewFamilies(c));
}

/** Lines a professional may call: for professionals or for everyone; never a victims' line. */
export function professionalLines<C extends ReachInput>(c: C): LineOf<C>[] {
  return c.phoneLines.filter((l) => l.audience !== 'slachtoffers') as LineOf<C>[];
}

/** Lines a victim or family may call: for victims or for everyone; never a professionals' line. */
export function victimLines<C extends ReachInput>(c: C): LineOf<C>[] {
  return c.phoneLines.filter((l) => l.audience !== 'professionelen') as LineOf<C>[];
}

export interface MailChannel { purpose: 'both' | 'referral' | 'advice'; address: string }

/** The mailboxes a professional may write to: one row when both forms share an address. */
export function professionalMail(c: Pick<ReachInput, 'status' | 'referralMailbox' | 'adviceMailbox'>): MailChannel[] {
  const referral = canReceive(c, 'referral') ? c.referralMailbox : null;
  const advice = canReceive(c, 'advice') ? c.adviceMailbox : null;
  if (referral && advice && referral.toLowerCase() === advice.toLowerCase()) return [{ purpose: 'both', address: referral }];
  return [
    ...(referral ? [{ purpose: 'referral' as const, address: referral }] : []),
    ...(advice ? [{ purpose: 'advice' as const, address: advice }] : []),
  ];
}

/** What a centre offers whom, channel by channel, as the data has it. */
export interface Reach<C extends ReachInput> {
  centre: C;
  professionals: { forms: FormKind[]; phone: LineOf<C>[]; mail: MailChannel[] };
  victims: { phone: LineOf<C>[]; frontOffices: LocationOf<C>[] };
  takesNewFamilies: boolean;
}

export function reachOf<C extends ReachInput>(c: C): Reach<C> {
  return {
    centre: c,
    professionals: { forms: FORM_KINDS.filter((k) => canReceive(c, k)), phone: professionalLines(c), mail: professionalMail(c) },
    victims: { phone: victimLines(c), frontOffices: c.locations.filter((l) => l.kind === 'frontoffice') as LocationOf<C>[] },
    takesNewFamilies: takesNewFamilies(c),
  };
}

/** How many ways the audience has to reach the centre on this site (forms, lines, mailboxes; lines and front offices). */
function channelCount(reach: Reach<ReachInput>, audience: ReachAudience): number {
  const { professionals: p, victims: v } = reach;
  return audience === 'professionals' ? p.forms.length + p.phone.length + p.mail.length : v.phone.length + v.frontOffices.length;
}

/** True when a professional has at least one way to reach the centre on this site. */
export function hasProfessionalChannel(c: ReachInput): boolean {
  return channelCount(reachOf(c), 'professionals') > 0;
}

/** The sourced alternatives that hold where this centre works (its region, and the centre when the source limits it). */
export function alternativesFor(
  alternatives: readonly ProfessionalAlternative[],
  where: { centre: string | null; region: 'vlaanderen' | 'brussel' },
): ProfessionalAlternative[] {
  return alternatives.filter((a) => a.regions.includes(where.region) && (!a.centres || (where.centre !== null && a.centres.includes(where.centre))));
}

/**
 * The next step for an audience at a centre (and for one form, when the reader is in it):
 * - `form`: this form can be sent to the centre;
 * - `channels`: the ways the data has (other form, lines, mailboxes; for victims lines and front offices);
 * - `none`: no channel for this audience on the site: what is known and the sourced alternatives;
 * - `brussels`: no centre (a Brussels municipality): the Brussels services.
 */
export type NextStep<C extends ReachInput> =
  | { kind: 'form'; form: FormKind; centre: C }
  | { kind: 'channels'; audience: ReachAudience; centre: C; reach: Reach<C>; refused: FormKind | null; closedForNew: boolean }
  | { kind: 'none'; audience: ReachAudience; centre: C; refused: FormKind | null; closedForNew: boolean; alternatives: ProfessionalAlternative[] }
  | { kind: 'brussels' };

export function nextStep<C extends ReachInput>(
  centre: C | null | undefined,
  audience: ReachAudience,
  options: { form?: FormKind; region?: 'vlaanderen' | 'brussel'; alternatives?: readonly ProfessionalAlternative[] } = {},
): NextStep<C> {
  if (!centre) return { kind: 'brussels' };
  const { form, region = 'vlaanderen', alternatives = [] } = options;
  if (audience === 'professionals' && form && canReceive(centre, form)) return { kind: 'form', form, centre };
  const reach = reachOf(centre);
  const refused = audience === 'professionals' && form ? form : null;
  const closedForNew = refused === 'referral' && !reach.takesNewFamilies;
  if (channelCount(reach, audience) > 0) return { kind: 'channels', audience, centre, reach, refused, closedForNew };
  return {
    kind: 'none', audience, centre, refused, closedForNew,
    alternatives: audience === 'professionals' ? alternativesFor(alternatives, { centre: centre.id, region }) : [],
  };
}

/** The next step for a municipality: its centre (none in Brussels) from the list. */
export function nextStepFor<C extends ReachInput>(
  place: { centre: string | null; region: 'vlaanderen' | 'brussel' },
  centres: readonly C[],
  audience: ReachAudience,
  options: { form?: FormKind; alternatives?: readonly ProfessionalAlternative[] } = {},
): NextStep<C> {
  const centre = place.centre === null ? null : centres.find((c) => c.id === place.centre);
  if (place.centre !== null && !centre) throw new Error(`nextStepFor: unknown centre "${place.centre}"`);
  return nextStep(centre, audience, { ...options, region: place.region });
}

/** What is known about a centre without a channel: since when and where it is based, as the content says it. */
export function knownAbout(c: { startDate?: string | Date | null; opened?: string | null; locations: readonly { kind: string; name: string }[] }) {
  const start = c.startDate instanceof Date ? contentDay(c.startDate) : c.startDate ?? null;
  return { startDate: start, opened: start ? null : c.opened ?? null, base: c.locations.find((l) => l.kind === 'backoffice')?.name ?? null };
}

/** One centre as the forms and functions carry it (directory.json), from the parsed content. */
export function directoryCentre(id: string, c: Centre) {
  return {
    id, name: c.name, shortName: c.shortName, code: c.code, status: c.status,
    statusNote: c.statusNote ?? null,
    startDate: c.startDate ? contentDay(c.startDate) : null,
    opened: c.opened ?? null,
    referralMailbox: c.referralMailbox, adviceMailbox: c.adviceMailbox,
    phoneLines: c.phoneLines.map(({ id: lineId, name, number, audience, hours, hoursText }) => ({ id: lineId, name, number, audience, hours, hoursText: hoursText ?? null })),
    locations: c.locations.map(({ kind, name }) => ({ kind, name })),
    tracks: c.tracks.map(({ track, status, municipalities }) => ({ track, status, municipalities: municipalities ?? null })),
  };
}

/**
 * What an editor sees per centre: the live channels per audience, and what each missing
 * one switches off (the editor's hints and the review report read this).
 */
export function channelReport<C extends ReachInput>(c: C, municipalityCount: number, area = `de ${municipalityCount} gemeenten van dit centrum`): { live: string[]; missing: string[] } {
  const r = reachOf(c);
  const live: string[] = [];
  const missing: string[] = [];
  for (const kind of FORM_KINDS) {
    const what = kind === 'referral' ? 'aanmeldformulier' : 'adviesformulier';
    if (r.professionals.forms.includes(kind)) live.push(`${what} (naar ${mailboxOf(c, kind)})`);
    else if (mailboxOf(c, kind) === null) missing.push(`geen mailbox voor ${kind === 'referral' ? 'aanmeldingen' : 'adviesvragen'}: het ${what} weigert ${area}`);
    else missing.push(`status "${c.status}": het ${what} weigert ${area} (geen nieuwe gezinnen)`);
  }
  if (r.professionals.phone.length) live.push(`${r.professionals.phone.length} telefoonlijn(en) voor professionelen`);
  else missing.push('geen telefoonlijn voor professionelen');
  if (r.victims.phone.length) live.push(`${r.victims.phone.length} telefoonlijn(en) voor slachtoffers en gezinnen`);
  else missing.push('geen telefoonlijn voor slachtoffers en gezinnen');
  if (r.victims.frontOffices.length) live.push(`${r.victims.frontOffices.length} frontoffice(s)`);
  else missing.push('geen frontoffice');
  return { live, missing };
}

/**
 * For editors, above the list of centres: what readers can use now and what is missing, one
 * sentence per situation, naming together the centres that share it (with their municipalities).
 */
export function channelOverview<C extends ReachInput & { shortName: string }>(centres: readonly C[], municipalities: readonly { centre: string | null }[]): string[] {
  const groups = new Map<string, { names: string[]; live: string[]; missing: string[] }>();
  for (const c of [...centres].sort((a, b) => a.shortName.localeCompare(b.shortName, 'nl'))) {
    const count = municipalities.filter((m) => m.centre === c.id).length;
    const { live, missing } = channelReport(c, count, 'hun gemeenten');
    const key = JSON.stringify([live, missing]);
    const group = groups.get(key) ?? { names: [], live, missing };
    group.names.push(`${c.shortName} (${count} gemeenten)`);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ names, live, missing }) =>
    `${names.join(', ')}: ${live.length ? `aan: ${live.join(', ')}` : 'nog geen enkel kanaal aan'}${missing.length ? `; ontbreekt: ${missing.join('; ')}` : ''}.`);
}
