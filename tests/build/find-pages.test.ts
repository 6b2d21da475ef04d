import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/dist';
import { builtPage, mainOf, textOf } from '../helpers/html';
import { brusselsDay } from '../../src/lib/dates';
import nl from '../../src/i18n/nl.json';

const centres = readdirSync(join(distDir, 'centra'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const list = JSON.parse(readFileSync(join(distDir, 'gemeenten.json'), 'utf8')) as { id: string; name: string; centre: string | null; aliases: string[]; postcodes: string[] }[];

describe('municipality lookup without JavaScript', () => {
  it('puts the lookup form on the home page and on every centre page, posting to /api/gemeente/ (no typed text in the address)', () => {
    expect(centres).toHaveLength(9);
    for (const path of ['/', ...centres.map((c) => `/centra/${c}/`)]) {
      expect(builtPage(path), path).toMatch(/<form class="lookup" method="post" action="\/api\/gemeente\/"[^>]*>[\s\S]*<input type="hidden" name="lang" value="nl">[\s\S]*<input type="text" id="[^"]+" name="q"/);
    }
  });
  it('answers on /gemeenten/ with every municipality, linked to its own page, grouped by centre', () => {
    const index = builtPage('/gemeenten/');
    expect(list).toHaveLength(304);
    for (const m of list) expect(index).toContain(`<li id="${m.id}"><a href="/gemeenten/${m.id}/">`);
    for (const c of centres) expect(index).toContain(`id="centrum-${c}"`);
    expect(textOf(index)).toContain('Borgerhout');
  });
  it('tells a municipality its centre and offers track 2 only in the pilot municipalities', () => {
    const kruisem = textOf(mainOf(builtPage('/gemeenten/kruisem/')));
    expect(kruisem).toContain('Kruisem valt onder Veilig Huis Oost-Vlaanderen');
    expect(kruisem).toContain(nl['track.2']);
    // The front offices serve the pilot region, Kruisem among it; Eeklo is not told of them.
    expect(kruisem).toContain('Vier onthaalpunten in de pilootregio');
    const eeklo = textOf(mainOf(builtPage('/gemeenten/eeklo/')));
    expect(eeklo).toContain('Eeklo valt onder Veilig Huis Oost-Vlaanderen');
    expect(eeklo).toContain(nl['track.3']);
    expect(eeklo).not.toContain(nl['track.2']);
    expect(eeklo).not.toContain('Vier onthaalpunten in de pilootregio');
  });
  it('points a Brussels municipality to Brussels services', () => {
    const elsene = textOf(mainOf(builtPage('/gemeenten/elsene/')));
    expect(elsene).toContain('Elsene ligt in Brussel');
    expect(elsene).toContain('1712');
    expect(elsene).not.toContain('valt onder');
  });
  it('gives the browser a small list (fetched on first use): ids, names, aliases, postcodes, centre', () => {
    expect(gzipSync(readFileSync(join(distDir, 'gemeenten.json'))).length).toBeLessThan(10_000);
    expect(list.find((m) => m.id === 'antwerpen')).toMatchObject({ centre: 'antwerpen', aliases: expect.arrayContaining(['Borgerhout', 'Deurne']) });
    expect(Object.keys(list[0]).sort()).toEqual(['aliases', 'centre', 'id', 'name', 'postcodes', 'region']);
  });
});

describe('agenda', () => {
  const feeds = ['alle', ...centres].map((id) => ({ id, text: readFileSync(join(distDir, 'agenda', `${id}.ics`), 'utf8') }));
  const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('publishes a valid calendar per centre and one for all, each event once in alle.ics', () => {
    const all = events(feeds[0].text);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((e) => e.uid)).size).toBe(all.length);
    for (const feed of feeds.slice(1)) {
      for (const e of events(feed.text)) expect(all.map((a) => a.uid), feed.id).toContain(e.uid);
    }
    expect(events(feeds.find((f) => f.id === 'kempen')!.text).map((e) => e.summary)).toContain('Je weren kan je leren');
  });
  it('shows no session before the build day and says so when nothing is coming', () => {
    const today = brusselsDay(new Date());
    for (const path of ['/agenda/', ...centres.map((c) => `/agenda/${c}/`)]) {
      const html = builtPage(path);
      const days = [...html.matchAll(/data-agenda-day="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
      expect(days.filter((d) => d < today), path).toEqual([]);
      if (days.length === 0) expect(textOf(html), path).toContain(nl['agenda.noSessions']);
    }
  });
  it('lists the active and planned peer groups, and links each centre\'s agenda and feed without JavaScript', () => {
    const agenda = builtPage('/agenda/');
    expect(textOf(agenda)).toContain('Lotgenotengroep voor mannen');
    for (const c of centres) expect(agenda).toContain(`href="/agenda/${c}/"`);
    expect(agenda).toContain('href="/agenda/alle.ics"');
    expect(builtPage('/agenda/kempen/')).toContain('href="/agenda/kempen.ics"');
  });
});

describe('open now', () => {
  it('gives every phone line its hours and wording for the browser, hidden until the script fills it', () => {
    const lines = centres.flatMap((c) => [...builtPage(`/centra/${c}/`).matchAll(/<p class="open-now" data-open-now="([^"]+)" data-open-now-labels="([^"]+)" hidden><\/p>/g)]);
    expect(lines.length).toBeGreaterThan(0);
    for (const [, data, labels] of lines) {
      const decode = (s: string) => JSON.parse(s.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      expect(decode(data).hours.length).toBeGreaterThan(0);
      expect(decode(labels)).toMatchObject({ open: nl['openNow.open'], closedOpens: nl['openNow.closedOpens'] });
    }
  });
});
