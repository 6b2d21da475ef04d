import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import nl from '../../src/i18n/nl.json' with { type: 'json' };
import { centreSchema } from '../../src/schemas/centre';
import { eventSchema } from '../../src/schemas/event';
import { groupSchema } from '../../src/schemas/group';
import { helplineSchema } from '../../src/schemas/helpline';
import { languages } from '../../src/i18n/languages';
import { contentDir, readEntries, readFrontmatter } from '../helpers/content';
import { distDir } from '../helpers/dist';
import { builtPage, mainOf, sectionOf, textOf } from '../helpers/html';

/**
 * Every fact on a built page holds where it is shown, or shows its caveat: one test per
 * class of finding of the claim-by-claim audit (issue 18, parts 2 and 3). Rules over the
 * content, so they hold for the next centre an editor fills in too.
 */
type Place = { id: string; name: string; policeZone?: string; centre: string | null };
const places = readFrontmatter(join(contentDir, 'municipalities/municipalities.yaml')) as Place[];
const centres = readEntries('centres', ['.mdx']).map((e) => ({ id: e.id, data: centreSchema.parse(e.data) }));
const groups = readEntries('groups', ['.md']).map((e) => ({ id: e.id, data: groupSchema.parse(e.data) }));
const events = readEntries('events', ['.md']).map((e) => ({ id: e.id, data: eventSchema.parse(e.data) }));
const helplines = (yaml.load(readFileSync(join(contentDir, 'helplines/helplines.yaml'), 'utf8')) as unknown[]).map((h) => helplineSchema.parse(h));
const otherLangs = languages.filter((l) => l.code !== 'nl').map((l) => l.path);
const separator = (path: string): string => {
  const code = languages.find((l) => l.path === path)!.code;
  return (JSON.parse(readFileSync(`src/i18n/${code}.json`, 'utf8')) as Record<string, string>)['i18n.listSeparator'] ?? ', ';
};
const codeOf = (path: string) => languages.find((l) => l.path === path)!.code;
const answer = (m: Place) => textOf(mainOf(builtPage(`/gemeenten/${m.id}/`)));
const translated = (lang: string, centre: string) => textOf(mainOf(builtPage(`/${lang}/gemeenten/centrum-${centre}/`)));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DURATION = /\b(?:minstens |hoogstens )?(?:\d+ tot \d+|een|\d+) (?:jaar|maand|maanden|weken)\b/gi;

