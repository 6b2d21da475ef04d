// What the in-process intake bench drives, bundled by esbuild (bench/lib/intake-bench.mjs):
// the same modules the functions run between parsing the body and answering.
export { validate } from '../../src/lib/intake/forms/validate';
export { directory } from '../../src/lib/intake/directory';
export { submit } from '../../src/lib/intake/delivery/submit';
export { newSubmissionId } from '../../src/lib/intake/reference';
export { createGuard } from '../../src/lib/intake/guard/flood';
export { memoryStore } from '../../src/lib/intake/delivery/store';
export { challengeFor, proofHolds } from '../../src/lib/intake/guard/proof';
export { solveChallenge } from 'altcha-lib/v1';
export { netlifyStore } from '../../src/lib/intake/delivery/netlify-outbox';
