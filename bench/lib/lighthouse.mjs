// Lighthouse (npm `lighthouse`, mobile preset: simulated slow 4G, 4x slower CPU) on
// Debian's Chromium, headless, nothing downloaded. Each page is audited three times,
// round by round so that a burst of load on the shared machine hits one run of
// several pages rather than every run of one, and the median of each metric is kept.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

/** Issue 14's goals for every measured page. */
export const GOALS = { fcp: 900, lcp: 1100, tbt: 50, cls: 0, performance: 100, accessibility: 100, bestPractices: 100 };

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The pages issue 14 names, as they exist in this build; a translated home page when one was built. */
export function ourPages(dist) {
  const has = (path) => existsSync(join(dist, path, 'index.html'));
  const firstDir = (dir) => (existsSync(join(dist, dir)) ? readdirSync(join(dist, dir)).filter((d) => has(`${dir}/${d}`)).sort() : []);
  const centre = firstDir('centra').includes('oost-vlaanderen') ? 'oost-vlaanderen' : firstDir('centra')[0];
  const municipality = firstDir('gemeenten').includes('gent') ? 'gent' : firstDir('gemeenten')[0];
  const translated = readdirSync(dist).filter((d) => /^[a-z]{2}(-[a-z]+)?$/.test(d) && has(d)).sort();
  return [
    { name: 'home', path: '/' },
    { name: 'help', path: '/hulp/' },
    centre && { name: 'centre', path: `/centra/${centre}/` },
    { name: 'referral form', path: '/professionals/aanmelden/' },
    { name: 'search', path: '/zoeken/' },
    { name: 'municipalities', path: '/gemeenten/' },
    municipality && { name: 'municipality', path: `/gemeenten/${municipality}/` },
    ...translated.map((lang) => ({ name: `home (${lang})`, path: `/${lang}/` })),
  ].filter((p) => p && has(p.path.slice(1) || '.'));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.png': 'image/png' };

/** A plain static server for the anchors' builds (gzip for text, as any CDN would). */
export function serveStatic(dir) {
  const server = createServer((req, res) => {
    let file = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const zip = /gzip/.test(req.headers['accept-encoding'] ?? '') && /text|javascript|json|svg/.test(type);
    res.writeHead(200, { 'content-type': type, ...(zip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}) });
    const stream = createReadStream(file);
    (zip ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) }),
    ),
  );
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

/**
 * Main-thread work before the first contentful paint, as traced (unthrottled; Lantern multiplies
 * it by 4): the renderer thread that painted, from navigation start to the paint, per kind of
 * work (top-level tasks and the parse, style, layout, paint and script events inside them).
 */
export function workBeforePaint(traceEvents = []) {
  const fcp = traceEvents.find((e) => e.name === 'firstContentfulPaint');
  if (!fcp) return null;
  const nav = traceEvents.filter((e) => e.name === 'navigationStart' && e.pid === fcp.pid && e.ts <= fcp.ts).at(-1);
  const from = nav?.ts ?? 0;
  const kinds = { RunTask: 'tasks', ParseHTML: 'parse', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', EvaluateScript: 'script', 'v8.compileModule': 'script', 'v8.evaluateModule': 'script', FunctionCall: 'script' };
  const ms = {};
  for (const e of traceEvents) {
    if (e.pid !== fcp.pid || e.tid !== fcp.tid || e.ph !== 'X' || !kinds[e.name] || e.ts < from || e.ts > fcp.ts) continue;
    ms[kinds[e.name]] = (ms[kinds[e.name]] ?? 0) + e.dur / 1000;
  }
  return `${Math.round((fcp.ts - from) / 1000)}ms to FCP: ${Object.entries(ms).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`;
}

/** A requested URL without its origin (undefined stays undefined). */
const pathOf = (url) => url?.replace(/^https?:\/\/[^/]+/, '');

/** The figures of one Lighthouse result. */
function figures(lhr, artifacts) {
  const n = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode) && !['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive', 'max-potential-fid'].includes(a.id))
    .map((a) => a.id);
  const blocking = (lhr.audits['render-blocking-resources']?.details?.items ?? []).map((i) => i.url);
  const requestItems = lhr.audits['network-requests']?.details?.items ?? [];
  const requests = requestItems.length || null;
  // Each request as observed (ms after navigation start, unthrottled) with its priority: what
  // finished before the observed paint is what Lantern puts in front of the simulated FCP/LCP.
  const requestTimes = requestItems.map((i) => `${pathOf(i.url)} ${Math.round(i.networkRequestTime)}-${Math.round(i.networkEndTime)} ${i.priority}`);
  // Simulated long tasks (what TBT adds up), with the script or phase they ran.
  const longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => `${pathOf(t.url) || '?'} ${Math.round(t.duration)}ms@${Math.round(t.startTime)}`);
  // Main-thread time per script (scripting + parse/compile), and per kind of work.
  const bootup = (lhr.audits['bootup-time']?.details?.items ?? []).map((i) => `${pathOf(i.url) || '?'} ${Math.round(i.total)}ms (script ${Math.round(i.scripting)})`);
  const mainThread = (lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).map((i) => `${i.group} ${Math.round(i.duration)}ms`);
  // Which element Lighthouse took as the largest paint, and the unthrottled timings it observed
  // (the simulated ones above are Lantern's estimate from them), to tell a late element from a late page.
  const lcpNode = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  const lcpElement = lcpNode ? `${lcpNode.selector ?? ''} ${(lcpNode.snippet ?? '').slice(0, 120)}`.trim() : null;
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
  return {
    bootup, mainThread, lcpElement, requestTimes, beforePaint: workBeforePaint(artifacts?.Trace?.traceEvents ?? artifacts?.traces?.defaultPass?.traceEvents),
    observedFcp: observed.observedFirstContentfulPaint ?? null, observedLcp: observed.observedLargestContentfulPaint ?? null,
    fcp: n('first-contentful-paint'), lcp: n('largest-contentful-paint'), tbt: n('total-blocking-time'), cls: n('cumulative-layout-shift'), si: n('speed-index'),
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
    failing, blocking, requests, longTasks, benchmarkIndex: lhr.environment?.benchmarkIndex ?? null, runtimeError: lhr.runtimeError?.code ?? null,
  };
}

