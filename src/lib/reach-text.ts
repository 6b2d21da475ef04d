/**
 * The next step for a professional in words, for the forms: the 422 field error, the
 * preview while typing (both through routing.ts) and the 503 answer. Dutch, like the forms.
 * Every sentence comes from src/lib/reach.ts: a line, mailbox or form the data lacks is
 * never named, and where there is none the reader gets what is known and a sourced alternative.
 */
import { t } from '../i18n';
import { formatDay } from './dates';
import { intakePaths } from './intake/paths';
import type { FormKind } from './intake/kinds';
import { knownAbout, mailboxOf, professionalLines, type NextStep, type ReachInput } from './reach';

type LineLike = { name: string; number: string; hoursText?: string | null; hours?: readonly { days: readonly string[]; opens: string; closes: string }[] };
type CentreLike = ReachInput & { phoneLines: readonly LineLike[]; startDate?: string | Date | null; opened?: string | null };

const formSentence: Record<FormKind, () => string> = {
  referral: () => t('intake.next.referralForm', { path: intakePaths.referral.page }),
  advice: () => t('intake.next.adviceForm', { path: intakePaths.advice.page }),
};

/** "ma, di, wo, do, vr 09:00–16:00", or the source's words. */
export function hoursInWords(line: LineLike): string | null {
  if (line.hours?.length) return line.hours.map((h) => `${h.days.join(', ')} ${h.opens}–${h.closes}`).join('; ');
  return line.hoursText ?? null;
}

/** Since when the centre works, in words: its start day, or the content's own words (`opened`); null when neither is known. */
export function sinceInWords(known: { startDate: string | null; opened: string | null }): string | null {
  return known.startDate ? formatDay(new Date(known.startDate)) : known.opened;
}

function phoneSentence(l: LineLike): string {
  const hours = hoursInWords(l);
  return hours ? t('intake.next.phoneHours', { name: l.name, number: l.number, hours }) : t('intake.next.phone', { name: l.name, number: l.number });
}

/**
 * How to reach the centre after sending: its mailbox for this form (in the receipt: a reply goes
 * there) and its lines for professionals, if any. The confirmation pages and the receipt say the same.
 */
export function receiptContactText<C extends CentreLike>(kind: FormKind, centre: C, where: 'mail' | 'page' = 'mail'): string {
  const address = mailboxOf(centre, kind);
  return [
    ...(address ? [where === 'mail' ? t('intake.receipt.contact', { address }) : t('intake.done.contact', { address })] : []),
    ...professionalLines(centre).map((l) => phoneSentence(l as LineLike)),
  ].join(' ');
}

/** The next step after a form (or a question) cannot go to the centre, as one paragraph. */
export function nextStepText<C extends CentreLike>(step: NextStep<C>): string {
  if (step.kind === 'brussels' || step.kind === 'form') return '';
  if (step.kind === 'channels') {
    const p = step.reach.professionals;
    const parts = [
      ...p.forms.filter((f) => f !== step.refused).map((f) => formSentence[f]()),
      ...p.phone.map((l) => phoneSentence(l as LineLike)),
      ...p.mail.filter((m) => m.purpose === 'both' || m.purpose !== step.refused).map((m) => t('intake.next.mail', { address: m.address })),
    ];
    if (parts.length) return parts.join(' ');
  }
  const known = knownAbout(step.centre);
  const since = sinceInWords(known);
  const parts = [t('intake.next.none', { centre: step.centre.name })];
  if (since) parts.push(t('intake.next.since', { since }));
  if (known.base) parts.push(t('intake.next.base', { base: known.base }));
  const alternatives = step.kind === 'none' ? step.alternatives : [];
  if (alternatives.length) parts.push(...alternatives.map((a) => t('intake.next.alternative', { text: a.text, source: a.source.title })));
  else parts.push(t('intake.next.noAlternative'));
  return parts.join(' ');
}
