// The site-wide fallback CSP, from every page's own policy (see scripts/csp-fallback.mjs).

const parse = (policy) =>
  policy.split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name);
const isHash = (source) => /^'sha(256|384|512)-/.test(source);

/**
 * One policy for paths with no rule of their own (Netlify's 404 answers): every
 * directive as all pages have it, with the union of the pages' script and style
 * hashes. Throws when pages differ in any other directive, since a merge would loosen it.
 */
export function siteWidePolicy(policies) {
  const union = new Map();
  for (const policy of policies) {
    for (const [name, ...sources] of parse(policy)) {
      if (!union.has(name)) union.set(name, new Set(sources));
      else if (name === 'script-src' || name === 'style-src') sources.forEach((s) => union.get(name).add(s));
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
