// In-process intake throughput: validation, routing, reference, mail rendering and
// submit() with an in-memory mailer and outbox, one thread, submissions per second.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './page-weight.mjs';
import { invalidAdvice, invalidReferral, validAdvice, validReferral } from './intake-samples.mjs';

/** Runs package.json's `prebuild` (it writes src/lib/intake/generated/) when the generated directory is missing. */
export function ensureGenerated(root) {
  if (existsSync(join(root, 'src/lib/intake/generated/directory.json'))) return;
  const prebuild = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.prebuild;
  if (!prebuild) return;
  const r = spawnSync('/bin/sh', ['-c', prebuild], { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` } });
  if (r.status !== 0) throw new Error('prebuild failed');
}

/** Bundles a TypeScript entry with esbuild (the bundler Netlify uses for functions) and imports it. */
export async function importTs(root, entry) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'ifg-bench-ts-'));
  const outfile = join(dir, 'entry.mjs');
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'error',
    // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Calls `fn` repeatedly for about `ms` milliseconds. Returns calls per CPU second of this
 * thread (user + system: what one core does, whatever else the machine runs) and per wall second.
 */
async function rate(fn, ms) {
  let n = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 50; i++) await fn();
    n += 50;
    now = process.hrtime.bigint();
  }
  const used = process.cpuUsage(cpu);
  return { perSecond: n / ((used.user + used.system) / 1e6), perWallSecond: n / (Number(now - start) / 1e9), iterations: n };
}

/** `runs` samples of `rate(fn, 1000)` after a warm-up (JIT and zod's first-use compilation). */
async function sampled(fn, runs) {
  await rate(fn, 300);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await rate(fn, 1000));
  return samples;
}

/** Submits a validated input as the function does; throws unless it was sent. */
async function send(m, kind, v, deps) {
  const r = await m.submit({ kind, data: v.data, centre: v.centre, municipalityName: v.municipalityName, overridden: v.overridden, submissionId: m.newSubmissionId() }, deps);
  if (r.status !== 'sent') throw new Error(`submit answered ${r.status}`);
}

export async function inProcess({ root, quick = false }) {
  ensureGenerated(root);
  const m = await importTs(root, 'bench/lib/intake-entry.ts');
  const sent = [];
  const mailer = { send: async (mail) => (sent.push(mail.idempotencyKey), { ok: true, id: `fake-${sent.length}` }) };
  const outbox = { put: async () => {}, retry: async () => ({ delivered: 0, waiting: 0, expired: 0, skipped: 0, skippedKinds: [], failed: [] }) };
  // As in production: no redirect, a keyed reference (REFERENCE_SECRET, at least 32 characters).
  const deps = { mailer, outbox, redirectTo: null, referenceSecret: 'bench-reference-secret-0123456789abcdef' };

  const valid = (kind, input) => async () => {
    const v = m.validate(kind, input, m.directory);
    if (!v.ok) throw new Error(`bench sample for ${kind} is not valid: ${JSON.stringify(v.errors)}`);
    await send(m, kind, v, deps);
  };
  const invalid = (kind, input) => async () => {
    const v = m.validate(kind, input, m.directory);
    if (v.ok || v.errors.length < 3) throw new Error(`bench sample for invalid ${kind} gave ${v.ok ? 'no errors' : v.errors.length + ' errors'}`);
  };
  const cases = [
    ['referral, valid: validate + route + reference + render + send', valid('referral', validReferral())],
    ['referral, invalid: validate (field errors)', invalid('referral', invalidReferral())],
    ['advice, valid: validate + route + reference + render + send', valid('advice', validAdvice())],
    ['advice, invalid: validate (field errors)', invalid('advice', invalidAdvice())],
  ];
  const runs = quick ? 3 : 5;
  const out = [];
  for (const [name, fn] of cases) {
    const samples = await sampled(fn, runs);
    out.push({ name, perSecond: median(samples.map((s) => s.perSecond)), perWallSecond: median(samples.map((s) => s.perWallSecond)), iterations: median(samples.map((s) => s.iterations)), samples: samples.map((s) => Math.round(s.perSecond)) });
  }
  // The centre mail (and a receipt only to an allow-listed domain), each with its own key: nothing sent twice.
  if (new Set(sent).size !== sent.length) throw new Error('a submission produced the same idempotency key twice');
  return { runs, cases: out, flood: await floodCost(m, deps, runs) };
}

/**
 * The same submission with the guard's store on a local Netlify Blobs server (HTTP on
 * 127.0.0.1, as `netlify dev` and the tests run it): wall time per submission with and
 * without the guard, one at a time. Netlify's Blobs is further away than loopback, so this
 * is the floor of what the six round trips cost.
 */
async function overLocalBlobs(m, deps, input, runs) {
  const { BlobsServer } = await import('@netlify/blobs/server');
  const dir = mkdtempSync(join(tmpdir(), 'ifg-bench-blobs-'));
  const server = new BlobsServer({ directory: dir, token: 'bench', logger: () => {} });
  const { port } = await server.start();
  const saved = process.env.NETLIFY_BLOBS_CONTEXT;
  process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify({ edgeURL: `http://127.0.0.1:${port}`, uncachedEdgeURL: `http://127.0.0.1:${port}`, siteID: 'bench', token: 'bench' })).toString('base64');
  try {
    const guard = m.createGuard(m.netlifyStore('bench-guard', null), { clientLimit: 1e12, clientLimitNoProof: 1e12, centreMailsPerHour: 1e12 }, deps.referenceSecret);
    const one = (withGuard) => async () => {
      const v = m.validate('referral', input, m.directory);
      if (withGuard && !(await guard.admitClient(`198.51.100.${Math.floor(Math.random() * 250)}`, false))) throw new Error('bench client refused');
      await send(m, 'referral', v, withGuard ? { ...deps, guard } : deps);
    };
    const wall = async (fn) => median((await sampled(fn, runs)).map((s) => s.perWallSecond));
    const without = await wall(one(false));
    const withGuard = await wall(one(true));
    return { localBlobsWallMsPerSubmission: 1000 / withGuard - 1000 / without, localBlobsWithPerWallSecond: withGuard, localBlobsWithoutPerWallSecond: without };
  } finally {
    if (saved === undefined) delete process.env.NETLIFY_BLOBS_CONTEXT; else process.env.NETLIFY_BLOBS_CONTEXT = saved;
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The flood defence per submission (issue 19): what the function adds before and around
 * `submit` (client counter under a keyed hash, proof check, delivered record, centre
 * budget), in CPU, and how many Blobs round trips it makes; the proof's server check and
 * the browser's solve at the default difficulty. The store is in memory here, so the
 * round trips are counted, not timed: each is one HTTP request to Netlify Blobs.
 */
async function floodCost(m, deps, runs) {
  const secret = deps.referenceSecret;
  let calls = 0;
  const base = m.memoryStore();
  const store = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, typeof v === 'function' ? (...a) => (calls++, v(...a)) : v]));
  const guard = m.createGuard(store, { clientLimit: 1e12, clientLimitNoProof: 1e12, centreMailsPerHour: 1e12 }, secret);
  const id = 'bench-submission-0123456789';
  const c = await m.challengeFor(id, secret, 10_000);
  const solved = await m.solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  const proof = Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solved.number, salt: c.salt, signature: c.signature })).toString('base64');
  const input = validReferral();
  const one = (withGuard) => async () => {
    const v = m.validate('referral', input, m.directory);
    if (withGuard) {
      if (!(await m.proofHolds(proof, id, secret))) throw new Error('bench proof does not hold');
      if (!(await guard.admitClient(`198.51.100.${Math.floor(Math.random() * 250)}`, true))) throw new Error('bench client refused');
    }
    await send(m, 'referral', v, withGuard ? { ...deps, guard } : deps);
  };
  const measure = async (fn) => median((await sampled(fn, runs)).map((s) => s.perSecond));
  const without = await measure(one(false));
  calls = 0;
  await one(true)();
  const roundTrips = calls;
  const withGuard = await measure(one(true));
  const verify = await measure(() => m.proofHolds(proof, id, secret));
  // The browser's side: solves at the default difficulty (10,000), in Node on this machine.
  const solves = [];
  for (let i = 0; i < (runs * 4); i++) {
    const ch = await m.challengeFor(`${id}-${i}`, secret, 10_000);
    const t = performance.now();
    await m.solveChallenge(ch.challenge, ch.salt, ch.algorithm, ch.maxnumber).promise;
    solves.push(performance.now() - t);
  }
  const local = await overLocalBlobs(m, deps, input, runs);
  return {
    ...local,
    cpuMsPerSubmission: 1000 / withGuard - 1000 / without,
    withoutPerSecond: without, withPerSecond: withGuard,
    blobsRoundTrips: roundTrips,
    proofVerifyMs: 1000 / verify,
    proofSolveMsMedian: median(solves), proofSolveMsMax: Math.max(...solves), solves: solves.length,
  };
}
