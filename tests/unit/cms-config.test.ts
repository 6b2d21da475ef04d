import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { editorCollections, outOfReach } from '../../src/lib/cms/collections';
import { decapConfig, type EditorField } from '../../src/lib/cms/decap-config';
import { readEntries } from '../helpers/content';
import { translatedLanguages } from '../../src/i18n/languages';
import { languageReviewers } from '../../src/lib/translation-status';

/**
 * The editor's settings (generated) against the zod schemas (the truth the build applies),
 * walked here through zod's public API, not the generator's code: every schema field has
 * an editor field and back, with the same required rule, choices, list sizes and number
 * range; and for text, zod is the oracle: each sample (edge cases plus every value in
 * today's content) is accepted by the editor's pattern exactly when zod accepts it.
 */

z.config(z.locales.nl());

const config = decapConfig({ repo: 'test/repo', localBackend: true, collections: editorCollections }) as {
  collections: { name: string; folder: string; fields: EditorField[]; summary?: string; create: boolean; delete: boolean; description?: string; label: string }[];
};

/** The content collection of content.config.ts an editor collection edits: src/content/<collection>/… */
const contentCollection = (folder: string) => folder.split('/')[2];

interface Leaf { path: string; schema: z.ZodType; required: boolean }

/** zod's own view: every field path with its schema (optional/default/nullable taken off). */
function walk(schema: z.ZodType, prefix = ''): Leaf[] {
  const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.entries(shape).flatMap(([key, field]) => {
    const path = `${prefix}${key}`;
    let inner: z.ZodType = field;
    let required = true;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) {
      required = false;
      inner = (inner as z.ZodOptional).unwrap() as z.ZodType;
    }
    const leaf = { path, schema: inner, required };
    if (inner instanceof z.ZodObject) return [leaf, ...walk(inner, `${path}.`)];
    if (inner instanceof z.ZodArray && inner.element instanceof z.ZodObject) return [leaf, ...walk(inner.element, `${path}.`)];
    return [leaf];
  });
}

function editorFields(fields: EditorField[], prefix = ''): Map<string, EditorField> {
  const map = new Map<string, EditorField>();
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    map.set(path, field);
    if (field.fields) for (const [p, f] of editorFields(field.fields, `${path}.`)) map.set(p, f);
  }
  return map;
}

/** Every value found at a path in today's content (arrays flattened). */
function contentValues(data: unknown[], path: string): unknown[] {
  let values = data;
  for (const key of path.split('.')) {
    values = values.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined)).filter((v) => v !== undefined);
  }
  return values.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** Sizes as zod itself reports them (its JSON Schema view). */
const limits = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, number | undefined>;
  return { min: json.minItems ?? json.minLength, max: json.maxItems ?? json.maxLength };
};

/** The message a union gives when no option fits (zod asks it with a non-string input). */
const unionMessage = (union: z.ZodUnion) => (union.safeParse(42).error?.issues[0]?.message);

const EDGE = ['', ' ', 'a', 'ab', 'abc', 'abcd', ' x ', 'onbekend', 'info@veilighuis.be', 'iemand@', 'niet-een-adres', 'x@y.z', '09:00', '9:00', '24:00', '23:59',
  '03 435 98 10', '1712', '02', '2300', '230', 'OVL', 'ovl', 'co3-lijn', 'Co3 lijn', 'https://www.1712.be', 'www.1712.be'];

const extension = { centres: ['.mdx'], groups: ['.md'], events: ['.md'], pages: ['.mdx'], translations: ['.mdx'] } as Record<string, string[]>;

