// Build scale: copy the project to a temporary folder, add `n` synthetic entries,
// run `astro build` and the Pagefind step the way `npm run build` does, and
// measure wall seconds and peak resident memory of each step.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateContent } from './synthetic.mjs';

// Not needed to build the site, or output of earlier builds.
const LEAVE_OUT = new Set(['node_modules', 'dist', '.git', '.astro', '.netlify', '.outbox', 'bench', 'tests', 'docs', 'coverage']);

/** A copy of the project at `root` with its own node_modules folder of links (Astro's cache in node_modules/.astro stays private). */
export function copyProject(root) {
  const dir = mkdtempSync(join(tmpdir(), 'ifg-scale-'));
  cpSync(root, dir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      return rel === '' || !LEAVE_OUT.has(rel.split(/[\\/]/)[0]);
    },
  });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

const TIME = '/usr/bin/time';

/**
 * Runs `command args` (default command: this Node) in `cwd`; returns { seconds, peakMB, ok, output }.
 * peakMB is the peak resident memory GNU time reports (the largest process it waited for); null without GNU time.
 */
export function timed(args, { cwd, env, timeoutMs, command = process.execPath }) {
  const stats = join(tmpdir(), `ifg-bench-time-${process.pid}-${process.hrtime.bigint()}`);
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : command;
  const argv = useTime ? ['-f', '%e %M %U %S', '-o', stats, command, ...args] : args;
  const started = process.hrtime.bigint();
  // BENCH_NICE=1 lowers the priority while others share the machine; it does not change the work measured.
  const [bin, binArgs] = process.env.BENCH_NICE === '1' ? ['nice', ['-n', '10', cmd, ...argv]] : [cmd, argv];
  const r = spawnSync(bin, binArgs, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let seconds = wall;
  let peakMB = null;
  let cpuSeconds = null;
  if (useTime && existsSync(stats)) {
    const [e, kb, user, sys] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (Number.isFinite(e)) seconds = e;
    if (Number.isFinite(kb)) peakMB = kb / 1024;
    if (Number.isFinite(user + sys)) cpuSeconds = user + sys;
  }
  const ok = r.status === 0 && !r.error;
  rmSync(stats, { force: true });
  return { seconds, peakMB, cpuSeconds, ok, timedOut: r.error?.code === 'ETIMEDOUT', output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/**
 * What `npm run build` runs, step by step so each is timed: the `prebuild` script
 * (generated files), `astro build`, and the Pagefind step. Returns
 * { ok, seconds, buildSeconds, indexSeconds, cpuSeconds (user + system of all steps), peakMB, error? }.
 */
export function buildSite(dir, env, timeoutMs) {
  const scripts = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts ?? {};
  const steps = [
    ...(scripts.prebuild ? [['prebuild', ['-c', scripts.prebuild], '/bin/sh']] : []),
    ['build', ['node_modules/astro/bin/astro.mjs', 'build', '--silent']],
    ['index', ['scripts/pagefind.mjs']],
  ];
  const out = { ok: true, seconds: 0, buildSeconds: 0, indexSeconds: 0, cpuSeconds: 0, peakMB: null };
  for (const [name, args, command] of steps) {
    // The prebuild script calls `node`: the project's pinned Node comes first on PATH, as under npm.
    const path = `${join(dir, 'node_modules/.bin')}:${process.env.PATH}`;
    const r = timed(args, { cwd: dir, env: { ...env, PATH: path }, timeoutMs, command });
    out.seconds += r.seconds;
    out.cpuSeconds += r.cpuSeconds ?? 0;
    if (name === 'index') out.indexSeconds += r.seconds;
    else out.buildSeconds += r.seconds;
    if (r.peakMB !== null) out.peakMB = Math.max(out.peakMB ?? 0, r.peakMB);
    if (!r.ok) return { ...out, ok: false, timedOut: r.timedOut, error: `${name}: ${tail(r.output)}` };
  }
  return out;
}

const countHtml = (dir) => {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
};

/**
 * Builds the project at `root` with `n` synthetic entries; one fresh copy per call.
 * Returns { n, counts, pages, buildSeconds, indexSeconds, seconds, peakMB, ok, error }.
 */
export function measureScale(root, n, { timeoutMs = 600_000, keep = false } = {}) {
  const dir = copyProject(root);
  const dist = join(dir, 'dist-scale');
  const env = { DIST_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1', QUICK_EXIT_URL: 'http://127.0.0.1:9/weg' };
  try {
    const counts = generateContent(dir, n);
    const r = buildSite(dir, env, timeoutMs);
    return { n, counts, ...r, pages: r.ok ? countHtml(dist) : 0 };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const tail = (s) => s.trim().split('\n').slice(-15).join('\n');

/**
 * Growth exponent between two sizes: time ∝ n^k. k ≈ 1 is linear, k > 1 grows faster.
 * Fixed start-up cost pulls k below 1 at small n, so compare the two largest sizes.
 */
export const growthExponent = (a, b) => Math.log(b.seconds / a.seconds) / Math.log(b.n / a.n);
