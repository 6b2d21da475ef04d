import { z } from 'zod';
import { REFERENCE_PATTERN } from '../reference';
import { adviceSchema } from './advice';
import { referralSchema } from './referral';

/**
 * The machine-readable copy of a submission that an encrypted centre mail carries as
 * `<reference>.json.pgp`, so a centre imports it into its case system instead of retyping.
 * `data` is the validated form exactly as the form's schema returns it; its JSON Schema
 * (public/schemas/) is generated from these zod schemas.
 */
/**
 * The JSON Schema's titles and descriptions. The form fields carry their own `.meta()` for
 * the form (labels, autocomplete, ...), which is no JSON Schema, so the schema is generated
 * from this registry only.
 */
export const exportDocs = z.registry<{ title?: string; description?: string }>();

const envelope = {
  /** Shape of this document; a new number means a field changed meaning. Example: `1`. */
  version: z.literal(1),
  /** The reference the referrer also sees. Example: `OVL-7K3M-9QXP`. */
  reference: z.string().regex(REFERENCE_PATTERN),
  /** The centre the submission was delivered to. Example: `{ "id": "oost-vlaanderen", "code": "OVL" }`. */
  centre: z.strictObject({ id: z.string().regex(/^[a-z-]+$/), code: z.string().regex(/^[A-Z]{3}$/) }),
  /** The municipality as the portal recognised it (official name), or null. Example: `Aalst`. */
  municipality: z.string().nullable(),
  /** True when the referrer chose this centre instead of the one serving the municipality. */
  overridden: z.boolean(),
  /** When the portal received it (UTC, ISO 8601). Example: `2026-12-02T12:00:00.000Z`. */
  submittedAt: z.iso.datetime(),
};

export const submissionExportSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('referral').register(exportDocs, { description: 'Aanmelding' }), ...envelope, data: referralSchema }),
    z.strictObject({ kind: z.literal('advice').register(exportDocs, { description: 'Adviesvraag' }), ...envelope, data: adviceSchema }),
  ])
  .register(exportDocs, {
    title: 'IFG-portaal: aanmelding of adviesvraag',
    description: 'De bijlage <referentie>.json.pgp van een versleutelde mail aan een IFG-centrum, na ontsleutelen.',
  });

export type SubmissionExport = z.infer<typeof submissionExportSchema>;

export interface ExportInput {
  kind: 'referral' | 'advice';
  data: unknown;
  reference: string;
  centre: { id: string; code: string };
  municipalityName: string | null;
  overridden: boolean;
  submittedAt: Date;
}

/** The document as it is attached (before padding and encryption). */
export function submissionExport(s: ExportInput): SubmissionExport {
  return {
    kind: s.kind, version: 1, reference: s.reference, centre: { id: s.centre.id, code: s.centre.code },
    municipality: s.municipalityName, overridden: s.overridden, submittedAt: s.submittedAt.toISOString(), data: s.data,
  } as SubmissionExport;
}
