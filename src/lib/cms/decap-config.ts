import type { z } from 'astro/zod';

/**
 * Builds the Decap CMS configuration from the zod content schemas, so the editor at
 * /admin/ asks for exactly what the build accepts: every field, its Dutch label and
 * hint (from `.meta({ title, description })`), required or not, and the schema's own
 * patterns, lengths and list sizes with the schema's own Dutch messages.
 * What the schema checks across fields (`.refine`) the editor cannot know; the build
 * still refuses it, with the schema's message (docs/editing.md says so).
 */

type Schema = z.ZodType;
// zod 4 keeps a schema's structure on `_zod.def`; the public types do not expose it.
type Def = { type: string; [key: string]: any };
const defOf = (schema: Schema): Def => (schema as any)._zod.def;
const metaOf = (schema: Schema): { title?: string; description?: string } | undefined => (schema as any).meta?.();

export interface EditorField {
  name: string;
  label: string;
  hint?: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  pattern?: [string, string];
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  options?: (string | number)[];
  multiple?: boolean;
  fields?: EditorField[];
  field?: EditorField;
  [key: string]: unknown;
}

/** Per collection: fields that stay out of an editor's reach, or point at another collection. */
export interface FieldOverrides {
  /** Kept in the file but not shown (ids and codes other data depends on). */
  hidden?: string[];
  /** Field (dotted path) → collection whose entry ids it holds. */
  relations?: Record<string, { collection: string; display: string; multiple?: boolean }>;
  /** Field (dotted path) → a sentence added to its hint: what the field switches on or off for readers. */
  hints?: Record<string, string>;
}

export interface CollectionSpec {
  name: string;
  label: string;
  labelSingular: string;
  folder: string;
  extension: 'md' | 'mdx';
  schema: Schema;
  /** Field shown in lists, e.g. `name`. */
  identifier: string;
  /** Whether editors may add entries (a new centre needs a developer). */
  create: boolean;
  overrides?: FieldOverrides;
  /** Label and hint of the text below the frontmatter. */
  body: { label: string; hint: string };
  /** Shown above the list of entries, e.g. what each centre's data switches on (scripts/cms-prepare.mjs). */
  description?: string;
  /** What the list shows per entry, e.g. `{{name}} · aanmelden: {{referralMailbox}}`; the identifier by default. */
  summary?: string;
}

const messageOf = (holder: Def | undefined): string | undefined => {
  const error = holder?.error;
  if (typeof error === 'function') {
    const message = error({});
    return typeof message === 'string' ? message : message?.message;
  }
  return typeof error === 'string' ? error : undefined;
};

const stripAnchors = (source: string) => source.replace(/^\^/, '').replace(/\$$/, '');

/** The rules of a plain string schema, as one Decap pattern and one message. */
function stringPattern(def: Def): [string, string] | undefined {
  const parts: string[] = [];
  const messages: string[] = [];
  let min: number | undefined;
  let max: number | undefined;
  for (const check of def.checks ?? []) {
    const c = defOf(check);
    if (c.check === 'min_length') { min = c.minimum; messages.push(messageOf(c) ?? `Schrijf minstens ${c.minimum} tekens.`); }
    else if (c.check === 'max_length') { max = c.maximum; messages.push(messageOf(c) ?? `Hoogstens ${c.maximum} tekens.`); }
    else if (c.check === 'string_format' && c.pattern) { parts.push(`(?=^(?:${stripAnchors(c.pattern.source)})$)`); messages.push(messageOf(c) ?? 'Dit is niet in de juiste vorm.'); }
    else if (c.check === 'string_format' && c.format === 'url') { parts.push('(?=^https?://\\S+$)'); messages.push(messageOf(c) ?? messageOf(def) ?? 'Schrijf een volledig webadres.'); }
  }
  if (min !== undefined || max !== undefined) {
    // zod trims first, so count the characters between the first and last non-space.
    const core = `(?=\\S)[\\s\\S]{${Math.max(min ?? 0, 1)},${max ?? ''}}(?<=\\S)`;
    parts.unshift(min && min > 0 ? `(?=^\\s*${core}\\s*$)` : `(?=^\\s*(?:${core})?\\s*$)`);
  }
  if (parts.length === 0) return undefined;
  return [`^${parts.join('')}[\\s\\S]*$`, [...new Set(messages)].join(' ')];
}

interface Unwrapped { inner: Schema; required: boolean; default?: unknown; meta?: { title?: string; description?: string } }

