// The site-wide fallback CSP, from every page's own policy (see scripts/csp-fallback.mjs).

/** @param {string} policy */
const parse = (policy) =>
  policy.split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name);
/** @param {string} source */
const isHash = (source) => /^'sha(256|384|512)-/.test(source);

/**
 * One policy for paths with no rule of their own (Netlify's 404 answers): every
 * directive as all pages have it, with the union of the pages' script and style
 * hashes. A keyword in script-src or style-src (such as the search page's
 * 'wasm-unsafe-eval') stays only if every page has it: one page's permission is not
 * the site's. Throws when pages differ in any other directive, since a merge would loosen it.
 * @param {string[]} policies
 * @returns {string}
 */
export function siteWidePolicy(policies) {
  /** @type {Map<string, Set<string>>} */
  const union = new Map();
  for (const policy of policies) {
    for (const [name, ...sources] of parse(policy)) {
      if (!union.has(name)) union.set(name, new Set(sources));
      else if (name === 'script-src' || name === 'style-src') {
        const merged = union.get(name);
        sources.filter(isHash).forEach((s) => merged.add(s));
        for (const s of merged) if (!isHash(s) && !sources.includes(s)) merged.delete(s);
      }
    }
  }
  for (const policy of policies) {
    for (const [name, ...sources] of parse(policy)) {
      if (name !== 'script-src' && name !== 'style-src' && [...union.get(name)].join(' ') !== sources.join(' ')) {
        throw new Error(`pages differ in ${name}; refusing to merge them`);
      }
    }
  }
  return [...union].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * `policy` with the script-src keywords of `from` added (e.g. the search page's
 * 'wasm-unsafe-eval' for Pagefind's own files: its worker compiles the WebAssembly
 * under the policy its script was served with, not the page's).
 * @param {string} policy
 * @param {string} from
 * @returns {string}
 */
export function withScriptKeywordsOf(policy, from) {
  const extra = parse(from).find(([name]) => name === 'script-src')?.slice(1).filter((s) => !isHash(s)) ?? [];
  return parse(policy)
    .map(([name, ...sources]) => [name, ...sources, ...(name === 'script-src' ? extra.filter((s) => !sources.includes(s)) : [])].join(' '))
    .join('; ');
}
