/**
 * The personal contact details in the source documents, derived when the tests run so
 * that no test file holds the data it keeps off the site: every mobile number (04..),
 * the name written next to it, and every e-mail address made of such a person's name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// Shared with scripts/facts-doc.mjs: where ../shared (seeds/, data/) is.
import { sharedDir } from '../../scripts/lib/ledger.mjs';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export interface PersonalData { mobiles: string[]; names: string[]; emails: string[] }

export function personalData(): PersonalData {
  const dir = sharedDir();
  if (!dir) throw new Error('source documents not found: put them in ../shared (seeds/, data/) or set IFG_SHARED_DIR');
  const mobiles = new Set<string>();
  const names = new Set<string>();
  const emails = new Set<string>();
  for (const file of readdirSync(join(dir, 'seeds'))) {
    const text = readFileSync(join(dir, 'seeds', file), 'utf8');
    // "Voornaam Achternaam 04xx xx xx xx": a person with a mobile number.
    for (const m of text.matchAll(/([\p{Lu}][\p{L}'-]+(?: [\p{L}'-]+){1,3}) +(04\d{2}(?:[ ./]?\d{2}){3})/gu)) {
      mobiles.add(m[2].replace(/\D/g, ''));
      names.add(m[1].trim());
    }
    for (const m of text.matchAll(/\b04\d{2}(?:[ ./]?\d{2}){3}\b/g)) mobiles.add(m[0].replace(/\D/g, ''));
    // A staff list: "- Casusregisseurs: Voornaam Achternaam, Voornaam Achternaam en ...".
    for (const m of text.matchAll(/^\s*- [^:\n]{3,40}:\s*(.+)$/gmu)) {
      const items = m[1].split(/, | en /).map((x) => x.trim());
      if (items.every((x) => /^[\p{Lu}][\p{L}'-]+(?: (?:[\p{Lu}][\p{L}'-]+|van|de|der|den))+$/u.test(x))) items.forEach((x) => names.add(x));
    }
    // An address whose local part is such a person's first and last name.
    const people = [...names].map((n) => fold(n).split(' '));
    for (const m of text.matchAll(/([\w.+-]+)@[\w-]+(?:\.[\w-]+)+/g)) {
      const local = fold(m[1]).split('.');
      if (local.length >= 2 && people.some(([first, ...rest]) => local[0] === first && local.slice(1).join('') === rest.join(''))) emails.add(m[0].toLowerCase());
    }
  }
  return { mobiles: [...mobiles], names: [...names], emails: [...emails] };
}

/** Which of these personal details a text holds (numbers compared digit by digit, with or without spaces, dots or slashes). */
export function personalIn(text: string, data: PersonalData): string[] {
  const digits = text.replace(/[\s./]/g, '');
  const lower = fold(text);
  return [
    ...data.mobiles.filter((m) => digits.includes(m)).map(() => 'a personal mobile number'),
    ...data.emails.filter((e) => lower.includes(e)).map(() => 'a personal e-mail address'),
    ...data.names.filter((n) => lower.includes(fold(n))).map(() => 'a staff member\'s name'),
  ];
}
