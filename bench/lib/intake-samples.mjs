// Inputs for the intake benches: a full referral and advice request as the enhanced form
// sends them (JSON), and invalid ones with several field errors. When the shared sample
// submissions of tests/fixtures exist (issue 9), the bench takes those instead, so tests
// and bench send the same thing; these are the fallback until then.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sharedFile = new URL('../../tests/fixtures/intake-submissions.mjs', import.meta.url);
const shared = existsSync(fileURLToPath(sharedFile)) ? await import(sharedFile.href) : null;

const localReferral = () => ({
  referrer: { name: 'Noor Peeters', organisation: 'PZ Aalst', sector: 'politie', function: 'Inspecteur', phone: '053 72 37 00', email: 'onthaal@pz-aalst.example', reachable: 'Weekdagen 9-16 u' },
  // Late in the alphabetical list: the lookup scans it in order, so this is near its slowest hit.
  municipality: 'Wortegem-Petegem',
  offer: 'kortdurend',
  adults: [
    { role: 'slachtoffer', name: 'A. B.', birthYear: '1984', language: 'Nederlands' },
    { role: 'pleger', name: 'C. D.', birthYear: '1980' },
  ],
  children: [{ birthYear: '2015', relation: 'dochter' }, { birthYear: '2018', relation: 'zoon' }],
  safety: { call: 'ja', times: 'Na 14 u', message: 'nee' },
  violence: ['partner', 'kind'],
  police: 'ja',
  policeReport: 'AL.12.L3.001234/2026',
  risks: ['herhaling', 'kinderen'],
  helpSoFar: 'Begeleiding door het CAW sinds 2025, zonder veel effect. '.repeat(5),
  question: 'Wij vragen een verkennend casusoverleg voor dit gezin. De spanningen lopen op en de kinderen zijn getuige. '.repeat(4),
  familyInformed: 'ja',
  legalBasis: 'ja',
});

const localInvalidReferral = () => ({
  ...localReferral(),
  referrer: { name: '', organisation: 'PZ Aalst', sector: 'onbekend', phone: '12', email: 'geen-adres' },
  adults: [{ role: 'x' }],
  violence: [],
  legalBasis: undefined,
});

const localAdvice = () => ({
  name: 'Noor Peeters', organisation: 'CAW Oost-Vlaanderen', sector: 'caw', email: 'onthaal@caw.example',
  municipality: '9000', contact: 'e-mail', question: 'Ik twijfel of ik een gezin moet aanmelden. Kan iemand mij terugbellen? '.repeat(3),
});

const localInvalidAdvice = () => ({ name: '', organisation: '', sector: 'x', email: 'nee', municipality: 'Atlantis', question: '' });

/** The worst case the bench sends: every optional part filled. */
export const validReferral = shared?.fullReferral ?? localReferral;
export const invalidReferral = shared?.invalidReferral ?? localInvalidReferral;
export const validAdvice = shared?.validAdvice ?? localAdvice;
export const invalidAdvice = shared?.invalidAdvice ?? localInvalidAdvice;
