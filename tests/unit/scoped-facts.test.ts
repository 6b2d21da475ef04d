import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { areaCaveatsFor, holdsFor, locationsFor, positionOf, scopeNames } from '../../src/lib/scoped-facts';
import { tracksIn } from '../../src/lib/municipality-view';
import { centreSchema } from '../../src/schemas/centre';
import { eventSchema } from '../../src/schemas/event';
import { groupSchema } from '../../src/schemas/group';
import { contentDir, readEntries, readFrontmatter } from '../helpers/content';

// Fixture places: a pilot zone of two, a city that declined, and one place outside.
const oostende = { id: 'oostende', name: 'Oostende', policeZone: 'PZ Oostende' };
const brugge = { id: 'brugge', name: 'Brugge', policeZone: 'PZ Brugge' };
const bredene = { id: 'bredene', name: 'Bredene', policeZone: 'PZ Bredene/De Haan' };
const pilot = { kind: 'piloot' as const, policeZones: ['PZ Oostende'], note: 'Begon als proef in de politiezone Oostende.', asOf: 'bronnen uit 2023' };
const declined = { kind: 'niet-mee' as const, municipalities: ['brugge'], note: 'Brugge deed in 2023 niet mee.', asOf: 'bronnen uit 2023' };
const rollOut = { kind: 'uitbreiding-gepland' as const, note: 'Het centrum wil stap voor stap uitbreiden.', asOf: 'bronnen uit 2023' };
const unknownZones: { kind: 'piloot'; note: string; asOf: string; municipalities?: string[]; policeZones?: string[] } = { kind: 'piloot', note: 'Begon in een paar zones; welke is niet bekend.', asOf: 'bronnen uit 2023' };

describe('where a place stands towards a limit of the area', () => {
  it('is in a limit that names its police zone or the place itself, outside one that names others, unknown when none are named', () => {
    expect(positionOf(pilot, oostende)).toBe('in');
    expect(positionOf(declined, brugge)).toBe('in');
    expect(positionOf(pilot, bredene)).toBe('outside');
    expect(positionOf(unknownZones, bredene)).toBe('unknown');
  });

  it('shows every pilot and planned roll-out with where the place stands, and a refusal only to the place that refused', () => {
    const limits = [pilot, declined, rollOut];
    expect(areaCaveatsFor(brugge, limits).map((c) => [c.kind, c.position])).toEqual([['piloot', 'outside'], ['niet-mee', 'in'], ['uitbreiding-gepland', 'unknown']]);
    expect(areaCaveatsFor(bredene, limits).map((c) => c.kind)).toEqual(['piloot', 'uitbreiding-gepland']);
    expect(areaCaveatsFor(oostende, limits).map((c) => [c.kind, c.position])).toEqual([['piloot', 'in'], ['uitbreiding-gepland', 'unknown']]);
    expect(areaCaveatsFor(oostende, [])).toEqual([]);
  });

  it('keeps a front office on the answers of the places it serves only', () => {
    const offices = [{ name: 'Hoofdzetel' }, { name: 'Onthaal pilootregio', municipalities: ['oostende'] }];
    expect(locationsFor('oostende', offices).map((o) => o.name)).toEqual(['Hoofdzetel', 'Onthaal pilootregio']);
    expect(locationsFor('bredene', offices).map((o) => o.name)).toEqual(['Hoofdzetel']);
    expect(scopeNames(offices[1], [oostende, brugge])).toEqual(['Oostende']);
    expect(scopeNames(offices[0], [oostende])).toBeUndefined();
    expect(() => scopeNames({ municipalities: ['nergens'] }, [oostende])).toThrow(/nergens/);
  });
});

// The rules over today's content: every scoped fact names real places and a dated source.
const municipalities = (readFrontmatter(join(contentDir, 'municipalities/municipalities.yaml')) as { id: string; name: string; policeZone?: string; centre: string | null }[]);
const centres = readEntries('centres', ['.mdx']).map((e) => ({ id: e.id, data: centreSchema.parse(e.data) }));

describe('every fact a municipality answer shows from its centre', () => {
  it('holds for that municipality or comes with its caveat, and names its source with a date', () => {
    const wrong: string[] = [];
    for (const m of municipalities.filter((x) => x.centre)) {
      const c = centres.find((x) => x.id === m.centre)!.data;
      for (const tr of tracksIn(m.id, c.tracks)) {
        if (!holdsFor(tr, m.id)) wrong.push(`${m.id}: spoor ${tr.track} geldt hier niet`);
        if (!/\d{4}|zonder datum|jaar niet vermeld/.test(tr.asOf)) wrong.push(`${m.id}: spoor ${tr.track} zonder datum van de bron (${tr.asOf})`);
      }
      for (const l of locationsFor(m.id, c.locations)) if (!holdsFor(l, m.id)) wrong.push(`${m.id}: ${l.name}`);
      const shown = areaCaveatsFor(m, c.areaLimits).map((x) => x.note);
      for (const limit of c.areaLimits) {
        // A refusal concerns the places it names; a pilot or a planned roll-out concerns every place of the centre.
        const applies = limit.kind !== 'niet-mee' || positionOf(limit, m) === 'in';
        if (applies !== shown.includes(limit.note)) wrong.push(`${m.id}: ${applies ? 'mist' : 'toont ten onrechte'} "${limit.note}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('limits the area only with police zones and municipalities of that centre', () => {
    const wrong: string[] = [];
    for (const { id, data } of centres) {
      const own = municipalities.filter((m) => m.centre === id);
      for (const limit of data.areaLimits) {
        for (const z of limit.policeZones ?? []) if (!own.some((m) => m.policeZone === z)) wrong.push(`${id}: politiezone "${z}"`);
        for (const mid of limit.municipalities ?? []) if (!own.some((m) => m.id === mid)) wrong.push(`${id}: gemeente "${mid}"`);
      }
      for (const l of data.locations) for (const mid of l.municipalities ?? []) if (!own.some((m) => m.id === mid)) wrong.push(`${id}: ${l.name}: "${mid}"`);
    }
    expect(wrong).toEqual([]);
  });

  it('files every event under a centre in whose area it takes place', () => {
    const wrong = readEntries('events', ['.md']).map((e) => ({ id: e.id, data: eventSchema.parse(e.data) }))
      .filter(({ data }) => !data.centres.includes(municipalities.find((m) => m.id === data.municipality)?.centre ?? ''))
      .map(({ id, data }) => `${id}: ${data.municipality} ligt niet in het werkgebied van ${data.centres.join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('never states a group status read in a source without the source and its date', () => {
    const base = { title: 'Groep voor mannen', centre: 'oost-vlaanderen', forWhom: 'Mannen die geweld meemaken.', organiser: 'vzw Zijn', place: 'Gent', howToJoin: 'Vraag het aan je hulpverlener.' };
    expect(groupSchema.safeParse({ ...base, status: 'actief', lastReviewed: { date: '2026-12-02', by: 'bronnen' } }).success).toBe(false);
    expect(groupSchema.safeParse({ ...base, status: 'actief', asOf: 'de presentatie van najaar 2023', lastReviewed: { date: '2026-12-02', by: 'bronnen' } }).success).toBe(true);
    expect(groupSchema.safeParse({ ...base, status: 'actief', lastReviewed: { date: '2026-12-02', by: 'centrum' } }).success).toBe(true);
  });
});
