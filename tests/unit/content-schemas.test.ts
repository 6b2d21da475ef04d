import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { centreSchema } from '../../src/schemas/centre';
import { groupSchema } from '../../src/schemas/group';
import { eventSchema } from '../../src/schemas/event';
import { pageSchema } from '../../src/schemas/page';
import { municipalitySchema } from '../../src/schemas/municipality';
import { helplineSchema } from '../../src/schemas/helpline';
import { phoneLine } from '../../src/schemas/centre';
import { lastReviewed } from '../../src/schemas/common';
import { contentDir, readEntries, readFrontmatter } from '../helpers/content';

// The same Dutch locale src/content.config.ts sets for the build.
z.config(z.locales.nl());

const CENTRE_IDS = ['antwerpen', 'mechelen', 'kempen', 'limburg', 'leuven', 'halle-vilvoorde', 'oost-vlaanderen', 'zuid-west-vlaanderen', 'noord-west-vlaanderen'];

/** Parses and fails with the editor's view of every problem, so a broken entry is readable in the test output. */
function parseOrExplain<S extends z.ZodType>(schema: S, file: string, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${file}:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return result.data;
}

const centres = readEntries('centres', ['.mdx']).map((e) => ({ ...e, data: parseOrExplain(centreSchema, e.file, e.data) }));
const municipalities = (readFrontmatter(join(contentDir, 'municipalities/municipalities.yaml')) as unknown[]).map((m) =>
  parseOrExplain(municipalitySchema, 'municipalities.yaml', m),
);

describe('the real content parses', () => {
  it('has exactly the nine centres, each with a unique code and a lastReviewed date', () => {
    expect(centres.map((c) => c.id).sort()).toEqual([...CENTRE_IDS].sort());
    expect(new Set(centres.map((c) => c.data.code)).size).toBe(9);
    for (const c of centres) {
      expect(c.data.lastReviewed.date).toBeInstanceOf(Date);
      // Nothing is confirmed by a centre yet: a claim of "centrum" would be false.
      expect(c.data.lastReviewed.by, c.id).toBe('bronnen');
    }
  });

  it('marks every centre without confirmed tracks or mailboxes as gedeeltelijk', () => {
    for (const c of centres) {
      const missing = c.data.tracks.length === 0 || c.data.referralMailbox === null || c.data.adviceMailbox === null;
      if (missing) expect(c.data.dataStatus, c.id).toBe('gedeeltelijk');
    }
  });

  it('turns "onbekend" into no mailbox and keeps real mailboxes as written', () => {
    const byId = Object.fromEntries(centres.map((c) => [c.id, c.data]));
    expect(byId.antwerpen.referralMailbox).toBe('CO3@antwerpen.be');
    expect(byId.antwerpen.adviceMailbox).toBe('fic@antwerpen.be');
    expect(byId['oost-vlaanderen'].referralMailbox).toBe('ketenaanpakifg.ovl@vlaanderen.be');
    expect(byId.limburg.referralMailbox).toBeNull();
  });

  it('limits tracks only to municipalities that the same centre serves', () => {
    const centreOf = new Map(municipalities.map((m) => [m.id, m.centre]));
    for (const c of centres)
      for (const t of c.data.tracks)
        for (const id of t.municipalities ?? []) expect(centreOf.get(id), `${c.id} track ${t.track}: ${id}`).toBe(c.id);
  });

  it('parses every group and event, and each names centres that exist', () => {
    for (const g of readEntries('groups', ['.md', '.yaml'])) {
      const data = parseOrExplain(groupSchema, g.file, g.data);
      expect(CENTRE_IDS, g.file).toContain(data.centre);
    }
    for (const e of readEntries('events', ['.md', '.yaml'])) {
      const data = parseOrExplain(eventSchema, e.file, e.data);
      for (const id of data.centres) expect(CENTRE_IDS, e.file).toContain(id);
    }
  });

  it('has every general page the site links to, and the quick-exit explanation', () => {
    const pages = readEntries('pages', ['.mdx']);
    for (const p of pages) parseOrExplain(pageSchema, p.file, p.data);
    const ids = pages.map((p) => p.id);
    for (const id of ['hulp', 'wat-is-ifg', 'sporen', 'zes-stappen', 'casusregisseur', 'beroepsgeheim', 'noodnummers', 'veilig-online', 'privacy', 'toegankelijkheid']) expect(ids).toContain(id);
    expect(readFileSync(join(contentDir, 'pages/veilig-online.mdx'), 'utf8')).toMatch(/id="snel-weg"/);
  });
});

