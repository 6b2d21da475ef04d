import { z } from 'zod';
import { exportDocs, submissionExportSchema } from './export';

/**
 * The JSON Schema (draft 2020-12) of the attached document, from the zod schemas, for the
 * centres' systems; written to public/schemas/ (see tests/unit/intake/export.test.ts).
 *
 * zod cannot describe the output of a transform. The only ones in the forms are the repeating
 * groups (adults, children), which drop rows left empty: their output is the array they take
 * in, without the empty (null) rows, so that is what the schema says. Any other transform
 * makes this throw, so a new one is noticed here rather than published as "anything".
 */
export function submissionJsonSchema(): Record<string, unknown> {
  const transforms = new Set<unknown>();
  const described = new Set<unknown>();
  const schema = z.toJSONSchema(submissionExportSchema, {
    io: 'output',
    target: 'draft-2020-12',
    metadata: exportDocs,
    unrepresentable: 'any',
    override(ctx) {
      const def = ctx.zodSchema._zod.def as { type: string; in?: z.ZodType; out?: z.ZodType };
      if (def.type === 'transform') transforms.add(ctx.zodSchema);
      if (def.type !== 'pipe' || def.out?._zod.def.type !== 'transform' || def.in?._zod.def.type !== 'array') return;
      const input = z.toJSONSchema(def.in, { io: 'output', target: 'draft-2020-12', metadata: exportDocs }) as { items: { anyOf: Array<{ type?: string }> } } & Record<string, unknown>;
      const rows = input.items.anyOf.filter((s) => s.type !== 'null');
      if (rows.length !== 1) throw new Error('submissionJsonSchema: unexpected repeating group');
      delete input.$schema;
      Object.assign(ctx.jsonSchema, input, { items: rows[0] });
      described.add(def.out);
    },
  }) as Record<string, unknown>;
  if ([...transforms].some((t) => !described.has(t))) throw new Error('submissionJsonSchema: a transform outside a repeating group cannot be described');
  return schema;
}
