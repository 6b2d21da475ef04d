// The intake function under load, as Netlify runs it: the bundle zip-it-and-ship-it
// makes, loaded once in its own Node process (function-host.mjs) and called as
// `handler(request, context)` with a Netlify-shaped context (deploy context 'production':
// no redirect, REFERENCE_SECRET and OUTBOX_KEY set as production requires), the real Resend SDK talking to the fake Resend
// of tests/functions/support on 127.0.0.1, a local Netlify Blobs server.
// (a) open-loop load at fixed request rates (open-loop.mjs: evenly spaced arrivals that
//     never wait for an answer, latency from each request's scheduled send time to the
//     end of its answer), stepping up until p99 passes 50 ms: the highest rate with p99
//     under 50 ms. It replaced autocannon's overallRate, which is not open-loop: each
//     connection sends its share of a second at once, so a step measured its own bursts;
// (b) server CPU per submission, from /proc of the host process over each step;
// (c) cold start per function: a fresh process, from the start of the bundle's
//     import to its first answer.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunctions } from './bundles.mjs';
import { ensureGenerated, importTs } from './intake-bench.mjs';
import { validAdvice, validReferral } from './intake-samples.mjs';
import { openLoop } from './open-loop.mjs';

export const P99_GOAL_MS = 50;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** CPU milliseconds (user + system) a process has used so far, from /proc; null off Linux. */
export function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Percentile of sorted numbers (nearest rank). */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/**
 * What a site owner sets for production's functions (no CONTEXT: Netlify gives functions
 * none at runtime; the deploy context comes from `context.deploy.context`, function-host.mjs).
 * RESEND_BASE_URL points the real SDK at the fake Resend on 127.0.0.1, so the centres'
 * addresses never leave the machine.
 */
const functionEnv = (fakeUrl) => ({
  RESEND_API_KEY: 're_bench_key',
  RESEND_BASE_URL: fakeUrl,
  MAIL_FROM: 'Veilig Huis <intake@veilighuis.example>',
  OUTBOX_KEY: Buffer.alloc(32, 7).toString('base64'),
  OUTBOX_STORE: 'bench-outbox',
  REFERENCE_SECRET: 'bench-reference-secret-0123456789abcdef',
});

