import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../helpers/dist';
import nl from '../../src/i18n/nl.json' with { type: 'json' };
import { languages, localPath } from '../../src/i18n/languages';
import { directory } from '../../src/lib/intake/directory';
import { canReceive, hasProfessionalChannel, professionalLines, professionalMail } from '../../src/lib/reach';
import { centreSchema } from '../../src/schemas/centre';
import { readEntries } from '../helpers/content';
import { builtPage, mainOf, textOf } from '../helpers/html';

/**
 * Property over every municipality (Flemish and Brussels) and every language, on the built
 * pages: the answer, the centre page and both forms never offer a channel the data lacks and
 * never tell a reader to phone or mail a centre through a channel it does not have.
 */
const centres = new Map(readEntries('centres', ['.mdx']).map((e) => [e.id, { id: e.id, ...centreSchema.parse(e.data) }]));
const digits = (n: string) => n.replace(/\D/g, '').replace(/^32/, '0');
// The general lines of src/content/helplines (their number, or their id where the id is the number).
const helplines = (yaml.load(readFileSync('src/content/helplines/helplines.yaml', 'utf8')) as { id: string; number?: string }[]).map((h) => digits(h.number ?? h.id));
const general = new Set(helplines);
const tels = (html: string) => [...html.matchAll(/href="tel:([^"]+)"/g)].map((m) => digits(m[1]));
const mails = (html: string) => [...html.matchAll(/href="mailto:([^"]+)"/g)].map((m) => m[1].toLowerCase());
const forms = (html: string) => (['referral', 'advice'] as const).filter((k) => html.includes(`href="${k === 'referral' ? '/professionals/aanmelden/' : '/professionals/advies/'}"`));
const CIRCLE = /Bel of mail het centrum|ontvangt nog geen aanmeldingen via dit formulier/;

/** What a page about this centre may offer: its own lines, the general lines, its mailboxes and forms. */
function expectOnlyChannelsOf(html: string, centreId: string | null, where: string) {
  const c = centreId ? centres.get(centreId)! : null;
  const lines = new Set([...general, ...(c?.phoneLines.map((l) => digits(l.number)) ?? [])]);
  expect(tels(html).filter((n) => !lines.has(n)), `${where}: a line the data lacks`).toEqual([]);
  const boxes = new Set(c ? professionalMail(c).map((m) => m.address.toLowerCase()) : []);
  expect(mails(html).filter((m) => !boxes.has(m)), `${where}: a mailbox the data lacks`).toEqual([]);
  expect(forms(html).filter((k) => !c || !canReceive(c, k)), `${where}: a form the centre cannot receive`).toEqual([]);
  expect(textOf(html), where).not.toMatch(CIRCLE);
}

describe('every municipality, every language: no channel the data lacks', () => {
  it('the Dutch answer and the centre page of every municipality', () => {
    for (const m of directory.municipalities) {
      const answer = mainOf(builtPage(`/gemeenten/${m.id}/`));
      expectOnlyChannelsOf(answer, m.centre, `/gemeenten/${m.id}/`);
      if (!m.centre) continue;
      const c = centres.get(m.centre)!;
      const page = mainOf(builtPage(`/centra/${m.centre}/`));
      expectOnlyChannelsOf(page, m.centre, `/centra/${m.centre}/`);
      // No channel: say so plainly, with what is known and a sourced alternative (or "not published yet").
      if (!hasProfessionalChannel(c)) {
        for (const [html, where] of [[answer, m.id], [page, m.centre]]) {
          expect(textOf(html), where).toContain(nl['centre.proNone'].replace('{centre}', c.name));
          expect(html, where).toMatch(/href="https:\/\/www\.1712\.be\/nl\/over-1712"|Het centrum heeft zijn contactgegevens nog niet gepubliceerd/);
        }
      }
    }
  });

  it('the translated answer for every municipality, in every language', () => {
    for (const lang of languages.filter((l) => l.code !== 'nl')) {
      const own = JSON.parse(readFileSync(`src/i18n/${lang.code}.json`, 'utf8')) as Record<string, string>;
      for (const m of directory.municipalities) {
        const path = localPath(`/gemeenten/${m.centre ? `centrum-${m.centre}` : 'brussel'}/`, lang.code);
        const html = mainOf(builtPage(path));
        expectOnlyChannelsOf(html, m.centre, path);
        if (m.centre) {
          const key = hasProfessionalChannel(centres.get(m.centre)!) ? 'lookup.answerProChannels' : 'lookup.answerProNone';
          expect(textOf(html), path).toContain(own[key]);
        }
      }
    }
  });

  it('builds a confirmation page only for a centre that can receive the form, naming its mailbox for questions', () => {
    for (const [kind, form] of [['referral', 'aanmelden'], ['advice', 'advies']] as const) {
      for (const c of centres.values()) {
        const file = join(distDir, `/professionals/${form}/verzonden/${c.id}/verzonden/index.html`);
        expect(existsSync(file), `${form} ${c.id}`).toBe(canReceive(c, kind));
        if (existsSync(file)) expect(textOf(mainOf(readFileSync(file, 'utf8')))).toContain(`Mail naar ${kind === 'referral' ? c.referralMailbox : c.adviceMailbox}`);
      }
    }
  });

  it('both forms list only centres that can receive them, and /professionals/ offers no form nobody can receive', () => {
    for (const [kind, path] of [['referral', '/professionals/aanmelden/'], ['advice', '/professionals/advies/']] as const) {
      const html = builtPage(path);
      const select = /<select[^>]*name="centreOverride"[\s\S]*?<\/select>/.exec(html)![0];
      const offered = [...select.matchAll(/<option value="([a-z-]+)"/g)].map((m) => m[1]);
      expect(offered.sort(), path).toEqual([...centres.values()].filter((c) => canReceive(c, kind)).map((c) => c.id).sort());
    }
    const pro = mainOf(builtPage('/professionals/'));
    // Outside the cards: the consult lines, each a professionals' line of some centre, and no form link nobody can receive.
    const outside = pro.replace(/<section class="card">[\s\S]*?<\/section>/g, '');
    const proLines = new Set([...centres.values()].flatMap((c) => professionalLines(c).map((l) => digits(l.number))));
    expect(tels(outside).filter((n) => !proLines.has(n))).toEqual([]);
    expect(mails(outside)).toEqual([]);
    expect(forms(outside).filter((k) => ![...centres.values()].some((c) => canReceive(c, k)))).toEqual([]);
    expect(pro).not.toContain('href="tel:1712"');
    for (const section of pro.match(/<section class="card">[\s\S]*?<\/section>/g) ?? []) {
      const id = /href="\/centra\/([a-z-]+)\/"/.exec(section)![1];
      expectOnlyChannelsOf(section, id, `/professionals/ card ${id}`);
    }
  });
});
