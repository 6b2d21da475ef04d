// npm run bench: page weight, Lighthouse (mobile) on our pages and the anchors' side by
// side, intake throughput in process and at fixed request rates, function bundle sizes
// and cold starts, build scale with whatever time is left; prints a table and writes
// docs/benchmarks.md. Whole run within 15 minutes.
// Options: --only=weight,anchors,lighthouse,intake,load,bundles,pgp,scale   --quick (one Lighthouse run, fewer steps)
//          --dist=<folder>: measure that existing build instead of building (partial runs only)
//          --json=<file>: write every figure as measured to that file
//          --pages=home,centre,...: Lighthouse on these of our pages only (names as in bench/lib/lighthouse.mjs)
//          --root=<folder>: headers (netlify.toml, .netlify/v1/config.json) from that folder, for a saved build
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGovuk, buildStarlight, ensureInstalled, pageContent, pickPages, readPage } from './lib/anchors.mjs';
import { buildSite, growthExponent, measureScale } from './lib/build-scale.mjs';
import { auditAll, ourPages, serveStatic } from './lib/lighthouse.mjs';
import { serveNetlifySite } from '../scripts/lib/netlify-site.mjs';
import { measurePage, measureSite, median } from './lib/page-weight.mjs';
import { renderReport, renderTable } from './lib/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const anchorsDir = join(root, 'bench/anchors');
const argv = process.argv.slice(2);
const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const quick = argv.includes('--quick');
const givenDist = argv.find((a) => a.startsWith('--dist='))?.slice(7);
const pagesWanted = argv.find((a) => a.startsWith('--pages='))?.slice(8).split(',');
// --root=<folder>: read netlify.toml and the build's headers (.netlify/v1/config.json, the per-page
// CSP hashes) from that folder, for an A/B run of a saved build with the headers it was built with.
const headersRoot = argv.find((a) => a.startsWith('--root='))?.slice(7);
const want = (s) => !only || only.includes(s);
const started = Date.now();
const BUDGET_MS = 15 * 60_000;
const left = () => BUDGET_MS - (Date.now() - started);
const log = (m) => console.error(`bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s  ${m}`);

const results = { machine: machine(), sections: {}, errors: {} };

async function section(name, fn) {
  if (!want(name)) return;
  log(`${name} ...`);
  try {
    results.sections[name] = await fn();
  } catch (err) {
    results.errors[name] = String(err?.stack || err).split('\n').slice(0, 12).join('\n');
    log(`${name} failed: ${String(err?.message || err).split('\n')[0]}`);
  }
}

function machine() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: totalmem() / 2 ** 30,
    os: `${osType()} ${release()}`,
    node: process.version,
    commit: git.status === 0 ? git.stdout.trim() : 'unknown',
    // Uncommitted changes in the measured tree, if any (then the commit alone does not say what ran).
    // (docs/benchmarks.md itself, this run's output, does not count.)
    dirty: spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/benchmarks.md'], { cwd: root, encoding: 'utf8' }).stdout?.trim().length > 0,
    // Other work on the machine skews every timing: the 1-minute load average at start and end says how much.
    loadStart: loadavg()[0],
    // Lighthouse's CPU figures move with the browser's version (its process model above all).
    chromium: spawnSync(process.env.CHROME_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'not found',
  };
}

// One build of our site, shared by page weight and anchors.
const ourDist = givenDist && only ? resolve(givenDist) : mkdtempSync(join(tmpdir(), 'ifg-bench-dist-'));
let built = givenDist && only ? { seconds: null, peakMB: null, given: ourDist } : null;
function buildOurs() {
  if (built) return built;
  const env = { DIST_DIR: ourDist, ASTRO_TELEMETRY_DISABLED: '1', QUICK_EXIT_URL: 'http://127.0.0.1:9/weg' };
  const r = buildSite(root, env, 300_000);
  if (!r.ok) throw new Error(`npm run build failed:\n${r.error}`);
  built = { seconds: r.seconds, peakMB: r.peakMB };
  return built;
}

await section('weight', () => {
  const build = buildOurs();
  const site = measureSite(ourDist);
  return { build, ...site, pages: site.pages.map(({ files, ...p }) => ({ ...p, files: files.length })) };
});

let anchorDirs = null;
await section('anchors', () => {
  buildOurs();
  ensureInstalled(anchorsDir, log);
  const pages = pickPages(ourDist).map((p) => ({ ...p, content: pageContent(readPage(ourDist, p.file)) }));
  const govuk = buildGovuk(anchorsDir, pages);
  const starlight = buildStarlight(anchorsDir, pages);
  anchorDirs = { govuk, starlight: starlight.dir, pages: pages.map((p) => p.name) };
  const anchorFile = (p) => (p.name === 'home' ? 'index.html' : `${p.name}/index.html`);
  const pick = ({ raw, gzip, brotli, textBytes, files }) => ({ raw, gzip, brotli, textBytes, files: files.map((f) => f.url) });
  return pages.map((p) => ({
    name: p.name,
    page: measurePage(ourDist, p.file).page,
    ours: pick(measurePage(ourDist, p.file)),
    govuk: pick(measurePage(govuk, anchorFile(p))),
    starlight: pick(measurePage(starlight.dir, anchorFile(p))),
  }));
});

