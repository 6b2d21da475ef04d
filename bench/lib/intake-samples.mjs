// Inputs for the intake benches: the shared sample submissions of tests/fixtures, so tests
// and bench send the same thing. The bench's valid referral is the worst case (every
// optional part filled); the invalid ones have several field errors each.
export { fullReferral as validReferral, invalidReferral, validAdvice, invalidAdvice } from '../../tests/fixtures/intake-submissions.mjs';