/**
 * Audits every target (name, url) `runs` times and returns the medians per target.
 * `stillTime(roundMs)` is asked before each further round with the time one round took
 * so far: false skips the remaining rounds.
 */
export async function auditAll(targets, { runs = 3, log = () => {}, stillTime = () => true } = {}) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const samples = new Map(targets.map((t) => [t.url, []]));
  const started = Date.now();
  let done = 0;
  try {
    for (let round = 0; round < runs; round++) {
      // Another round only when one more, at the pace so far, still fits.
      if (round > 0 && !stillTime(((Date.now() - started) / done) * targets.length)) break;
      for (const t of targets) {
        log(`lighthouse ${round + 1}/${runs} ${t.group} ${t.name}`);
        const result = await lighthouse(t.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
        samples.get(t.url).push(figures(result.lhr, result.artifacts));
        done++;
      }
    }
  } finally {
    await chrome.kill();
  }
  return targets.map((t) => {
    const runsOf = samples.get(t.url);
    const m = (k) => median(runsOf.map((r) => r[k]));
    return {
      group: t.group, name: t.name, path: new URL(t.url).pathname, runs: runsOf.length,
      fcp: m('fcp'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), si: m('si'),
      performance: m('performance'), accessibility: m('accessibility'), bestPractices: m('bestPractices'),
      requests: m('requests'),
      // Lighthouse's own CPU benchmark of the machine during the runs: lower means slower (busy).
      benchmarkIndex: m('benchmarkIndex'),
      fcpRuns: runsOf.map((r) => r.fcp),
      failing: [...new Set(runsOf.flatMap((r) => r.failing))],
      blocking: [...new Set(runsOf.flatMap((r) => r.blocking))],
      longTasks: runsOf.map((r) => r.longTasks.join(', ')),
      bootup: runsOf.map((r) => r.bootup.join(', ')),
      mainThread: runsOf.map((r) => r.mainThread.join(', ')),
      lcpElement: [...new Set(runsOf.map((r) => r.lcpElement).filter(Boolean))],
      observed: runsOf.map((r) => `FCP ${Math.round(r.observedFcp)} LCP ${Math.round(r.observedLcp)}`),
      lcpRuns: runsOf.map((r) => r.lcp),
      requestTimes: runsOf.map((r) => r.requestTimes.join(', ')),
      beforePaint: runsOf.map((r) => r.beforePaint),
      errors: [...new Set(runsOf.map((r) => r.runtimeError).filter(Boolean))],
    };
  });
}

/** Which goals a row misses (empty: it meets them all). */
export function missedGoals(row) {
  const missed = [];
  if (!(row.fcp <= GOALS.fcp)) missed.push('FCP');
  if (!(row.lcp <= GOALS.lcp)) missed.push('LCP');
  if (!(row.tbt <= GOALS.tbt)) missed.push('TBT');
  if (!(row.cls <= GOALS.cls)) missed.push('CLS');
  if (!(row.performance >= GOALS.performance)) missed.push('performance');
  if (!(row.accessibility >= GOALS.accessibility)) missed.push('accessibility');
  if (!(row.bestPractices >= GOALS.bestPractices)) missed.push('best practices');
  return missed;
}
