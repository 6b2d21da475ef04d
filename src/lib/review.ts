/**
 * Which entries are due for a new check: a `lastReviewed.date` more than six months
 * before today (a day in Belgium, `YYYY-MM-DD`), grouped by the centre they belong to.
 * The build prints this (scripts/review-report.mjs); docs/editing.md explains it.
 */

export interface ReviewedEntry {
  /** e.g. `src/content/groups/gent-mannen.md` */
  file: string;
  /** Centre ids the entry belongs to; empty for a general page. */
  centres: string[];
  /** `YYYY-MM-DD` */
  date: string;
  by: 'bronnen' | 'centrum';
}

export const REVIEW_MONTHS = 6;

/** The day `months` calendar months before `day` (clamped to the month's last day). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Overdue entries per centre id ('' for general pages), oldest first. */
export function overdue(entries: ReviewedEntry[], today: string, months = REVIEW_MONTHS): Map<string, ReviewedEntry[]> {
  const limit = monthsBefore(today, months);
  const byCentre = new Map<string, ReviewedEntry[]>();
  for (const entry of entries.filter((e) => e.date < limit).sort((a, b) => a.date.localeCompare(b.date))) {
    for (const centre of entry.centres.length ? entry.centres : ['']) byCentre.set(centre, [...(byCentre.get(centre) ?? []), entry]);
  }
  return byCentre;
}

/** The report in Dutch, one block per centre with something overdue. */
export function reviewReport(entries: ReviewedEntry[], today: string, names: Record<string, string>): string {
  const late = overdue(entries, today);
  const unconfirmed = entries.filter((e) => e.by === 'bronnen').length;
  const lines = [`Nazicht (${today}): ${entries.length} bestanden, ${unconfirmed} nog niet bevestigd door een centrum (by: bronnen).`];
  if (late.size === 0) lines.push(`Niets is langer dan ${REVIEW_MONTHS} maanden niet nagekeken.`);
  for (const [centre, list] of [...late].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${centre ? names[centre] ?? centre : "Algemene pagina's"}: ${list.length} ouder dan ${REVIEW_MONTHS} maanden`);
    for (const e of list) lines.push(`  - ${e.file} (laatst nagekeken ${e.date}, ${e.by === 'centrum' ? 'door het centrum' : 'tegen de bronnen'})`);
  }
  return lines.join('\n');
}
