// The site-wide CSP fallback (scripts/csp-fallback.mjs) is a "/*" rule in the build's
// header list (.netlify/v1/config.json); for a path two rules match, the later one wins.
// So the editor's own rule from netlify.toml is appended after it, whatever order Netlify
// merges netlify.toml and that list in. Runs after csp-fallback in `npm run build`.
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'smol-toml';

const file = '.netlify/v1/config.json';
const toml = parse(await readFile('netlify.toml', 'utf8'));
const admin = (toml.headers ?? []).find((rule) => rule.for === '/admin/*');
if (!admin?.values?.['Content-Security-Policy']) fail('netlify.toml has no /admin/* rule with a Content-Security-Policy');
const config = JSON.parse(await readFile(file, 'utf8'));
config.headers = [...(config.headers ?? []).filter((rule) => rule.for !== '/admin/*'), { for: '/admin/*', values: admin.values }];
await writeFile(file, JSON.stringify(config));
console.log('cms-headers: /admin/* keeps its own policy after the site-wide fallback');

function fail(message) {
  console.error(`cms-headers: ${message}`);
  process.exit(1);
}
