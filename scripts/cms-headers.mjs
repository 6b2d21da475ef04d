// The site-wide CSP fallback (scripts/csp-fallback.mjs) is a "/*" rule in the build's
// header list (.netlify/v1/config.json); for a path two rules match, the later one wins.
// So the editor's own rule and the media folder's sandbox rule from netlify.toml are
// appended after it, whatever order Netlify merges netlify.toml and that list in. Runs
// after csp-fallback in `npm run build`.
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'smol-toml';

const file = '.netlify/v1/config.json';
const toml = parse(await readFile('netlify.toml', 'utf8'));
const paths = ['/admin/*', '/media/*'];
const own = paths.map((path) => {
  const rule = (toml.headers ?? []).find((r) => r.for === path);
  if (!rule?.values?.['Content-Security-Policy']) fail(`netlify.toml has no ${path} rule with a Content-Security-Policy`);
  return { for: path, values: rule.values };
});
const config = JSON.parse(await readFile(file, 'utf8'));
config.headers = [...(config.headers ?? []).filter((rule) => !paths.includes(rule.for)), ...own];
await writeFile(file, JSON.stringify(config));
console.log(`cms-headers: ${paths.join(' and ')} keep their own policy after the site-wide fallback`);

function fail(message) {
  console.error(`cms-headers: ${message}`);
  process.exit(1);
}
