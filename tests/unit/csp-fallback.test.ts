import { describe, expect, it } from 'vitest';
import { siteWidePolicy, withScriptKeywordsOf } from '../../scripts/lib/csp-merge.mjs';

/**
 * The fallback CSP that Netlify's 404 answers (and any path without a rule of its
 * own) get: it may carry every page's hashes, but no page's special permission.
 */
const common = "default-src 'self';img-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none'";
const page = (script: string, style = "'self' 'sha256-style='") => `${common}; script-src ${script}; style-src ${style}`;
const sources = (policy: string, directive: string) =>
  policy.split(';').map((p) => p.trim().split(/\s+/)).find(([name]) => name === directive)?.slice(1) ?? [];

describe('siteWidePolicy', () => {
  const help = page("'self' 'sha256-help='");
  const search = page("'self' 'wasm-unsafe-eval' 'sha256-search='");

  it('does not hand the search page\'s wasm-unsafe-eval to every other path', () => {
    const policy = siteWidePolicy([help, search]);
    expect(sources(policy, 'script-src')).not.toContain("'wasm-unsafe-eval'");
  });

  it('keeps every page\'s script and style hashes and the directives all pages share', () => {
    const policy = siteWidePolicy([help, search]);
    expect(sources(policy, 'script-src')).toEqual(["'self'", "'sha256-help='", "'sha256-search='"]);
    expect(sources(policy, 'style-src')).toEqual(["'self'", "'sha256-style='"]);
    expect(sources(policy, 'object-src')).toEqual(["'none'"]);
  });

  it('refuses pages that differ in another directive rather than loosen it', () => {
    expect(() => siteWidePolicy([help, help.replace("object-src 'none'", "object-src 'self'")])).toThrow(/object-src/);
  });
});

describe('withScriptKeywordsOf', () => {
  it('gives Pagefind\'s files the search page\'s wasm-unsafe-eval on top of the site-wide policy, nothing else', () => {
    const siteWide = siteWidePolicy([page("'self' 'sha256-help='"), page("'self' 'wasm-unsafe-eval' 'sha256-search='")]);
    const pagefind = withScriptKeywordsOf(siteWide, page("'self' 'wasm-unsafe-eval' 'sha256-search='"));
    expect(sources(pagefind, 'script-src')).toEqual(["'self'", "'sha256-help='", "'sha256-search='", "'wasm-unsafe-eval'"]);
    expect(sources(pagefind, 'style-src')).toEqual(sources(siteWide, 'style-src'));
  });
});
