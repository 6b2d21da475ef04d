// Turns the bench results into the summary table (stdout) and docs/benchmarks.md. Pure.
import { KB, MEDIAN_BUDGET, PAGE_BUDGET } from './page-weight.mjs';

const kb = (n) => (n == null || Number.isNaN(n) ? 'n/a' : `${(n / KB).toFixed(1)} KB`);
const num = (n, d = 0) => (n == null || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d }));
const sec = (n) => (n == null ? 'n/a' : `${num(n, 1)} s`);
const ms = (n) => (n == null ? 'n/a' : `${num(n, 1)} ms`);
const mb = (n) => (n == null ? 'n/a' : `${num(n)} MB`);
const x = (n) => (n == null || !Number.isFinite(n) ? 'n/a' : `${num(n, 2)}×`);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** One row per figure: [area, figure, value, how it was measured]. */
export function summaryRows({ sections: s }) {
  const rows = [];
  const w = s.weight;
  if (w) {
    const over = w.pages.filter((p) => p.gzip > PAGE_BUDGET).length;
    rows.push(
      ['page weight', `pages built`, num(w.pages.length), 'HTML files in the build (Pagefind folder excluded)'],
      ['page weight', `largest page at load (${w.largest.page})`, `${kb(w.largest.gzip)} gzip · ${kb(w.largest.brotli)} br · ${kb(w.largest.raw)} raw`, 'HTML + CSS + JS fetched at load, each file compressed on its own'],
      ['page weight', 'median page at load', `${kb(w.median.gzip)} gzip · ${kb(w.median.brotli)} br · ${kb(w.median.raw)} raw`, `median over all pages; budget ${kb(MEDIAN_BUDGET)} gzip`],
      ['page weight', 'pages over 30 KB gzip', `${over}`, `budget ${kb(PAGE_BUDGET)} gzip per page (tests/build/page-weight.test.ts)`],
      ['page weight', 'bytes at load per byte of visible text (median)', `${x(w.median.ratioRaw)} raw · ${x(w.median.ratioGzip)} gzip`, `load bytes / UTF-8 bytes of the visible text (median text ${num(w.median.textBytes)} B)`],
      ['build', 'real site: astro build + Pagefind', `${sec(w.build.seconds)} · ${mb(w.build.peakMB)}`, 'one run, wall time and peak RSS (GNU time)'],
    );
  }
  for (const a of s.anchors ?? []) {
    rows.push([
      'side by side',
      `${a.name} page (${a.page}): ours / GOV.UK Frontend / Starlight`,
      `${kb(a.ours.gzip)} / ${kb(a.govuk.gzip)} / ${kb(a.starlight.gzip)} gzip`,
      `ours is ${x(a.ours.gzip / a.govuk.gzip)} of GOV.UK, ${x(a.ours.gzip / a.starlight.gzip)} of Starlight (same text, gzip at load)`,
    ]);
  }
  const sc = s.scale;
  if (sc) {
    for (const r of sc.rows) {
      if (r.skipped) rows.push(['build scale', `${num(r.n)} entries`, 'not run', r.skipped]);
      else rows.push(['build scale', `${num(r.n)} entries (${num(r.pages)} pages)`, `${sec(r.seconds)} wall · ${sec(r.cpuSeconds)} CPU · ${mb(r.peakMB)}`, `median of ${r.runs} (build ${sec(r.buildSeconds)} + index ${sec(r.indexSeconds)} wall)`]);
    }
    for (const g of sc.growth) rows.push(['build scale', `growth ${num(g.from)} → ${num(g.to)}`, `wall ${x(g.timeRatio)} · CPU ${x(g.cpuRatio)} · memory ${x(g.memoryRatio)}`, `wall ∝ n^${num(g.exponent, 2)}, CPU ∝ n^${num(g.cpuExponent, 2)} (1.00 = linear)`]);
  }
  const i = s.intake;
  if (i) {
    for (const c of i.cases) rows.push(['intake in-process', `${c.name}`, `${num(c.perSecond)} /s per core`, `per CPU second of one thread, median of ${i.runs} runs of ~1 s (${num(c.perWallSecond)} per wall second)`]);
  }
  const h = s.http;
  for (const [key, label] of [['emulation', 'loopback, Netlify emulation'], ['warm', 'loopback, shipped bundle']]) {
    const r = h?.[key];
    if (!r) continue;
    rows.push(
      [label, `${num(r.requests)} submissions at concurrency ${r.concurrency}`, `p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · p99 ${ms(r.p99)} · ${num(r.perSecond, 1)}/s`, `autocannon against ${r.server}; fake Resend delay ${ms(r.fakeDelayMs)}`],
      [label, 'server CPU per submission', ms(r.serverCpuMsPerRequest), 'user + system CPU of the serving process (/proc) over the run, divided by submissions; excludes load tool and fake'],
      [label, 'errors / non-201', `${r.errors} / ${r.non2xx}${r.non2xx ? ` (${Object.entries(r.statuses).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`, 'socket errors and timeouts / answers other than 201 sent'],
      [label, 'delivered exactly once', r.exactlyOnce ? `yes (${num(r.delivered)} centre mails, ${num(r.receipts)} receipts)` : `NO: ${r.deliveryProblem}`, 'centre mails the fake Resend received, per idempotency key'],
    );
  }
  for (const b of s.bundles?.functions ?? []) rows.push(['function bundle', b.name, `${kb(b.zipBytes)} zip · ${kb(b.bundleBytes)} unzipped`, b.how]);
  return rows;
}

export function renderTable(results) {
  const rows = summaryRows(results);
  const errors = Object.entries(results.errors).map(([k, v]) => `\n${k} FAILED:\n${v}`).join('\n');
  return table(['area', 'figure', 'value', 'how'], rows) + errors;
}

export function renderReport(results) {
  const m = results.machine;
  const w = results.sections.weight;
  const sc = results.sections.scale;
  const parts = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.mjs). Do not edit by hand: run it again.',
    '',
    `- Date: ${m.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${num(m.memoryGB, 1)} GB RAM, ${m.os}`,
    `- Node: ${m.node} (the project's pinned Node); commit ${m.commit}`,
    `- Whole run: ${sec(results.totalSeconds)}; 1-minute load average ${num(m.loadStart, 1)} at the start, ${num(m.loadEnd, 1)} at the end (${m.cores} cores: above ${m.cores}, other work was competing and timings are pessimistic)`,
    '',
    '## Summary',
    '',
    table(['area', 'figure', 'value', 'how'], summaryRows(results)),
    '',
  ];
  if (Object.keys(results.errors).length) {
    parts.push('## Failed sections', '', ...Object.entries(results.errors).map(([k, v]) => `### ${k}\n\n\`\`\`\n${v}\n\`\`\`\n`));
  }
  parts.push(
    '## How each figure is measured',
    '',
    '**Page weight.** The site is built once (`astro build` + Pagefind, as `npm run build`) into a temporary folder. For every HTML page, bench/lib/page-weight.mjs reads the stylesheets (`<link rel=stylesheet>`), scripts (`<script src>`, classic or module) and `modulepreload`s the HTML names, and follows the static `import`s of each JS module and `@import`s of each stylesheet. Dynamic `import()` is not followed: that is what loads Pagefind on the search page, and the search index is excluded on purpose. Images, fonts and the favicon are not counted (the site has no web fonts and no content images). Each file is compressed on its own with node:zlib, gzip level 6 and brotli quality 11, and the sizes are summed. 1 KB = 1,000 bytes. The budget test (tests/build/page-weight.test.ts) checks gzip, the larger of the two, so a page within budget on gzip is within budget on brotli too. Visible text: the text of `<body>` without scripts, styles, templates, `noscript`, `svg` and `hidden` elements, white space collapsed, in UTF-8 bytes.',
    '',
    '**Side by side.** bench/anchors/ has its own package.json (govuk-frontend, @astrojs/starlight, astro), installed by the bench on first use. Each anchor page holds the same text as our page: the body of our built page, with its scripts and styles taken out. GOV.UK: the body inside GOV.UK Frontend\'s page template with `govuk-frontend.min.css` and `govuk-frontend.min.js` (plus the `initAll()` module and the `js-enabled` snippet), as its docs install it. Starlight: a two-page Starlight site (locale nl) whose Markdown pages hold the same body as one HTML block, built with the anchors\' own Astro; its own header, sidebar, search button and table of contents come with it, as on any Starlight site. All three are measured by the same page-weight module.',
    '',
    '**Build scale.** bench/lib/synthetic.mjs writes n entries next to the real content in a temporary copy of the project (node_modules linked entry by entry, so Astro\'s cache stays private): 5 % centres (each a page), 35 % events with two future sessions, 30 % peer groups, 30 % general pages. The copy is built with `astro build` and indexed with scripts/pagefind.mjs, after the `prebuild` script, as `npm run build` does, each under GNU time (`/usr/bin/time -f "%e %M %U %S"`): wall seconds, CPU seconds (user + system, with the worker threads), and peak resident memory of the Node process (the Pagefind binary runs as its own child process and is not in that figure). A fresh copy per run, no cache. Runs go round by round (each size once, then again) while a linear estimate fits the 15-minute budget; the figure is the median. Growth: time ∝ n^k between two sizes; k ≤ 1 is linear or better. CPU seconds are the steadier figure when other work shares the machine.',
    '',
    '**Intake in-process.** bench/lib/intake-bench.mjs bundles src/lib/intake with esbuild and drives, in one thread, what the function does between parsing and answering: schema validation, routing to the centre, reference, mail rendering, and `submit` with an in-memory mailer and outbox. Valid input is a full referral (municipality late in the alphabet) or advice request (a postcode); invalid input has several field errors. Submissions per CPU second of the thread (`process.cpuUsage`, user + system), so other work on the machine does not count against it, next to the rate per wall second; median of several runs of about a second after a warm-up.',
    '',
    "**Intake over loopback.** bench/lib/intake-http.mjs starts the fake Resend of tests/functions/support on 127.0.0.1 (answers `POST /emails` with an id, keeps the first mail per idempotency key and counts every request), and points the real Resend SDK at it with RESEND_API_KEY and RESEND_BASE_URL. Two servers on 127.0.0.1, each in its own process: (1) Netlify's local emulation, @netlify/dev, the engine `astro dev` embeds (bench/lib/netlify-serve.mjs; `astro dev` itself answers `POST /api/referral` with its trailing-slash 404), which rebuilds the function and starts a worker for each request, so it gets a short sequential sample; (2) the bundle zip-it-and-ship-it makes for Netlify, loaded once and called per request like a warm function instance, with a local Netlify Blobs server (bench/lib/function-host.mjs), which takes the 1,000 submissions at concurrency 50. autocannon sends full referrals, each with its own submission id, after three warm-up requests. Latencies are autocannon's per-response times (nearest-rank percentiles); server CPU is the serving process's user + system time from /proc over the run; exactly once means one centre mail per submission id at the fake and no repeated POST for any key. The fake adds no delay.",
    '',
    '**Function bundles.** bench/lib/bundles.mjs runs @netlify/zip-it-and-ship-it (what Netlify\'s build runs, with netlify.toml\'s esbuild bundler) on netlify/functions and reports the zip and the unzipped bundle of each function.',
    '',
  );
  if (w) {
    parts.push('## Every page', '', table(['page', 'files', 'raw', 'gzip', 'brotli', 'text', 'raw/text', 'gzip/text'], [...w.pages].sort((a, b) => b.gzip - a.gzip).map((p) => [p.page, p.files, kb(p.raw), kb(p.gzip), kb(p.brotli), `${num(p.textBytes)} B`, x(p.ratioRaw), x(p.ratioGzip)])), '');
  }
  if (results.sections.anchors) {
    parts.push('## Side by side, in full', '', table(['page', 'build', 'raw', 'gzip', 'brotli', 'text', 'files'], results.sections.anchors.flatMap((a) => ['ours', 'govuk', 'starlight'].map((k) => [a.page, k, kb(a[k].raw), kb(a[k].gzip), kb(a[k].brotli), `${num(a[k].textBytes)} B`, a[k].files.join(' ')]))), '');
  }
  if (sc) {
    parts.push('## Build scale, in full', '', table(['entries', 'centres / events / groups / pages', 'HTML pages', 'runs (s wall)', 'median s wall', 'median s CPU', 'build s', 'index s', 'peak MB'], sc.rows.filter((r) => !r.skipped).map((r) => [num(r.n), `${r.counts.centres} / ${r.counts.events} / ${r.counts.groups} / ${r.counts.pages}`, num(r.pages), r.samples.map((v) => v.toFixed(1)).join(', '), num(r.seconds, 1), num(r.cpuSeconds, 1), num(r.buildSeconds, 1), num(r.indexSeconds, 1), num(r.peakMB)])), '');
  }
  if (results.sections.notes) parts.push('## Findings', '', results.sections.notes, '');
  return parts.join('\n');
}