// The intake benches run before Lighthouse: after it, this process (where the fake Resend
// and the load generator live) holds every Lighthouse result, and the fixed-rate steps
// showed outliers there (25/s: p99 223 ms) that a run of the load section alone does not
// (25/s: p99 18 ms).
await section('intake', async () => (await import('./lib/intake-bench.mjs')).inProcess({ root, quick }));
await section('load', async () => (await import('./lib/intake-load.mjs')).sustainedRate({ root, quick, log }));
await section('bundles', async () => (await import('./lib/bundles.mjs')).functionBundles({ root, log }));
await section('pgp', async () => (await import('./lib/pgp-cost.mjs')).pgpCost({ root, quick }));

await section('lighthouse', async () => {
  buildOurs();
  // Our production build as Netlify serves it (headers, per-page CSP, compression);
  // the anchors from a plain static server with gzip.
  const ours = await serveNetlifySite({ projectRoot: headersRoot ? resolve(headersRoot) : root, publishDir: ourDist, functions: false, compress: true });
  const servers = [ours];
  try {
    const targets = ourPages(ourDist).filter((p) => !pagesWanted || pagesWanted.includes(p.name)).map((p) => ({ group: 'ours', name: p.name, url: ours.origin + p.path }));
    if (anchorDirs) {
      for (const [group, dir] of [['GOV.UK Frontend', anchorDirs.govuk], ['Starlight', anchorDirs.starlight]]) {
        const server = await serveStatic(dir);
        servers.push(server);
        for (const name of anchorDirs.pages) targets.push({ group, name, url: `${server.origin}${name === 'home' ? '/' : `/${name}/`}` });
      }
    }
    // Every target gets its first run; later rounds only while they fit, leaving two
    // minutes for the build scale.
    const rows = await auditAll(targets, { runs: quick ? 1 : 3, log, stillTime: (roundMs) => left() - 2 * 60_000 > roundMs });
    return { rows, preset: 'mobile (Lighthouse default: simulated slow 4G, 150 ms RTT, 1.6 Mbps, 4x CPU slowdown)' };
  } finally {
    for (const s of servers) await s.close();
  }
});


await section('scale', () => {
  const sizes = quick ? [100, 1000] : [100, 1000, 10000];
  const maxRuns = quick ? 1 : 3;
  const reserveMs = 30_000; // for the report: scale runs last, in the time the rest left
  const samples = new Map(sizes.map((n) => [n, []]));
  const skipped = new Map();
  // Round by round (one run of each size, then again), so every size that fits gets measured
  // before any gets its third run; a run is skipped when its estimate, linear in n from the
  // last run, would eat into the reserve.
  for (let round = 0; round < maxRuns; round++) {
    for (const n of sizes) {
      if (skipped.has(n)) continue;
      const prev = samples.get(n).at(-1) ?? [...samples.values()].flat().at(-1);
      // 1.2: runs of the same size differ by that much on a shared machine.
      const estimateMs = prev ? 1.2 * prev.seconds * 1000 * (n / prev.n) : 0;
      if (estimateMs > left() - reserveMs) {
        if (!samples.get(n).length) skipped.set(n, `estimated ${(estimateMs / 1000).toFixed(0)} s (linear from the last run) did not fit the 15-minute budget`);
        continue;
      }
      log(`scale n=${n} run ${round + 1}/${maxRuns}`);
      const r = measureScale(root, n, { timeoutMs: Math.max(60_000, left() - reserveMs) });
      if (r.ok) samples.get(n).push(r);
      else if (r.timedOut) {
        // Out of budget: keep what was measured, say so when nothing was.
        if (!samples.get(n).length) skipped.set(n, `timed out after ${r.seconds.toFixed(0)} s within the 15-minute budget`);
      } else throw new Error(`build with ${n} synthetic entries failed:\n${r.error}`);
    }
  }
  const rows = sizes.map((n) => {
    const runs = samples.get(n);
    if (!runs.length) return { n, runs: 0, skipped: skipped.get(n) ?? 'not run' };
    const m = (k) => median(runs.map((r) => r[k]));
    return { n, runs: runs.length, counts: runs[0].counts, pages: runs[0].pages, seconds: m('seconds'), cpuSeconds: m('cpuSeconds'), buildSeconds: m('buildSeconds'), indexSeconds: m('indexSeconds'), peakMB: m('peakMB'), samples: runs.map((r) => r.seconds) };
  });
  const done = rows.filter((r) => !r.skipped);
  const growth = done.slice(1).map((r, i) => ({
    from: done[i].n, to: r.n, timeRatio: r.seconds / done[i].seconds, cpuRatio: r.cpuSeconds / done[i].cpuSeconds, memoryRatio: r.peakMB / done[i].peakMB, exponent: growthExponent(done[i], r),
    cpuExponent: Math.log(r.cpuSeconds / done[i].cpuSeconds) / Math.log(r.n / done[i].n),
  }));
  return { rows, growth };
});


if (!(givenDist && only)) rmSync(ourDist, { recursive: true, force: true });
results.totalSeconds = (Date.now() - started) / 1000;
results.machine.loadEnd = loadavg()[0];
// What the numbers mean is written by hand in bench/findings.md and carried into the report.
if (existsSync(join(root, 'bench/findings.md'))) results.sections.notes = readFileSync(join(root, 'bench/findings.md'), 'utf8').trim();
if (!only) writeFileSync(join(root, 'docs/benchmarks.md'), renderReport(results));
console.log(renderTable(results));
// --json=<file>: every figure as measured (long tasks, bootup per script, samples), for a closer look.
const jsonOut = argv.find((a) => a.startsWith('--json='))?.slice(7);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
log(`done in ${results.totalSeconds.toFixed(0)} s${only ? ' (partial run: docs/benchmarks.md not written)' : ', wrote docs/benchmarks.md'}`);
if (Object.keys(results.errors).length) process.exitCode = 1;
