/**
 * A plain-language check for the texts victims read (B1 Dutch). It points editors at
 * what often makes a text hard: long sentences, professional words nobody explained,
 * and a passive "moet worden ..." where the reader is the one who must act. Warnings
 * name the sentence; on Makkelijk Nederlands pages a long sentence is an error.
 */

export const MAX_WORDS = 20;

/** Words of the field that a victim does not know unless the text explains them. */
export const JARGON = [
  'spoor', 'sporen', 'casusregie', 'casusregisseur', 'casusoverleg', 'parket', 'frontoffice', 'backoffice',
  'triagetafel', 'ketenaanpak', 'intrafamiliaal', 'interdisciplinair', 'multidisciplinair', 'risicotaxatie',
  'aanmelder', 'doorverwijzing', 'gerechtelijk', 'hulpverleningstraject',
] as const;

export type Rule = 'lange-zin' | 'vakwoord' | 'lijdende-vorm';

export interface Finding {
  rule: Rule;
  /** The sentence as the reader sees it (markup removed). */
  sentence: string;
  /** Dutch explanation for the editor: what is wrong and what to do. */
  message: string;
  /** The jargon word, for `vakwoord`. */
  word?: string;
}

/** Text a reader sees, from Markdown/MDX: no frontmatter, imports, tags, link targets or markup. */
export function visibleText(source: string): string {
  return source
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '')
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/^\s*(#{1,6}|[-*+]|\d+\.)\s+/gm, '\n');
}

/** Sentences: a paragraph, list item or heading is split at . ! ? (not inside numbers like 03.435). */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*\S)/)
    .flatMap((block) => block.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9"'‘“(])/))
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

const words = (sentence: string) => sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

/** A word is explained when the text defines it: "casusregie is ...", "casusregie (...)", "casusregie: ...", "... betekent". */
function explained(word: string, text: string): boolean {
  const w = word.replace(/[-]/g, '\\-');
  return new RegExp(`\\b${w}\\b\\s*(\\(|:|—|–|-\\s|is\\s|betekent|wil zeggen|noemen we|heet\\s)|\\b(heet|heten|noemen we|noemt men)\\s+(ook\\s+)?(het\\s+|de\\s+|een\\s+)?${w}\\b`, 'iu').test(text);
}

const PASSIVE = /\b(wordt|worden|werd|werden)\b/iu;
const PARTICIPLE = /^(ge|be|ver|ont|her|er|aan|in|op|door|af|mee|uit|toe)\p{L}*(d|t|en)$/iu;
const OBLIGATION = /\b(moet|moeten|dient|dienen|gelieve|verplicht)\b/iu;

/** Everything worth an editor's look in one text. */
export function checkText(source: string): Finding[] {
  const text = visibleText(source);
  const findings: Finding[] = [];
  const warned = new Set<string>();
  for (const sentence of sentences(text)) {
    const list = words(sentence);
    if (list.length > MAX_WORDS) {
      findings.push({ rule: 'lange-zin', sentence, message: `Deze zin telt ${list.length} woorden (meer dan ${MAX_WORDS}). Maak er twee of meer korte zinnen van.` });
    }
    for (const word of list) {
      const term = JARGON.find((j) => j === word.toLowerCase());
      if (term && !warned.has(term) && !explained(term, text)) {
        warned.add(term);
        findings.push({ rule: 'vakwoord', word: term, sentence, message: `"${term}" is een vakwoord. Leg het uit in gewone woorden (bv. "${term} is ..."), of gebruik een gewoon woord.` });
      }
    }
    if (OBLIGATION.test(sentence) && PASSIVE.test(sentence) && list.some((w) => PARTICIPLE.test(w) && !PASSIVE.test(w))) {
      findings.push({ rule: 'lijdende-vorm', sentence, message: 'Deze zin zegt dat er iets moet gebeuren, maar niet wie het doet. Spreek de lezer aan: "Vul het formulier in" in plaats van "Het formulier moet worden ingevuld".' });
    }
  }
  return findings;
}

export interface FileReport { file: string; findings: Finding[]; strict: boolean }

/** Long sentences on a Makkelijk Nederlands page block the build; everything else only warns. */
export const isError = (report: FileReport, finding: Finding) => report.strict && finding.rule === 'lange-zin';

/** One Dutch line per finding, e.g. `waarschuwing src/content/pages/hulp.mdx: ... — "zin"`. */
export function formatFinding(report: FileReport, finding: Finding): string {
  return `${isError(report, finding) ? 'FOUT' : 'waarschuwing'} ${report.file}: ${finding.message}\n    "${finding.sentence}"`;
}
