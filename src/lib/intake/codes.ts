/**
 * Error codes live in the schemas; their Dutch wording lives in src/i18n/nl.json under
 * `intake.error.<code>`. Every code passes through `code()` so a test can prove that
 * each one has wording and that no wording is left without a code.
 */
export const registeredCodes = new Set<string>();

export function code(name: string): string {
  registeredCodes.add(name);
  return name;
}

/** Codes the error mapper uses itself, not tied to one schema field. */
export const genericCodes = {
  invalid: code('invalid'),
  tooLong: code('tooLong'),
  unknownField: code('unknownField'),
  tooMany: code('tooMany'),
} as const;
