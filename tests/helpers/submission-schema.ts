import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

export const SCHEMA_FILE = 'public/schemas/intake-submission.v1.schema.json';

/** The published JSON Schema of the attached document, compiled as a centre's system would. */
export function publishedValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}
