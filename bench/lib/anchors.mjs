// Anchor builds for the side-by-side page weight: the same text as two of our
// built pages (home and one centre page), once in GOV.UK Frontend's page
// template with its CSS and JS, once as an Astro Starlight site. Both live in
// bench/anchors/ with their own package.json, installed only by the bench.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Our two pages to mirror: the home page and a centre page (Oost-Vlaanderen when it exists). */
export function pickPages(ourDist) {
  const centres = existsSync(join(ourDist, 'centra')) ? readdirSync(join(ourDist, 'centra')).filter((d) => existsSync(join(ourDist, 'centra', d, 'index.html'))) : [];
  const centre = centres.includes('oost-vlaanderen') ? 'oost-vlaanderen' : centres.sort()[0];
  return [
    { name: 'home', file: 'index.html' },
    ...(centre ? [{ name: 'centre', file: `centra/${centre}/index.html` }] : []),
  ];
}

/** Title and body of a built page with its scripts, styles and stylesheet links taken out: the text and markup, no code. */
export function pageContent(html) {
  const title = html.match(/<title>([\s\S]*?)<\/title>/i)?.[1] ?? '';
  const body = (html.match(/<body[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? html)
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<link\b[^>]*>/gi, '');
  return { title, body };
}

const GOVUK_ASSETS = 'node_modules/govuk-frontend/dist/govuk';

/** GOV.UK Frontend's page template (template.njk) around our body, loading its CSS and JS as its docs say. */
export function govukPage({ title, body }) {
  return `<!DOCTYPE html>
<html lang="nl" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#1d70b8">
<link rel="stylesheet" href="/assets/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
${body}
</main></div>
<script type="module" src="/assets/govuk-frontend.min.js"></script>
<script type="module">import { initAll } from '/assets/govuk-frontend.min.js'; initAll();</script>
</body>
</html>
`;
}

/** Writes the GOV.UK anchor site into `anchorsDir`/dist-govuk; returns that folder. */
export function buildGovuk(anchorsDir, pages) {
  const out = join(anchorsDir, 'dist-govuk');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  for (const f of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) copyFileSync(join(anchorsDir, GOVUK_ASSETS, f), join(out, 'assets', f));
  for (const p of pages) {
    const dir = p.name === 'home' ? out : join(out, p.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), govukPage(p.content));
  }
  return out;
}

/**
 * Writes a minimal Starlight project (two Markdown pages holding our body as one
 * HTML block) into `anchorsDir`/dist-starlight-src and builds it with the anchors'
 * own Astro into `anchorsDir`/dist-starlight; returns { dir, seconds } or throws.
 */
export function buildStarlight(anchorsDir, pages) {
  const src = join(anchorsDir, 'dist-starlight-src');
  const out = join(anchorsDir, 'dist-starlight');
  rmSync(src, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(src, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(src, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  outDir: ${JSON.stringify(out)},
  integrations: [starlight({ title: 'Veilig Huis', defaultLocale: 'root', locales: { root: { label: 'Nederlands', lang: 'nl' } } })],
});
`,
  );
  writeFileSync(
    join(src, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  for (const p of pages) {
    // One HTML block in Markdown runs to the first blank line: drop blank lines so the body stays one block.
    const html = `<div class="ours">\n${p.content.body.split('\n').filter((l) => l.trim()).join('\n')}\n</div>`;
    const file = p.name === 'home' ? 'index.md' : `${p.name}.md`;
    writeFileSync(join(src, 'src/content/docs', file), `---\ntitle: ${JSON.stringify(p.content.title)}\n---\n\n${html}\n`);
  }
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(anchorsDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: src,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DIST_DIR: '' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`Starlight anchor build failed:\n${(r.stdout + r.stderr).trim().split('\n').slice(-20).join('\n')}`);
  return { dir: out, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Installs bench/anchors' packages when its node_modules is missing (npm ci with a lockfile). */
export function ensureInstalled(anchorsDir, log = console.error) {
  if (existsSync(join(anchorsDir, 'node_modules/govuk-frontend')) && existsSync(join(anchorsDir, 'node_modules/@astrojs/starlight'))) return;
  const ci = existsSync(join(anchorsDir, 'package-lock.json'));
  log(`bench: installing anchor packages in ${anchorsDir} (npm ${ci ? 'ci' : 'install'}) ...`);
  const r = spawnSync('npm', [ci ? 'ci' : 'install', '--prefix', anchorsDir, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('npm could not install bench/anchors');
}

export const readPage = (dist, file) => readFileSync(join(dist, file), 'utf8');
