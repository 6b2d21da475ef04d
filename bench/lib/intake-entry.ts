// What the in-process intake bench drives, bundled by esbuild (bench/lib/intake-bench.mjs):
// the same modules the functions run between parsing the body and answering.
export { validate } from '../../src/lib/intake/forms/validate';
export { directory } from '../../src/lib/intake/directory';
export { submit } from '../../src/lib/intake/delivery/submit';
export { newSubmissionId } from '../../src/lib/intake/reference';