describe('editor configuration generated from the content schemas', () => {
  it('covers every content collection, or says why an editor cannot reach it', () => {
    const registered = [...readFileSync('src/content.config.ts', 'utf8').matchAll(/^\s+(\w+): defineCollection/gm)].map((m) => m[1]);
    const covered = new Set([...editorCollections.map((c) => contentCollection(c.folder)), ...Object.keys(outOfReach)]);
    expect([...covered].sort()).toEqual([...registered].sort());
    // A collection is either in the editor or out of reach with a reason, never both.
    expect(editorCollections.map((c) => contentCollection(c.folder)).filter((name) => name in outOfReach)).toEqual([]);
  });

  for (const spec of editorCollections) {
    describe(spec.name, () => {
      const collection = config.collections.find((c) => c.name === spec.name)!;
      const fields = editorFields(collection.fields);
      const leaves = walk(spec.schema);
      const content = readEntries(spec.folder.replace(/^src\/content\//, ''), extension[contentCollection(spec.folder)]).map((e) => e.data);

      it('has an editor field, with a Dutch label, for every schema field, and no field the schema lacks', () => {
        expect(leaves.filter((l) => !fields.has(l.path)).map((l) => l.path)).toEqual([]);
        const schemaPaths = new Set(leaves.map((l) => l.path));
        expect([...fields.keys()].filter((p) => p !== 'body' && !schemaPaths.has(p))).toEqual([]);
        expect([...fields.values()].filter((f) => !f.label || f.label === f.name).map((f) => f.name)).toEqual([]);
      });

      it('asks for the same fields as required', () => {
        const differ = leaves.filter((l) => (fields.get(l.path)!.required !== false) !== l.required).map((l) => l.path);
        expect(differ).toEqual([]);
      });

      it('offers the same choices, list sizes and number ranges', () => {
        for (const { path, schema } of leaves) {
          const field = fields.get(path)!;
          if (field.widget === 'hidden') continue;
          const element = schema instanceof z.ZodArray ? (schema.element as z.ZodType) : undefined;
          const choices = schema instanceof z.ZodEnum ? schema.options : element instanceof z.ZodEnum ? element.options : undefined;
          if (choices) expect(field.options, path).toEqual(choices);
          if (schema instanceof z.ZodArray) {
            const { min, max } = limits(schema);
            expect([field.min, field.max], path).toEqual([min, max]);
          }
          if (schema instanceof z.ZodUnion && schema.options.every((o) => o instanceof z.ZodLiteral)) {
            const values = schema.options.flatMap((o) => [...(o as z.ZodLiteral).values]);
            const range = Array.from({ length: (field.max as number) - (field.min as number) + 1 }, (_, i) => (field.min as number) + i);
            expect([field.widget, field.value_type, range], path).toEqual(['number', 'int', values]);
          }
          if (schema instanceof z.ZodNumber) expect(field.value_type, path).toBe(schema.isInt ? 'int' : 'float');
        }
      });

      it('accepts exactly the text zod accepts, with zod\'s own Dutch message', () => {
        const mismatches: string[] = [];
        for (const { path, schema } of leaves) {
          const field = fields.get(path)!;
          if (field.widget === 'hidden' || field.widget === 'relation') continue;
          const texts = schema instanceof z.ZodArray ? (schema.element as z.ZodType) : schema;
          const target = schema instanceof z.ZodArray ? field.field : field;
          if (!(texts instanceof z.ZodString || texts instanceof z.ZodUnion) || !target) continue;
          if (texts instanceof z.ZodUnion && texts.options.every((o) => o instanceof z.ZodLiteral)) continue;
          const samples = new Set([...EDGE, ...contentValues(content, path).filter((v): v is string => typeof v === 'string')]);
          const { min, max } = limits(texts);
          for (const n of [min, max].filter((x): x is number => x !== undefined)) for (const len of [n - 1, n, n + 1]) if (len >= 0) samples.add('a'.repeat(len));
          const pattern = target.pattern ? new RegExp(target.pattern[0]) : undefined;
          for (const sample of samples) {
            const zodSays = texts.safeParse(sample);
            // An empty optional field is left out of the file, never saved as "".
            if (sample === '' && field.required === false) continue;
            const editorSays = sample !== '' && (pattern ? pattern.test(sample) : true);
            if (zodSays.success !== editorSays) mismatches.push(`${path}: ${JSON.stringify(sample)} zod ${zodSays.success} editor ${editorSays}`);
            if (!zodSays.success && !editorSays && pattern && sample !== '') {
              // The editor shows one of the schema's own messages: the field's (a union's) or the failed rule's.
              const messages = [...zodSays.error.issues.map((i) => i.message), ...(texts instanceof z.ZodUnion ? [unionMessage(texts)] : [])];
              if (!messages.some((m) => m && target.pattern![1].includes(m))) mismatches.push(`${path}: ${JSON.stringify(sample)} message "${target.pattern![1]}" is none of zod's "${messages.join(' / ')}"`);
            }
          }
        }
        expect(mismatches).toEqual([]);
      });
    });
  }

  it('tells editors what the mailboxes of a centre switch on, and lists each centre with its mailboxes', () => {
    const spec = config.collections.find((c) => c.name === 'centres')!;
    const centres = editorFields(spec.fields);
    expect(centres.get('referralMailbox')?.hint).toContain('Staat hier onbekend, dan weigert het aanmeldformulier elke gemeente van dit centrum');
    expect(centres.get('adviceMailbox')?.hint).toContain('weigert het adviesformulier');
    expect(spec.summary).toBe('{{name}} · aanmelden: {{referralMailbox}} · advies: {{adviceMailbox}}');
  });

  it('keeps ids and codes out of reach: the centre code is hidden, centre links pick an existing centre', () => {
    const centres = editorFields(config.collections.find((c) => c.name === 'centres')!.fields);
    expect(centres.get('code')?.widget).toBe('hidden');
    // Set with the key file after a phone call with the centre, never in the editor.
    expect(centres.get('keyFingerprint')?.widget).toBe('hidden');
    const groups = editorFields(config.collections.find((c) => c.name === 'groups')!.fields);
    expect(groups.get('centre')).toMatchObject({ widget: 'relation', collection: 'centres', value_field: '{{slug}}' });
    const events = editorFields(config.collections.find((c) => c.name === 'events')!.fields);
    expect(events.get('centres')).toMatchObject({ widget: 'relation', collection: 'centres', multiple: true, min: 1 });
    expect(config.collections.map((c) => c.name)).not.toContain('municipalities');
  });

  it('edits the translations, one collection per language, without adding or removing a page, and says who sets "nagelezen"', () => {
    const reviewers = languageReviewers();
    const translations = config.collections.filter((c) => contentCollection(c.folder) === 'translations');
    expect(translations.map((c) => c.folder).sort()).toEqual(translatedLanguages.map((l) => `src/content/translations/${l.code}`).sort());
    for (const collection of translations) {
      const lang = collection.folder.split('/').at(-1)!;
      const { role, team } = reviewers[lang];
      expect([collection.create, collection.delete], collection.name).toEqual([false, false]);
      const fields = editorFields(collection.fields);
      // The Dutch page a translation follows is its file name: not for an editor to change.
      expect(fields.get('translation.from.page')?.widget).toBe('hidden');
      expect(fields.get('translation.reviewed')).toMatchObject({ widget: 'boolean', label: 'Nagelezen' });
      // Who may tick it, and that merging waits for that language's team.
      expect(fields.get('translation.reviewed')?.hint, lang).toContain(role);
      expect(collection.description, lang).toContain(team);
      expect(fields.get('translation.reviewedBy')?.hint, lang).toContain(`${role}, `);
      // An edit after the review brings the sentence "not yet reviewed" back: the editor says so.
      expect(fields.get('body')?.hint, lang).toMatch(/nog niet nagelezen/);
    }
  });

  it('publishes through GitHub and Netlify\'s OAuth provider with the review workflow', () => {
    const full = decapConfig({ repo: 'veilighuis/ifg-portaal', localBackend: true, collections: editorCollections });
    expect(full).toMatchObject({
      backend: { name: 'github', repo: 'veilighuis/ifg-portaal', branch: 'main', base_url: 'https://api.netlify.com', auth_endpoint: 'auth' },
      publish_mode: 'editorial_workflow',
      local_backend: true,
    });
  });

  it('asks GitHub for the least scope that works: public_repo, not the full repo scope', () => {
    const full = decapConfig({ repo: 'veilighuis/ifg-portaal', localBackend: true, collections: editorCollections }) as { backend: Record<string, unknown> };
    expect(full.backend.auth_scope).toBe('public_repo');
  });

  it('offers no uploads: the media library is one that uploads nothing and has no Media page', () => {
    // Decap commits an upload from its Media page straight to the branch, past the review
    // workflow (decaporg/decap-cms#5061), so the editor has no upload at all.
    const full = decapConfig({ repo: 'veilighuis/ifg-portaal', localBackend: true, collections: editorCollections }) as Record<string, any>;
    expect(full.media_library).toEqual({ name: 'geen-uploads' });
    const widgets = [...editorFieldsOf(full.collections)].map((f) => f.widget);
    expect(widgets.filter((w) => w === 'image' || w === 'file')).toEqual([]);
    for (const collection of full.collections) expect(collection.fields.find((f: EditorField) => f.name === 'body')?.modes).toEqual(['raw']);
  });
});

function editorFieldsOf(collections: { fields: EditorField[] }[]): EditorField[] {
  return collections.flatMap((c) => [...editorFields(c.fields).values()]);
}
