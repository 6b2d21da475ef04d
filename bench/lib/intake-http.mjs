// Intake over loopback, the real Resend SDK talking to the fake Resend of
// tests/functions/support on 127.0.0.1, load from autocannon, two ways:
// 1. Netlify's local emulation (@netlify/dev, the engine `astro dev` embeds; see
//    netlify-serve.mjs for why not `astro dev` itself): a short sequential sample,
//    because the emulator rebuilds the function and starts a worker per request;
// 2. the bundle Netlify ships (zip-it-and-ship-it) loaded once, as a warm function
//    instance runs it (function-host.mjs): 1,000 submissions at concurrency 50.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { copyProject } from './build-scale.mjs';
import { ensureGenerated, importTs } from './intake-bench.mjs';
import { validReferral } from './intake-samples.mjs';

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
 * Starts a server script (netlify-serve.mjs or function-host.mjs) as a child process on
 * 127.0.0.1:`port`; resolves once /api/referral answers GET with the function's own 405.
 */
async function startChild(script, args, { cwd, port, env, log }) {
  const child = spawn(process.execPath, [join(import.meta.dirname, script), ...args], {
    cwd,
    env: { ...process.env, ...env, BENCH_PORT: String(port) },
    // The functions log a line per request to stdout; a pipe to this busy process would make
    // those writes (synchronous on Linux) part of the latency, so only stderr comes back.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited:\n${output.slice(-2000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${script} did not serve /api/referral within 120 s:\n${output.slice(-2000)}`);
    }
    try {
      const res = await fetch(`${origin}/api/referral`, { signal: AbortSignal.timeout(10_000) });
      if (res.status === 405) break;
    } catch {
      // not listening yet, or still bundling the function
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`${script}: serving on ${origin}`);
  return { origin, pid: child.pid, output: () => output, stop };
}

/**
 * Sends `amount` referrals at `connections` concurrency with autocannon, each with its own
 * submission id; returns latency percentiles, errors and the exactly-once check at the fake.
 */
export async function load(origin, fake, { amount, connections, pid }) {
  const body = validReferral();
  const post = (submissionId) => ({ method: 'POST', headers: { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ ...body, submissionId }) });
  // Warm-up: load the function and open the SDK's connections; not part of the figures.
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${origin}/api/referral`, post(`bench-warmup-${randomUUID()}`));
    if (res.status !== 201) throw new Error(`warm-up answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  }
  fake.reset('ok');
  const cpuBefore = pid ? cpuMsOf(pid) : null;
  const sent = [];
  const latencies = [];
  const statuses = {};
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${origin}/api/referral`,
        amount,
        connections,
        timeout: 60,
        requests: [{ setupRequest: (req) => { const id = `bench-${randomUUID()}`; sent.push(id); return { ...req, ...post(id) }; } }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const cpuAfter = pid ? cpuMsOf(pid) : null;
  latencies.sort((a, b) => a - b);
  // Exactly once: one centre mail per submission, keyed `referral-<id>`, and no second POST for any key.
  const centreKeys = fake.mails.map((m) => m.key).filter((k) => k && !k.endsWith('-receipt'));
  const perKey = new Map();
  for (const k of centreKeys) perKey.set(k, (perKey.get(k) ?? 0) + 1);
  const missing = sent.filter((id) => !perKey.has(`referral-${id}`)).length;
  const twice = [...perKey.values()].filter((c) => c > 1).length;
  const resent = fake.requests - fake.mails.length;
  const problems = [missing && `${missing} submissions without a centre mail`, twice && `${twice} sent twice`, resent && `${resent} repeated POSTs to Resend`].filter(Boolean);
  return {
    requests: latencies.length,
    concurrency: connections,
    seconds: result.duration,
    perSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    errors: result.errors + result.timeouts,
    non2xx: Object.entries(statuses).filter(([s]) => s !== '201').reduce((n, [, c]) => n + c, 0),
    statuses,
    fakeDelayMs: 0,
    // The server's own CPU per submission: what the function costs, apart from the load tool and the fake.
    serverCpuMsPerRequest: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / latencies.length : null,
    delivered: centreKeys.length,
    receipts: fake.mails.length - centreKeys.length,
    exactlyOnce: problems.length === 0 && sent.length === amount,
    deliveryProblem: problems.join(', ') || (sent.length !== amount ? `${sent.length} requests prepared for ${amount}` : ''),
  };
}

export async function overLoopback({ root, quick = false, log = console.error }) {
  ensureGenerated(root);
  const { FakeResend } = await importTs(root, 'tests/functions/support/fake-resend.ts');
  const { bundleFunctions } = await import('./bundles.mjs');
  const fake = await new FakeResend().start();
  // A private copy: the emulator's Blobs, bundled functions and caches stay out of the work tree.
  const dir = copyProject(root);
  const fnDir = mkdtempSync(join(tmpdir(), 'ifg-bench-fn-'));
  const env = (origin) => ({
    CONTEXT: 'production',
    RESEND_API_KEY: 're_bench_key',
    RESEND_BASE_URL: fake.url,
    MAIL_FROM: 'Veilig Huis <intake@veilighuis.example>',
    OUTBOX_KEY: Buffer.alloc(32, 7).toString('base64'),
    OUTBOX_STORE: 'bench-outbox',
    URL: origin,
  });
  const servers = [];
  try {
    ensureGenerated(dir);
    // 1. Netlify's local emulation: it rebuilds the function and starts a worker for every request,
    //    so only a short sequential sample fits the budget.
    let port = await freePort();
    const emu = await startChild('netlify-serve.mjs', [dir], { cwd: dir, port, env: env(`http://127.0.0.1:${port}`), log });
    servers.push(emu);
    const emulation = await load(emu.origin, fake, { amount: quick ? 5 : 10, connections: 1, pid: emu.pid });
    await emu.stop();
    // 2. The bundle Netlify would ship, loaded once like a warm instance: the 1,000 at 50.
    const [bundle] = (await bundleFunctions(dir, fnDir, 'none')).filter((f) => f.name === 'referral');
    port = await freePort();
    const host = await startChild('function-host.mjs', [join(bundle.path, 'netlify/functions/referral.mjs')], { cwd: dir, port, env: env(`http://127.0.0.1:${port}`), log });
    servers.push(host);
    const warm = await load(host.origin, fake, { amount: quick ? 300 : 1000, connections: 50, pid: host.pid });
    return {
      emulation: { ...emulation, server: '@netlify/dev local emulation (the engine in `astro dev`)' },
      warm: { ...warm, server: 'shipped bundle (zip-it-and-ship-it) in a warm Node host' },
    };
  } finally {
    for (const s of servers) await s.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(fnDir, { recursive: true, force: true });
  }
}
