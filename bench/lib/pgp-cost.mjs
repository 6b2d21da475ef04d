// Encryption cost per submission: CPU time of encrypting one centre mail (text part +
// `<reference>.json.pgp`) to a centre's key, with the code the function runs
// (src/lib/intake/delivery/encrypted-mail.ts, bundled by esbuild as Netlify does) and keys
// made here at bench time: Curve25519 (openpgp.js's default, what Thunderbird and Gpg4win
// offer as ECC) and RSA-4096. Like a warm function instance, the module parses each key once
// and keeps it; `firstCallMs` is the first mail to a key (parse + self-signature checks).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validReferral } from './intake-samples.mjs';

const ENTRY = `
export { encryptCentreMail } from './src/lib/intake/delivery/encrypted-mail.ts';
export { renderReferralMail } from './src/lib/intake/render/mail.ts';
export { submissionExport } from './src/lib/intake/forms/export.ts';
export { directory } from './src/lib/intake/directory.ts';
`;

async function bundle(root) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'ifg-bench-pgp-'));
  const outfile = join(dir, 'entry.mjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
    outfile, bundle: true, platform: 'node', format: 'esm', target: 'node24', logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU ms (user + system of this thread) per call of `fn`, over about `ms` milliseconds of wall time. */
async function cpuPerCall(fn, ms) {
  let n = 0;
  const cpu = process.cpuUsage();
  const end = Date.now() + ms;
  while (Date.now() < end) { await fn(); n++; }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / n;
}

/**
 * @param {{ root: string, quick?: boolean }} options `root`: the project folder (generated
 *   directory must exist: `node scripts/generate-directory.mjs`).
 * @returns {Promise<{ runs: number, cases: Array<{ name: string, cpuMs: number, firstCallMs: number, samples: number[], textBytes: number, attachmentBytes: number }> }>}
 */
export async function pgpCost({ root, quick = false }) {
  const m = await bundle(root);
  const { generateKey } = await import('openpgp');
  const user = [{ name: 'Benchcentrum', email: 'bench@centrum.invalid' }];
  const keys = [
    ['Curve25519', (await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: user, format: 'armored' })).publicKey],
    ['RSA-4096', (await generateKey({ type: 'rsa', rsaBits: 4096, userIDs: user, format: 'armored' })).publicKey],
  ];
  const centre = m.directory.centres.find((c) => c.code === 'OVL') ?? m.directory.centres[0];
  const data = validReferral();
  const reference = `${centre.code}-7K3M-9QXP`;
  const mail = m.renderReferralMail(data, { centre, reference, municipalityName: 'Wortegem-Petegem', overridden: false });
  const exported = m.submissionExport({ kind: 'referral', data, reference, centre, municipalityName: 'Wortegem-Petegem', overridden: false, submittedAt: new Date() });

  const runs = quick ? 3 : 5;
  const cases = [];
  for (const [name, key] of keys) {
    const once = () => m.encryptCentreMail(mail, exported, key);
    const t0 = process.hrtime.bigint();
    const sample = await once();
    const firstCallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    await cpuPerCall(once, 300); // warm-up: JIT, and openpgp.js's lazy load
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await cpuPerCall(once, 1000));
    cases.push({ name, cpuMs: median(samples), firstCallMs: Number(firstCallMs.toFixed(1)), samples: samples.map((s) => Number(s.toFixed(2))), textBytes: sample.text.length, attachmentBytes: sample.attachments[0].content.length });
  }
  return { runs, cases };
}

// `node bench/lib/pgp-cost.mjs`: the figures alone.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = new URL('../..', import.meta.url).pathname;
  console.log(JSON.stringify(await pgpCost({ root, quick: process.argv.includes('--quick') }), null, 2));
}