describe('beyond its scope: a fact of one centre, place or date shown elsewhere or without its date', () => {
  it('shows a duration from one centre\'s track description on that centre\'s pages only, never through a shared label', () => {
    const own = centres.flatMap(({ id, data }) => data.tracks.flatMap((t) => [...(t.note ?? '').matchAll(DURATION)].map((m) => ({ id, d: m[0].toLowerCase() }))));
    expect(own.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const c of centres) {
      const pages = [textOf(mainOf(builtPage(`/centra/${c.id}/`))), ...places.filter((m) => m.centre === c.id).map(answer), ...otherLangs.map((l) => translated(l, c.id))];
      for (const { id, d } of own) if (id !== c.id && pages.some((p) => p.toLowerCase().includes(d))) wrong.push(`${c.id}: "${d}" (van ${id})`);
    }
    for (const p of ['/professionals/', '/professionals/aanmelden/', '/professionals/advies/']) {
      const text = textOf(mainOf(builtPage(p))).toLowerCase();
      for (const { id, d } of own) if (text.includes(d)) wrong.push(`${p}: "${d}" (van ${id})`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('shows every track on a municipality answer with its source\'s date, and a planned one as planned', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const m of places.filter((x) => x.centre)) {
      const html = mainOf(builtPage(`/gemeenten/${m.id}/`));
      for (const [, track, item] of html.matchAll(/<li data-track="(\d)">([\s\S]*?)<\/li>/g)) {
        seen++;
        const tr = centres.find((c) => c.id === m.centre)!.data.tracks.find((t) => String(t.track) === track)!;
        const text = textOf(item);
        if (!text.includes(`volgens ${tr.asOf}`)) wrong.push(`${m.id}: spoor ${track} zonder "volgens ${tr.asOf}"`);
        if (tr.status === 'gepland' && !text.includes(`(${nl['centre.trackPlanned']})`)) wrong.push(`${m.id}: spoor ${track} niet als gepland`);
        if (tr.municipalities && !tr.municipalities.includes(m.id)) wrong.push(`${m.id}: spoor ${track} geldt hier niet`);
      }
    }
    expect(seen, 'tracks found on the answers').toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('shows a centre\'s pilot zones, the places that did not join and a planned roll-out on the answers where they matter, in every language', () => {
    const wrong: string[] = [];
    for (const c of centres.filter((x) => x.data.areaLimits.length > 0)) {
      for (const m of places.filter((x) => x.centre === c.id)) {
        const text = answer(m);
        for (const l of c.data.areaLimits) {
          const named = (l.municipalities ?? []).includes(m.id) || (m.policeZone !== undefined && (l.policeZones ?? []).includes(m.policeZone));
          if (l.kind === 'niet-mee' && !named) { if (text.includes(l.note)) wrong.push(`${m.id}: "${l.note}" hoort hier niet`); continue; }
          if (!text.includes(`${l.note}`) || !text.includes(`volgens ${l.asOf}`)) wrong.push(`${m.id}: mist "${l.note}" (volgens ${l.asOf})`);
          if (l.kind === 'piloot' && l.policeZones?.length && !text.includes(`${m.name} ligt ${named ? '' : 'niet '}in die zones.`)) wrong.push(`${m.id}: zegt niet of ${m.name} in de proefzones ligt`);
        }
      }
      for (const lang of otherLangs) {
        const text = translated(lang, c.id);
        for (const l of c.data.areaLimits) if (!text.includes(l.note)) wrong.push(`${lang}/${c.id}: mist "${l.note}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows a front office only on the answers of the places it serves, and says which in the shared translated answer', () => {
    const wrong: string[] = [];
    for (const c of centres) {
      for (const o of c.data.locations.filter((l) => l.kind === 'frontoffice' && l.municipalities)) {
        for (const m of places.filter((x) => x.centre === c.id)) {
          const shown = answer(m).includes(o.name);
          if (shown !== o.municipalities!.includes(m.id)) wrong.push(`${m.id}: ${o.name} ${shown ? 'getoond' : 'ontbreekt'}`);
        }
        const names = o.municipalities!.map((id) => places.find((p) => p.id === id)!.name);
        // Each language joins a list with its own separator (Arabic "، ").
        for (const lang of otherLangs) if (!translated(lang, c.id).includes(names.join(separator(lang)))) wrong.push(`${lang}/${c.id}: ${o.name} zonder de plaatsen`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows a group whose status comes from a source with that source\'s date, never as running now', () => {
    const fromSources = groups.filter((g) => g.data.lastReviewed.by !== 'centrum');
    expect(fromSources.length).toBeGreaterThan(0);
    for (const page of ['/agenda/', ...new Set(fromSources.map((g) => `/centra/${g.data.centre}/`))]) {
      const main = mainOf(builtPage(page));
      for (const g of fromSources) {
        const card = main.split(/<(?:section|li) class="card/).find((part) => part.includes(`>${g.data.title}<`));
        if (!card) continue;
        const text = textOf(card);
        expect(text, `${page} ${g.id}`).not.toContain(nl['group.statusActive']);
        expect(text, `${page} ${g.id}`).toContain(g.data.asOf!);
      }
    }
  });

  it('lists an event only under the centres in whose area it takes place, in the agenda and its calendars', () => {
    for (const c of centres) {
      const ics = readFileSync(join(distDir, 'agenda', `${c.id}.ics`), 'utf8');
      for (const e of events) {
        const inArea = places.find((p) => p.id === e.data.municipality)?.centre === c.id;
        if (!inArea) expect(ics, `${c.id}.ics: ${e.id}`).not.toContain(e.data.title);
      }
    }
  });

  it('says what happens after a referral per centre, from its source, and promises no centre\'s process on the shared forms', () => {
    const confirmations = ['aanmelden', 'advies'].flatMap((form) => readdirSync(join(distDir, 'professionals', form, 'verzonden')).flatMap((c) => readdirSync(join(distDir, 'professionals', form, 'verzonden', c)).map((state) => `/professionals/${form}/verzonden/${c}/${state}/`)));
    for (const p of ['/professionals/aanmelden/', '/professionals/advies/', ...confirmations]) {
      const text = textOf(mainOf(builtPage(p)));
      expect(text, p).not.toMatch(/verkennend casusoverleg|protocol van het centrum/i);
    }
    for (const c of centres) {
      const after = textOf(sectionOf(builtPage(`/centra/${c.id}/`), 'na-aanmelding'));
      if (c.data.afterReferral) expect(after).toContain(`${c.data.afterReferral.text} (volgens ${c.data.afterReferral.asOf})`);
      else expect(after).toContain(nl['centre.afterReferralNone']);
    }
  });

  it('states each centre\'s protocol with its status and date, and none where no source names one', () => {
    const labels = { geldt: nl['centre.protocolGeldt'], ontwerp: nl['centre.protocolOntwerp'], andere: nl['centre.protocolAndere'] };
    expect(centres.map((c) => c.data.protocol?.status).filter(Boolean).sort()).toEqual(expect.arrayContaining(['geldt', 'ontwerp']));
    for (const c of centres) {
      const text = textOf(sectionOf(builtPage(`/centra/${c.id}/`), 'protocol'));
      if (c.data.protocol) expect(text).toContain(`${labels[c.data.protocol.status]} ${c.data.protocol.note} (volgens ${c.data.protocol.asOf})`);
      else expect(text).toContain(nl['centre.protocolNone']);
    }
  });
});

describe('invented: a promise no source makes', () => {
  it('never tells a professional that the centre will contact them, on the forms, their confirmations or a centre page', () => {
    const confirmations = ['aanmelden', 'advies'].flatMap((form) => readdirSync(join(distDir, 'professionals', form, 'verzonden')).flatMap((c) => readdirSync(join(distDir, 'professionals', form, 'verzonden', c)).map((state) => `/professionals/${form}/verzonden/${c}/${state}/`)));
    expect(confirmations.length).toBeGreaterThan(0);
    for (const p of ['/professionals/', '/professionals/aanmelden/', '/professionals/advies/', ...confirmations, ...centres.map((c) => `/centra/${c.id}/`)]) {
      expect(textOf(mainOf(builtPage(p))), p).not.toMatch(/(neemt|nemen)\b[^.]*\bcontact met je op|contacteert je/i);
    }
  });
});

describe('wrong: a third party\'s line as its whole source says it', () => {
  const evc = helplines.find((h) => h.id === 'evc')!;
  it('gives the French-speaking Brussels line as answering day and night, with its source, on every Brussels answer in every language', () => {
    const pages = [...places.filter((p) => p.centre === null).map((p) => ({ lang: 'nl', path: `/gemeenten/${p.id}/` })), ...otherLangs.map((lang) => ({ lang, path: `/${lang}/gemeenten/brussel/` }))];
    for (const { lang, path } of pages) {
      const strings = lang === 'nl' ? nl : { ...nl, ...JSON.parse(readFileSync(`src/i18n/${codeOf(lang)}.json`, 'utf8')) };
      const item = mainOf(builtPage(path)).split('<li').find((li) => li.includes(`>${evc.number}<`));
      expect(item, path).toBeDefined();
      const text = textOf(`<li${item}`);
      expect(text, path).toContain(strings['helpline.allDay']);
      expect(text, path).toContain('107');
      expect(item, path).toContain(`href="${evc.sources[0].url}"`);
    }
  });
});

describe('missing: the source of a number, where a reader sees the number', () => {
  it('names every source of every help line on the emergency numbers page, in every language', () => {
    for (const path of ['/noodnummers/', ...otherLangs.map((l) => `/${l}/noodnummers/`)]) {
      const main = mainOf(builtPage(path));
      for (const h of helplines.filter((x) => main.includes(`id="lijn-${x.id}"`))) {
        const card = main.slice(main.indexOf(`id="lijn-${h.id}"`)).split('</section>')[0];
        // The link's text is the source's title (its web addresses may sit in a left-to-right isolate).
        for (const s of h.sources) {
          const link = new RegExp(`href="${escape(s.url)}"[^>]*>([\\s\\S]*?)</a>`).exec(card);
          expect(link && textOf(link[1]), `${path} ${h.id}`).toBe(s.title);
        }
      }
    }
  });
});