/** Broken fixtures: each must fail on the named field with a Dutch message that tells the editor what to write. */
const fixtures: { file: string; schema: z.ZodType; problems: { path: string; message: RegExp }[] }[] = [
  { file: 'centre-mobile-number.mdx', schema: centreSchema, problems: [{ path: 'phoneLines.0.number', message: /gsm-nummer.*geen persoonlijk nummer/ }] },
  { file: 'centre-hours-reversed.mdx', schema: centreSchema, problems: [{ path: 'phoneLines.0.hours.0.closes', message: /sluitingsuur moet later zijn/ }] },
  { file: 'centre-no-tracks-complete.mdx', schema: centreSchema, problems: [{ path: 'tracks', message: /minstens één spoor.*gedeeltelijk/ }] },
  {
    file: 'centre-limited-without-note.mdx',
    schema: centreSchema,
    problems: [
      { path: 'lastReviewed', message: /Vul lastReviewed in als \{ date: .*by: bronnen \}/ },
    ],
  },
  {
    file: 'centre-bad-mailbox.mdx',
    schema: centreSchema,
    problems: [
      { path: 'referralMailbox', message: /geen geldig e-mailadres/ },
      { path: 'phoneLines.0.hours.0.days.0', message: /ma, di, wo, do, vr, za of zo/ },
      { path: 'phoneLines.0.hours.0.opens', message: /UU:MM/ },
    ],
  },
  {
    file: 'page-description-too-long.mdx',
    schema: pageSchema,
    problems: [
      { path: 'description', message: /^Houd dit korter: hoogstens 200 tekens\.$/ },
      { path: 'audience', message: /Kies "slachtoffers", "professionelen" of "iedereen"/ },
    ],
  },
  { file: 'group-planned-without-season.md', schema: groupSchema, problems: [{ path: 'season', message: /geplande groep heeft een season/ }] },
  {
    file: 'event-without-sessions.md',
    schema: eventSchema,
    problems: [
      { path: 'kind', message: /Kies "cursus"/ },
      { path: 'sessions', message: /minstens één sessie/ },
    ],
  },
];

describe('broken content is refused with the field and a Dutch explanation', () => {
  for (const f of fixtures) {
    it(f.file, () => {
      const result = f.schema.safeParse(readFrontmatter(resolve('tests/fixtures/content', f.file)));
      expect(result.success).toBe(false);
      const issues = result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      for (const p of f.problems) expect(issues).toContainEqual({ path: p.path, message: expect.stringMatching(p.message) });
    });
  }

  it('asks for a statusNote when a centre works "beperkt" (checked once the required fields are there)', () => {
    const data = readFrontmatter(resolve('tests/fixtures/content/centre-limited-without-note.mdx')) as Record<string, unknown>;
    const result = centreSchema.safeParse({ ...data, lastReviewed: { date: '2026-11-24', by: 'bronnen' } });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['statusNote', expect.stringMatching(/status "beperkt".*statusNote/)]]);
  });
});

describe('review dates and hours that nobody gave', () => {
  it('every group, event, page and help line says when and against what it was last checked', () => {
    const entries = [...readEntries('groups', ['.md']), ...readEntries('events', ['.md']), ...readEntries('pages', ['.mdx'])];
    for (const e of entries) expect(lastReviewed.safeParse((e.data as { lastReviewed?: unknown }).lastReviewed).success, e.file).toBe(true);
    const lines = readFrontmatter(join(contentDir, 'helplines/helplines.yaml')) as unknown[];
    for (const l of lines) parseOrExplain(helplineSchema, 'helplines.yaml', l);
  });

  it('warns, wherever a group is joined by e-mail, that someone else may read the sender\'s mail', () => {
    for (const g of readEntries('groups', ['.md'])) {
      const { howToJoin } = groupSchema.parse(g.data);
      if (/@/.test(howToJoin)) expect(howToJoin, g.file).toMatch(/wie in je mailbox kan, kan ook lezen wat je stuurt/);
    }
  });

  it('refuses a reviewer that is neither "bronnen" nor "centrum" (never a person)', () => {
    const result = lastReviewed.safeParse({ date: '2026-12-02', by: 'Marie' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['by', expect.stringMatching(/"bronnen".*"centrum"/)]]);
  });

  it('refuses a phone line without hours, and one with invented exact hours next to the source words', () => {
    const base = { id: 'co3-lijn', name: 'CO3-lijn', number: '03 435 98 21', audience: 'professionelen', purpose: 'Vragen na een aanmelding.' };
    expect(phoneLine.safeParse(base).error?.issues[0].message).toMatch(/Verzin geen uren/);
    expect(phoneLine.safeParse({ ...base, hoursText: 'dinsdag- en donderdagvoormiddag' }).success).toBe(true);
    const both = phoneLine.safeParse({ ...base, hoursText: 'dinsdag- en donderdagvoormiddag', hours: [{ days: ['di'], opens: '09:00', closes: '12:00' }] });
    expect(both.error?.issues[0].path).toEqual(['hoursText']);
  });

  it('keeps the CO3 line to the leaflet\'s words: no exact hours, so no live status', () => {
    const antwerpen = centres.find((c) => c.id === 'antwerpen')!.data;
    const co3 = antwerpen.phoneLines.find((l) => l.number === '03 435 98 21')!;
    expect(co3.hours).toEqual([]);
    expect(co3.hoursText).toBe('dinsdag- en donderdagvoormiddag');
  });
});

// Editors and developers read the schemas as the reference: every field says what it is.
describe('schema sources', () => {
  const dir = resolve('src/schemas');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    it(`${file}: every field has a JSDoc comment right above it`, () => {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      // A field: `name: z.string(...)`, `opens: clockTime,` or the shorthand `audience,`.
      const fields = lines
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => /^\s+[a-zA-Z]+: (z\.|[a-zA-Z]+[,.(]|[a-zA-Z]+$)/.test(line) || /^\s+[a-zA-Z]+,$/.test(line));
      const undocumented = fields.filter(({ i }) => !/\*\/\s*$/.test(lines[i - 1] ?? '')).map(({ line, i }) => `${i + 1}: ${line.trim()}`);
      expect(undocumented).toEqual([]);
      if (file !== 'common.ts') expect(fields.length, 'fields found').toBeGreaterThan(3);
    });
  }
});
