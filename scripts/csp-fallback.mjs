// Netlify serves 404.html for any unknown path with the header rules of the path
// that was asked for, so the per-page CSP the Astro adapter writes (for "/404")
// never reaches it. This adds a site-wide CSP under "/*": the same directives, with
// the union of every page's script and style hashes but only the keywords every page
// has (the search page's 'wasm-unsafe-eval' stays on the search page). Put first, a
// page's own rule decides for that page: when several rules match a path, the later
// one's value for a header replaces the earlier one's (@netlify/headers, headersForPath).
import { readFile, writeFile } from 'node:fs/promises';
import { siteWidePolicy, withScriptKeywordsOf } from './lib/csp-merge.mjs';

const file = '.netlify/v1/config.json';
const config = JSON.parse(await readFile(file, 'utf8'));
// Idempotent: the rules this script wrote before are dropped and written again.
const ours = new Set(['/*', '/pagefind/*']);
const rules = (config.headers ?? []).filter((rule) => !ours.has(rule.for) || !rule.values['Content-Security-Policy']);
const policies = rules.map((rule) => rule.values['Content-Security-Policy']).filter(Boolean);
if (policies.length === 0) fail('no page has a Content-Security-Policy: is security.csp on?');

let siteWide;
try {
  siteWide = siteWidePolicy(policies);
} catch (error) {
  fail(error.message);
}
// Pagefind's files (its worker compiles the WebAssembly under the policy the worker
// script came with) get the site-wide policy plus the search page's keywords.
const searchPage = rules.find((rule) => rule.values['Content-Security-Policy']?.includes("'wasm-unsafe-eval'"));
const pagefind = searchPage
  ? [{ for: '/pagefind/*', values: { 'Content-Security-Policy': withScriptKeywordsOf(siteWide, searchPage.values['Content-Security-Policy']) } }]
  : [];
config.headers = [{ for: '/*', values: { 'Content-Security-Policy': siteWide } }, ...pagefind, ...rules];
await writeFile(file, JSON.stringify(config));
console.log(`csp-fallback: site-wide CSP from ${policies.length} page policies`);

function fail(message) {
  console.error(`csp-fallback: ${message}`);
  process.exit(1);
}
