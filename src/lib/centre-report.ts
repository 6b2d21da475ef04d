/**
 * The per-centre part of the review report the build prints (scripts/review-report.mjs):
 * for each centre, which channels readers can use and what is missing (src/lib/reach.ts),
 * what is not confirmed by the centre, the oldest review date and the pilot limits.
 */
import { channelReport, type ReachInput } from './reach';
import type { ReviewedEntry } from './review';

export interface ReportCentre extends ReachInput {
  shortName: string;
  area: string;
  statusNote?: string | null;
  dataStatus: 'volledig' | 'gedeeltelijk';
  tracks: readonly { track: number; status: 'aangeboden' | 'gepland'; municipalities?: readonly string[] | null }[];
}

/** Pilot limits as the content has them: tracks limited to some municipalities, tracks only planned. */
export function pilotLimits(c: ReportCentre, names: ReadonlyMap<string, string>): string[] {
  return [...c.tracks].sort((a, b) => a.track - b.track).flatMap((t) => [
    ...(t.municipalities?.length ? [`spoor ${t.track} alleen in ${t.municipalities.length} gemeenten (${t.municipalities.map((id) => names.get(id) ?? id).join(', ')})`] : []),
    ...(t.status === 'gepland' ? [`spoor ${t.track} pas gepland`] : []),
  ]);
}

export function centreReport(
  centres: readonly ReportCentre[],
  entries: readonly ReviewedEntry[],
  municipalities: readonly { id: string; name: string; centre: string | null }[],
): string {
  const names = new Map(municipalities.map((m) => [m.id, m.name]));
  const lines = ['Per centrum: kanalen, onbevestigde gegevens, oudste nazicht, pilootgrenzen.'];
  for (const c of [...centres].sort((a, b) => a.shortName.localeCompare(b.shortName, 'nl'))) {
    const { live, missing } = channelReport(c, municipalities.filter((m) => m.centre === c.id).length);
    const own = entries.filter((e) => e.centres.includes(c.id)).sort((a, b) => a.date.localeCompare(b.date));
    const unconfirmed = own.filter((e) => e.by === 'bronnen');
    const limits = pilotLimits(c, names);
    lines.push(`${c.shortName}`);
    lines.push(`  kanalen aan: ${live.length ? live.join('; ') : 'geen'}`);
    if (missing.length) lines.push(`  ontbreekt: ${missing.join('; ')}`);
    lines.push(`  onbevestigd: ${unconfirmed.length} van ${own.length} bestanden alleen tegen de bronnen nagekeken${c.dataStatus === 'gedeeltelijk' ? '; gegevens van het centrum gedeeltelijk' : ''}`);
    if (own[0]) lines.push(`  oudste nazicht: ${own[0].date} (${own[0].file})`);
    lines.push(`  pilootgrenzen: ${limits.length ? limits.join('; ') : 'geen in de gegevens'}${c.status !== 'operationeel' ? `; status ${c.status}${c.statusNote ? `: ${c.statusNote}` : ''}` : ''}`);
    lines.push(`  werkgebied: ${c.area}`);
  }
  return lines.join('\n');
}