function unwrap(schema: Schema): Unwrapped {
  let current = schema;
  let required = true;
  let fallback: unknown;
  let meta = metaOf(current);
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') required = false;
    else if (def.type === 'default') { required = false; fallback = def.defaultValue; }
    else break;
    current = def.innerType;
    meta ??= metaOf(current);
  }
  return { inner: current, required, default: fallback, meta };
}

function describe(path: string, schema: Schema, overrides: FieldOverrides): EditorField {
  const name = path.split('.').at(-1)!;
  const { inner, required, default: fallback, meta } = unwrap(schema);
  if (!meta?.title) throw new Error(`cms-config: field "${path}" has no Dutch label; add .meta({ title, description }) to it`);
  const hint = [meta.description, overrides.hints?.[path]].filter(Boolean).join(' ');
  const base: EditorField = { name, label: meta.title, widget: 'string', ...(hint ? { hint } : {}) };
  if (!required) base.required = false;
  if (fallback !== undefined && !(Array.isArray(fallback) && fallback.length === 0)) base.default = fallback;
  if (overrides.hidden?.includes(path)) return { ...base, widget: 'hidden' };
  const relation = overrides.relations?.[path];
  if (relation) {
    const list = defOf(inner).type === 'array' ? defOf(inner) : undefined;
    return {
      ...base, widget: 'relation', collection: relation.collection, value_field: '{{slug}}',
      search_fields: [relation.display], display_fields: [relation.display],
      ...(list ? { multiple: true, ...minMax(list) } : {}),
    };
  }
  const def = defOf(inner);
  switch (def.type) {
    case 'string': {
      const pattern = stringPattern(def);
      const max = (def.checks ?? []).map((c: Schema) => defOf(c)).find((c: Def) => c.check === 'max_length')?.maximum;
      return { ...base, widget: max && max >= 200 ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
    }
    case 'number': {
      const int = (def.checks ?? []).some((c: Schema) => defOf(c).format === 'safeint');
      return { ...base, widget: 'number', value_type: int ? 'int' : 'float' };
    }
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'date':
      return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD-MM-YYYY', time_format: false, picker_utc: true };
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(def.entries) as string[] };
    case 'object':
      return { ...base, widget: 'object', collapsed: false, fields: objectFields(inner, overrides, `${path}.`) };
    case 'union':
      return { ...base, ...unionField(path, def) };
    case 'array': {
      const item = unwrap(def.element);
      const itemDef = defOf(item.inner);
      const sizes = minMax(def);
      if (itemDef.type === 'enum') return { ...base, widget: 'select', multiple: true, options: Object.values(itemDef.entries) as string[], ...sizes };
      if (itemDef.type === 'object') {
        const fields = objectFields(item.inner, overrides, `${path}.`);
        return { ...base, widget: 'list', collapsed: true, summary: summaryOf(fields), fields, ...sizes };
      }
      const single = describe(`${path}.item`, item.meta?.title ? def.element : withMeta(def.element, meta), overrides);
      return { ...base, widget: 'list', field: { ...single, name: 'item' }, ...sizes };
    }
    default:
      throw new Error(`cms-config: field "${path}" has a zod type (${def.type}) the editor does not know`);
  }
}

/** A list item without a label of its own takes its list's label. */
function withMeta(schema: Schema, meta: { title?: string; description?: string } | undefined): Schema {
  return (schema as any).meta({ title: meta?.title, description: meta?.description });
}

/** What a closed list item shows: its first required fields, e.g. `09:00–16:00` (a list of days would show as JSON). */
function summaryOf(fields: EditorField[]): string {
  const shown = fields.filter((f) => f.required !== false && !f.multiple && !['hidden', 'object', 'list', 'text'].includes(f.widget)).slice(0, 3);
  return shown.map((f, i) => `{{fields.${f.name}}}${i === shown.length - 1 ? '' : f.name === 'opens' || f.name === 'start' ? '–' : ' '}`).join('');
}

function minMax(def: Def): Partial<EditorField> {
  const sizes: Partial<EditorField> = {};
  for (const check of def.checks ?? []) {
    const c = defOf(check);
    if (c.check === 'min_length') sizes.min = c.minimum;
    if (c.check === 'max_length') sizes.max = c.maximum;
  }
  return sizes;
}

