// Turns the bench results into the summary table (stdout) and docs/benchmarks.md. Pure.
import { KB, MEDIAN_BUDGET, PAGE_BUDGET } from './page-weight.mjs';
import { GOALS, missedGoals } from './lighthouse.mjs';
import { IMPORT_GOAL_MS, ZIP_GOAL } from './bundles.mjs';
import { P99_GOAL_MS } from './intake-load.mjs';

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
    if (i.flood) {
      const f = i.flood;
      rows.push(['flood defence', 'CPU per submission', ms(f.cpuMsPerSubmission), `proof check, client counter (keyed hash), delivered record, centre budget on an in-memory store: ${num(f.withPerSecond)} /s with, ${num(f.withoutPerSecond)} /s without (bench/lib/intake-bench.mjs)`]);
      rows.push(['flood defence', 'Netlify Blobs round trips per submission', String(f.blobsRoundTrips), 'client counter read + conditional write, delivered record read, centre budget read + conditional write, delivered record write + its time-index entry (one HTTP request each; the referrer waits for five in a row, docs/flood-defence.md)']);
      if (f.localBlobsWallMsPerSubmission != null) rows.push(['flood defence', 'wall time per submission, local Blobs server', ms(f.localBlobsWallMsPerSubmission), `the same submission one at a time with the guard's store on a Netlify Blobs server on 127.0.0.1: ${num(f.localBlobsWithPerWallSecond)} /s with, ${num(f.localBlobsWithoutPerWallSecond)} /s without; Netlify's Blobs is further away, so this is a floor`]);
      rows.push(['flood defence', 'proof of work: server check / browser solve', `${ms(f.proofVerifyMs)} / median ${ms(f.proofSolveMsMedian)} (max ${ms(f.proofSolveMsMax)})`, `altcha-lib, SHA-256, difficulty 10,000 (PROOF_MAX_NUMBER default); solve measured in Node on this machine, ${f.solves} challenges; a cheap phone is several times slower`]);
    }
  }
  const l = s.load;
  if (l) {
    const best = l.steps.find((st) => st.rate === l.bestRate);
    rows.push(
      ['intake at fixed rates', `highest rate with p99 < ${P99_GOAL_MS} ms`, l.bestRate ? `${num(l.bestRate)} submissions/s (p50 ${ms(best.p50)} · p99 ${ms(best.p99)})` : `none: p99 ${ms(l.steps[0]?.p99)} at ${num(l.steps[0]?.rate)}/s`, `open-loop steps of ${l.seconds} s (evenly spaced arrivals, latency from the scheduled send to the end of the answer): ${l.steps.map((st) => `${st.rate}/s p99 ${num(st.p99)} ms`).join(', ')}`],
      ['intake at fixed rates', 'server CPU per submission', ms(l.cpuMsPerSubmission), 'user + system CPU of the function host (/proc) over the highest passing step, divided by submissions; excludes load tool and fake Resend'],
      ['intake at fixed rates', 'delivered exactly once', l.steps.every((st) => st.exactlyOnce) ? 'yes, every step' : `NO in steps ${l.steps.filter((st) => !st.exactlyOnce).map((st) => st.rate).join(', ')}`, 'one centre mail per answered submission at the fake Resend, none twice'],
    );
  }
  for (const b of s.bundles?.functions ?? []) {
    const meets = b.zipBytes < ZIP_GOAL && b.importMs < IMPORT_GOAL_MS;
    const parts = b.parts ? ` (Netlify's runtime ${kb(b.parts.netlifyRuntime)} · packages ${kb(b.parts.dependencies)} · our code ${kb(b.parts.own)}, gzip per file)` : '';
    rows.push(['function bundle', `${b.name}, as Netlify ships it`, `${kb(b.zipBytes)} zip${parts} · ${kb(b.bundleBytes)} unzipped · import ${ms(b.importMs)}${b.firstAnswerMs != null ? ` · first answer ${ms(b.firstAnswerMs)} (${b.firstStatus})` : ''}`, `${meets ? 'meets' : 'misses'} the goal (< ${kb(ZIP_GOAL)} zip, < ${IMPORT_GOAL_MS} ms import); cold start in a fresh Node process, median of ${b.runs}; ${b.how}`]);
    const e = b.preBundled;
    if (e) rows.push(['function bundle', `${b.name}, pre-bundled by esbuild (not deployed)`, `${kb(e.atImportGzip)} gzip loaded at import · ${kb(e.allGzip)} gzip with lazy chunks (${e.chunks} files) · import ${ms(e.importMs)}`, 'esbuild bundle + code splitting of the same entry: what a pre-bundling build step would add to Netlify\'s runtime files; import in a fresh Node process, median of 3']);
  }
  const pg = s.pgp;
  if (pg) {
    const intakeCpu = s.load?.cpuMsPerSubmission ?? (s.intake ? 1000 / s.intake.cases[0].perSecond : null);
    const basis = s.load?.cpuMsPerSubmission != null ? 'server CPU per submission at fixed rates' : 'in-process CPU per valid referral';
    for (const c of pg.cases) rows.push(['encryption (OpenPGP)', `${c.name}: CPU per submission`, `${ms(c.cpuMs)} (first mail to a key ${ms(c.firstCallMs)})${intakeCpu ? ` · ${x(c.cpuMs / intakeCpu)} of the intake's ${ms(intakeCpu)}` : ''}`, `encrypt the text part + <reference>.json.pgp of a full referral with openpgp.js (bench/lib/pgp-cost.mjs), key parsed once; CPU of one thread, median of ${pg.runs} runs of ~1 s; intake figure: ${basis}`]);
  }
  const lh = s.lighthouse;
  if (lh) {
    const ours = lh.rows.filter((r) => r.group === 'ours');
    const meeting = ours.filter((r) => missedGoals(r).length === 0).length;
    rows.push(['Lighthouse', 'our pages meeting every goal', `${meeting} of ${ours.length}`, `FCP ≤ ${GOALS.fcp} ms, LCP ≤ ${GOALS.lcp} ms, TBT ≤ ${GOALS.tbt} ms, CLS 0, performance / accessibility / best practices 100 (table below)`]);
    for (const name of ['home', 'centre']) {
      const our = ours.find((r) => r.name === name);
      for (const group of ['GOV.UK Frontend', 'Starlight']) {
        const their = lh.rows.find((r) => r.group === group && r.name === name);
        if (our && their) rows.push(['Lighthouse', `${name} page FCP: ours / ${group}`, `${ms(our.fcp)} / ${ms(their.fcp)}`, `ratio ${x(our.fcp / their.fcp)} (same text; median of ${our.runs} / ${their.runs} runs)`]);
      }
    }
  }
  return rows;
}

export function renderTable(results) {
  const rows = summaryRows(results);
  const lh = results.sections.lighthouse;
  if (lh) for (const r of lh.rows) rows.push(['Lighthouse', `${r.group} ${r.name} (${r.path})`, `FCP ${ms(r.fcp)} · LCP ${ms(r.lcp)} · TBT ${ms(r.tbt)} · CLS ${num(r.cls, 3)} · ${num(r.performance)}/${num(r.accessibility)}/${num(r.bestPractices)}`, r.group === 'ours' ? `misses: ${missedGoals(r).join(', ') || 'none'}` : `median of ${r.runs}`]);
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
    `Generated by \`npm run bench\` (bench/run.mjs) from commit ${m.commit}${m.dirty ? ' with uncommitted changes' : ''}. Do not edit by hand: run it again.`,
    '',
    `- Date: ${m.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${num(m.memoryGB, 1)} GB RAM, ${m.os}`,
    `- Node: ${m.node} (the project's pinned Node); commit ${m.commit}`,
    `- Browser for Lighthouse: ${m.chromium ?? 'not recorded'}`,
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
    '**Encryption.** bench/lib/pgp-cost.mjs bundles the function\'s encryption code (src/lib/intake/delivery/encrypted-mail.ts) with esbuild, makes a Curve25519 and an RSA-4096 key pair at bench time, renders one full referral and encrypts its text part and JSON attachment to each key, as the function does for a centre with a key. CPU of the thread (`process.cpuUsage`) per mail, median of several runs of about a second after a warm-up; the key is parsed once, as in a warm function instance (the first mail to a key is reported apart).',
    '',
    '**Lighthouse.** bench/lib/lighthouse.mjs runs Lighthouse (npm `lighthouse`, its default mobile preset: simulated slow 4G with 150 ms round trips and 1.6 Mbps, 4x CPU slowdown, a Moto G Power screen) through chrome-launcher against Debian\'s Chromium (`CHROME_PATH`, default /usr/bin/chromium; headless, --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run; nothing downloaded). Our build is served as Netlify serves it by scripts/lib/netlify-site.mjs, the same server the browser tests use (@netlify/dev with netlify.toml, the adapter\'s per-page CSP and the other headers, gzip or brotli as Netlify\'s CDN sends text); the anchors from a plain static server with gzip. Three runs per page, round by round, and the median of each figure. The two intake forms are sent with Cross-Origin-Opener-Policy: same-origin (what is typed there concerns a family; netlify.toml says why the reading pages go without it): the browser then gives them a fresh renderer process, and Lighthouse counts that process\'s start-up in their total blocking time (on /hulp/, 5 runs each with these headers: median 189 ms with COOP, 35 ms without). Lighthouse simulates the network and CPU from one real load, so the CPU figures (TBT above all) grow with other work on the machine: the load average in the header says how busy it was.',
    '',
    "**Intake at fixed rates.** bench/lib/intake-load.mjs bundles the referral function with zip-it-and-ship-it as Netlify ships it and hosts it in its own Node process (bench/lib/function-host.mjs), called as `handler(request, context)` with a Netlify-shaped context (deploy context `production` from `context.deploy.context`, with REFERENCE_SECRET, OUTBOX_KEY and the Resend key set as production requires, no MAIL_REDIRECT_TO; no CONTEXT variable, which Netlify never gives a function), the real Resend SDK pointed at the fake Resend of tests/functions/support on 127.0.0.1 (no delay) and a local Netlify Blobs server. After a warm-up, bench/lib/open-loop.mjs offers full referrals (bench/lib/intake-samples.mjs), each with its own submission id, at fixed rates, stepping up until p99 passes 50 ms or fewer than 90 % of the offered requests are answered. The load is open-loop: request i is sent at i/rate seconds into the step, whether or not earlier ones were answered (node:http, a keep-alive agent with up to 512 sockets), and its latency runs from that scheduled time, not the actual send, to the end of the answer's body, so a load tool that falls behind cannot hide queueing (no coordinated omission). It replaced autocannon's overallRate, which is not open-loop: it splits the rate over its connections and each sends its share for the second at once, so 10/s on 10 connections arrived as one burst of 10 concurrent requests each second and the latency was mostly queueing inside those bursts. Server CPU is the host process's user + system time from /proc over a step. The load tool and the fake share the machine\'s two cores with the function.",
    '',
    '**Function bundles.** bench/lib/bundles.mjs runs @netlify/zip-it-and-ship-it (what Netlify\'s build runs) on netlify/functions and reports the zip and the unzipped bundle of each function. For v2 functions zip-it-and-ship-it always uses its nft bundler (netlify.toml\'s `node_bundler = "esbuild"` applies to v1 functions only): our sources become one transpiled file and every imported package is shipped as its files in node_modules, next to Netlify\'s own runtime (bootstrap and telemetry, about 290 KB zipped in every function). The parts are each file gzipped on its own and summed. For comparison, not deployed: the same entry bundled by esbuild with code splitting, the gzip of what is loaded at import (lazy `import()` chunks apart) and its import time. Cold start: a fresh Node process (bench/lib/function-host.mjs) imports the unzipped bundle (import time) and, for the two intake functions, answers one valid submission through `handler(request, context)` (first answer: from the start of the import to the end of that answer). Median of three processes each.',
    '',
  );
  const lh = results.sections.lighthouse;
  if (lh) {
    parts.push(
      '## Lighthouse, every measured page',
      '',
      `Preset: ${lh.preset}. Median of the runs shown; goals: FCP ≤ ${GOALS.fcp} ms, LCP ≤ ${GOALS.lcp} ms, TBT ≤ ${GOALS.tbt} ms, CLS 0, the three scores 100. CPU index: Lighthouse's benchmarkIndex of the machine during the runs (median; lower is slower: the 4x CPU slowdown of the preset assumes a fast desktop machine, see Lighthouse's docs/throttling.md).`,
      '',
      table(
        ['site', 'page', 'path', 'runs', 'FCP', 'LCP', 'TBT', 'CLS', 'perf.', 'a11y', 'best pr.', 'requests', 'FCP per run', 'CPU index', 'misses'],
        lh.rows.map((r) => [r.group, r.name, r.path, r.runs, ms(r.fcp), ms(r.lcp), ms(r.tbt), num(r.cls, 3), num(r.performance), num(r.accessibility), num(r.bestPractices), num(r.requests), r.fcpRuns.map((v) => num(v)).join(', '), num(r.benchmarkIndex), r.group === 'ours' ? (missedGoals(r).join(', ') || 'none') + (r.failing.length ? ` (audits below 1: ${r.failing.join(', ')})` : '') : '']),
      ),
      '',
    );
  }
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