/** Starts function-host.mjs on a bundle; resolves with its origin and cold-start figures. */
async function host(bundle, { env, first, log }) {
  const port = await freePort();
  const childEnv = { ...process.env, ...env, BENCH_PORT: String(port), BENCH_FIRST: first ? JSON.stringify(first) : '', BENCH_DEPLOY_CONTEXT: 'production' };
  for (const k of ['CONTEXT', 'NODE_ENV', 'VITEST', 'MAIL_REDIRECT_TO']) delete childEnv[k];
  // The functions log a line per request to stdout: ignored, or the pipe would slow them.
  const child = spawn(process.execPath, [join(import.meta.dirname, 'function-host.mjs'), bundle], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      output += d;
      const line = output.split('\n').find((l) => l.startsWith('BENCH_READY '));
      if (line) resolve(JSON.parse(line.slice(12)));
    });
    child.once('exit', (code) => reject(new Error(`function-host exited (${code}):\n${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`function-host not ready in 60 s:\n${output.slice(-2000)}`)), 60_000).unref();
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  try {
    const info = await ready;
    log?.(`function-host: ${bundle.split('/').at(-1)} on ${info.origin}`);
    return { ...info, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One fixed-rate step: `rate` referrals per second for `seconds`. */
async function step(origin, fake, { rate, seconds, pid }) {
  const body = validReferral();
  const post = (submissionId) => ({ method: 'POST', headers: { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ ...body, submissionId }) });
  fake.reset('ok');
  const sent = [];
  const cpuBefore = cpuMsOf(pid);
  const result = await openLoop({
    url: `${origin}/api/referral`,
    rate,
    seconds,
    timeoutMs: 10_000,
    makeRequest: () => { const id = `bench-${randomUUID()}`; sent.push(id); return post(id); },
  });
  const cpuAfter = cpuMsOf(pid);
  const { latencies, statuses, errors } = result;
  latencies.sort((a, b) => a - b);
  const centreKeys = fake.mails.map((m) => m.key).filter((k) => k && !k.endsWith('-receipt'));
  const delivered = new Set(centreKeys);
  const answered = latencies.length;
  return {
    rate,
    achieved: answered / result.durationSeconds,
    requests: answered,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    errors,
    non201: Object.entries(statuses).filter(([s]) => s !== '201').reduce((n, [, c]) => n + c, 0),
    cpuMsPerSubmission: cpuBefore !== null && cpuAfter !== null && answered ? (cpuAfter - cpuBefore) / answered : null,
    // Exactly once: every answered submission has one centre mail, none twice.
    exactlyOnce: centreKeys.length === delivered.size && sent.filter((id) => delivered.has(`referral-${id}`)).length >= answered - errors,
  };
}

/** (a) and (b): fixed rates, stepping up until p99 passes the goal or the host cannot keep up. */
export async function sustainedRate({ root, quick = false, log = console.error }) {
  ensureGenerated(root);
  const { FakeResend } = await importTs(root, 'tests/functions/support/fake-resend.ts');
  const fake = await new FakeResend().start();
  const fnDir = mkdtempSync(join(tmpdir(), 'ifg-bench-fn-'));
  let server;
  try {
    const [bundle] = (await bundleFunctions(root, fnDir, 'none')).filter((f) => f.name === 'referral');
    server = await host(join(bundle.path, 'netlify/functions/referral.mjs'), { env: functionEnv(fake.url), log });
    // Warm-up: the SDK's connections and the lazy parts of the function; not measured.
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${server.origin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.origin, 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ ...validReferral(), submissionId: `bench-warmup-${randomUUID()}` }) });
      if (res.status !== 201) throw new Error(`warm-up answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    }
    const seconds = quick ? 3 : 5;
    const rates = [10, 25, 50, 100, 150, 200, 300, 400, 600, 800];
    const ok = (s) => s.p99 < P99_GOAL_MS && s.achieved >= 0.9 * s.rate && !s.errors && !s.non201;
    const steps = [];
    for (const rate of rates) {
      const s = await step(server.origin, fake, { rate, seconds, pid: server.pid });
      log(`intake rate ${rate}/s: p50 ${s.p50?.toFixed(1)} ms, p99 ${s.p99?.toFixed(1)} ms, ${s.achieved.toFixed(0)}/s answered, ${s.cpuMsPerSubmission?.toFixed(1)} ms CPU`);
      steps.push(s);
      // The host no longer answers at the offered rate: higher rates only queue.
      if (s.achieved < 0.9 * rate || s.errors) break;
      // Past the goal twice in a row: one step over it can be another process's burst on the shared cores.
      if (steps.length >= 2 && !ok(s) && !ok(steps.at(-2))) break;
    }
    const passing = steps.filter(ok);
    const best = passing.at(-1) ?? null;
    return {
      steps,
      bestRate: best?.rate ?? null,
      cpuMsPerSubmission: best?.cpuMsPerSubmission ?? steps[0]?.cpuMsPerSubmission ?? null,
      seconds,
      fakeDelayMs: 0,
    };
  } finally {
    await server?.stop();
    await fake.stop();
    rmSync(fnDir, { recursive: true, force: true });
  }
}

/** (c) Cold start of each bundled function, `runs` fresh processes each: import, then the first answer. */
export async function coldStarts({ root, bundles, runs = 3, log }) {
  const { FakeResend } = await importTs(root, 'tests/functions/support/fake-resend.ts');
  const fake = await new FakeResend().start();
  const first = {
    referral: () => ({ path: '/api/referral', method: 'POST', body: JSON.stringify({ ...validReferral(), submissionId: `bench-cold-${randomUUID()}` }) }),
    advice: () => ({ path: '/api/advice', method: 'POST', body: JSON.stringify({ ...validAdvice(), submissionId: `bench-cold-${randomUUID()}` }) }),
  };
  try {
    const out = {};
    for (const b of bundles) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        fake.reset('ok');
        const s = await host(b.entry, { env: functionEnv(fake.url), first: first[b.name]?.(), log });
        await s.stop();
        samples.push(s);
      }
      const med = (k) => { const v = samples.map((s) => s[k]).filter((n) => n != null).sort((a, b) => a - b); return v.length ? v[Math.floor(v.length / 2)] : null; };
      out[b.name] = { importMs: med('importMs'), firstAnswerMs: med('firstAnswerMs'), firstStatus: samples[0].firstStatus, runs };
    }
    return out;
  } finally {
    await fake.stop();
  }
}