/** `onbekend` or an e-mail address; 0, 1, 2 or 3. */
function unionField(path: string, def: Def): Partial<EditorField> {
  const options = def.options.map((o: Schema) => defOf(o));
  const literals = options.map((o: Def) => (o.type === 'pipe' ? defOf(o.in) : o));
  if (literals.every((o: Def) => o.type === 'literal' && typeof o.values[0] === 'number')) {
    const values = literals.map((o: Def) => o.values[0] as number).sort((a: number, b: number) => a - b);
    if (values.some((v: number, i: number) => v !== values[0] + i)) throw new Error(`cms-config: "${path}" holds numbers with gaps`);
    return { widget: 'number', value_type: 'int', min: values[0], max: values.at(-1) };
  }
  const alternatives: string[] = [];
  for (const o of literals) {
    if (o.type === 'literal') alternatives.push(...o.values.map((v: unknown) => String(v).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    else if (o.type === 'string') {
      const formats = (o.checks ?? []).map((c: Schema) => defOf(c)).filter((c: Def) => c.pattern);
      if (formats.length !== 1) throw new Error(`cms-config: "${path}" mixes text rules the editor cannot express`);
      alternatives.push(`(?:${stripAnchors(formats[0].pattern.source)})`);
    } else throw new Error(`cms-config: "${path}" is a union the editor does not know`);
  }
  return { widget: 'string', pattern: [`^\\s*(?:${alternatives.join('|')})\\s*$`, messageOf(def) ?? 'Kies een geldige waarde.'] };
}

function objectFields(schema: Schema, overrides: FieldOverrides, prefix = ''): EditorField[] {
  const shape = defOf(schema).shape as Record<string, Schema>;
  return Object.entries(shape).map(([key, field]) => describe(`${prefix}${key}`, field, overrides));
}

export interface DecapConfigOptions {
  /** GitHub repository as owner/name. */
  repo: string;
  /** Where the local proxy (decap-server) listens; `true` for its default port 8081. */
  localBackend: true | { url: string };
  collections: CollectionSpec[];
  /** URL of the site, for "view live". */
  siteUrl?: string;
}

export function decapConfig(options: DecapConfigOptions): Record<string, unknown> {
  return {
    backend: {
      name: 'github',
      repo: options.repo,
      branch: 'main',
      base_url: 'https://api.netlify.com',
      auth_endpoint: 'auth',
      // The least GitHub scope the editor works with: the repository is public, so the token
      // needs write access to public repositories only, not to every private one of the editor
      // (Decap asks for `repo` by default). README, "De redactie", says what is left.
      auth_scope: 'public_repo',
      squash_merges: true,
      commit_messages: {
        create: 'CMS: nieuw {{collection}} "{{slug}}"',
        update: 'CMS: {{collection}} "{{slug}}" bijgewerkt',
        delete: 'CMS: {{collection}} "{{slug}}" verwijderd',
        uploadMedia: 'CMS: bestand "{{path}}" toegevoegd',
        deleteMedia: 'CMS: bestand "{{path}}" verwijderd',
      },
    },
    // Only used when the editor runs on localhost/127.0.0.1 (Decap checks the host).
    local_backend: options.localBackend,
    publish_mode: 'editorial_workflow',
    locale: 'nl',
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    // No uploads. The site shows no editor images, and Decap commits an upload from its Media
    // page straight to the published branch, past the review workflow (decaporg/decap-cms#5061):
    // the library public/admin/no-uploads.js registers has no Media page and uploads nothing.
    // Decap still needs a folder; scripts/cms-media.mjs keeps it to images and netlify.toml
    // serves /media/* so nothing there runs.
    media_library: { name: 'geen-uploads' },
    media_folder: 'public/media',
    public_folder: '/media',
    slug: { encoding: 'ascii', clean_accents: true },
    collections: options.collections.map((c) => ({
      name: c.name,
      label: c.label,
      label_singular: c.labelSingular,
      folder: c.folder,
      extension: c.extension,
      format: 'frontmatter',
      create: c.create,
      delete: false,
      identifier_field: c.identifier,
      ...(c.description ? { description: c.description } : {}),
      summary: c.summary ?? `{{${c.identifier}}}`,
      editor: { preview: false },
      fields: [
        ...objectFields(c.schema, c.overrides ?? {}),
        // The text below the frontmatter (MDX): edited as raw text so components survive.
        { name: 'body', label: c.body.label, hint: c.body.hint, widget: 'markdown', modes: ['raw'], required: false },
      ],
    })),
  };
}
