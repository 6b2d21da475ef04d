/**
 * Scores one response by the MDN HTTP Observatory's published rules
 * (mdn/mdn-http-observatory: src/analyzer/tests/*.js, modifiers from
 * src/grader/charts.js): start at 100, apply every penalty, and add the
 * bonuses only when the score is then at least 90.
 *
 * Redirection cannot be observed on loopback (no HTTP->HTTPS hop); it is
 * scored as Netlify serves the site: HTTPS with a same-host redirect (0).
 * HSTS preload needs the domain on the browsers' list, so it earns no bonus.
 */

export interface ObservatoryResult {
  test: string;
  result: string;
  modifier: number;
}

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const INLINE = new Set(["'unsafe-inline'", 'data:']);
const isHashOrNonce = (s: string): boolean => /^'(sha256|sha384|sha512|nonce)-/.test(s);

export function parseCsp(header: string | null): Map<string, Set<string>> | null {
  if (!header) return null;
  const policy = new Map<string, Set<string>>();
  for (const part of header.split(/[;,]/)) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (!policy.has(directive)) policy.set(directive, new Set(sources.map((s) => (s.startsWith("'") ? s.toLowerCase() : s))));
  }
  return policy;
}

function csp(headers: Headers): ObservatoryResult {
  const policy = parseCsp(headers.get('content-security-policy'));
  const test = 'content-security-policy';
  if (!policy || policy.size === 0) return { test, result: 'csp-not-implemented', modifier: -25 };
  const get = (d: string): Set<string> => new Set(policy.get(d) ?? policy.get('default-src') ?? ['*']);
  const script = get('script-src');
  const style = get('style-src');
  const object = get('object-src');
  for (const list of [script, style]) if ([...list].some(isHashOrNonce)) list.delete("'unsafe-inline'");
  if ([...script].some((s) => BROAD.has(s) || INLINE.has(s)) || [...object].some((s) => BROAD.has(s))) {
    return { test, result: 'csp-implemented-with-unsafe-inline', modifier: -20 };
  }
  const active = [...policy.entries()].filter(([d]) => d !== 'img-src' && d !== 'media-src').flatMap(([, s]) => [...s]);
  if (active.some((s) => s.startsWith('http:') || s.startsWith('ftp:'))) return { test, result: 'csp-implemented-with-insecure-scheme', modifier: -20 };
  if (script.has("'unsafe-eval'") || style.has("'unsafe-eval'")) return { test, result: 'csp-implemented-with-unsafe-eval', modifier: -10 };
  if ([...style].some((s) => BROAD.has(s) || INLINE.has(s))) return { test, result: 'csp-implemented-with-unsafe-inline-in-style-src-only', modifier: 0 };
  const defaultSrc = policy.get('default-src');
  if (defaultSrc?.has("'none'") && defaultSrc.size === 1) return { test, result: 'csp-implemented-with-no-unsafe-default-src-none', modifier: 10 };
  return { test, result: 'csp-implemented-with-no-unsafe', modifier: 5 };
}

function cookies(headers: Headers): ObservatoryResult {
  const test = 'cookies';
  const set = headers.getSetCookie();
  if (set.length === 0) return { test, result: 'cookies-not-found', modifier: 0 };
  const flags = set.map((c) => c.toLowerCase());
  if (flags.some((c) => !/;\s*secure/.test(c))) return { test, result: 'cookies-without-secure-flag', modifier: -20 };
  if (flags.some((c) => /;\s*samesite=(?!strict|lax)/.test(c))) return { test, result: 'cookies-samesite-flag-invalid', modifier: -20 };
  if (flags.every((c) => /;\s*samesite=(strict|lax)/.test(c) && /;\s*httponly/.test(c))) {
    return { test, result: 'cookies-secure-with-httponly-sessions-and-samesite', modifier: 5 };
  }
  return { test, result: 'cookies-secure-with-httponly-sessions', modifier: 0 };
}

function cors(headers: Headers): ObservatoryResult {
  const test = 'cross-origin-resource-sharing';
  const acao = headers.get('access-control-allow-origin');
  if (!acao) return { test, result: 'cross-origin-resource-sharing-not-implemented', modifier: 0 };
  if (acao.trim() === '*') return { test, result: 'cross-origin-resource-sharing-implemented-with-public-access', modifier: 0 };
  if (headers.get('access-control-allow-credentials')?.toLowerCase() === 'true') {
    return { test, result: 'cross-origin-resource-sharing-implemented-with-universal-access', modifier: -50 };
  }
  return { test, result: 'cross-origin-resource-sharing-implemented-with-restricted-access', modifier: 0 };
}

function referrer(headers: Headers, html: string): ObservatoryResult {
  const test = 'referrer-policy';
  const meta = /<meta\s+name="referrer"\s+content="([^"]*)"/i.exec(html)?.[1];
  const values = [headers.get('referrer-policy'), meta].filter(Boolean).join(',');
  if (!values) return { test, result: 'referrer-policy-not-implemented', modifier: 0 };
  const valid = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin', 'origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'];
  // The last policy the browser recognises wins.
  const effective = values.split(',').map((v) => v.trim().toLowerCase()).filter((v) => valid.includes(v)).pop();
  if (!effective) return { test, result: 'referrer-policy-header-invalid', modifier: -5 };
  if (valid.slice(0, 4).includes(effective)) return { test, result: 'referrer-policy-private', modifier: 5 };
  return { test, result: 'referrer-policy-unsafe', modifier: -5 };
}

export function hstsMaxAge(header: string | null): number | null {
  const match = header && /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?/i.exec(header);
  return match ? Number(match[1]) : null;
}

function hsts(headers: Headers): ObservatoryResult {
  const test = 'strict-transport-security';
  const header = headers.get('strict-transport-security');
  if (!header) return { test, result: 'hsts-not-implemented', modifier: -20 };
  const maxAge = hstsMaxAge(header);
  if (maxAge === null) return { test, result: 'hsts-header-invalid', modifier: -20 };
  if (maxAge < 15768000) return { test, result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 };
  return { test, result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 };
}

function sri(headers: Headers, html: string, origin: string): ObservatoryResult {
  const test = 'subresource-integrity';
  if (!(headers.get('content-type') ?? '').includes('html')) return { test, result: 'sri-not-implemented-response-not-html', modifier: 0 };
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/gi)].map((m) => ({ src: m[1], integrity: /\bintegrity=/i.test(m[0]) }));
  if (scripts.length === 0) return { test, result: 'sri-not-implemented-but-no-scripts-loaded', modifier: 0 };
  const external = scripts.filter((s) => s.src.startsWith('//') || (/^[a-z]+:/i.test(s.src) && new URL(s.src).origin !== origin));
  if (external.length === 0) {
    return scripts.every((s) => s.integrity)
      ? { test, result: 'sri-implemented-and-all-scripts-loaded-securely', modifier: 5 }
      : { test, result: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', modifier: 0 };
  }
  const insecure = external.some((s) => s.src.startsWith('http:') || s.src.startsWith('//'));
  if (external.every((s) => s.integrity)) {
    return insecure
      ? { test, result: 'sri-implemented-but-external-scripts-not-loaded-securely', modifier: -20 }
      : { test, result: 'sri-implemented-and-external-scripts-loaded-securely', modifier: 5 };
  }
  return insecure
    ? { test, result: 'sri-not-implemented-and-external-scripts-not-loaded-securely', modifier: -50 }
    : { test, result: 'sri-not-implemented-but-external-scripts-loaded-securely', modifier: -5 };
}

function xcto(headers: Headers): ObservatoryResult {
  const test = 'x-content-type-options';
  const value = headers.get('x-content-type-options');
  if (!value) return { test, result: 'x-content-type-options-not-implemented', modifier: -5 };
  return value.trim().toLowerCase() === 'nosniff'
    ? { test, result: 'x-content-type-options-nosniff', modifier: 0 }
    : { test, result: 'x-content-type-options-header-invalid', modifier: -5 };
}

function xfo(headers: Headers): ObservatoryResult {
  const test = 'x-frame-options';
  const ancestors = parseCsp(headers.get('content-security-policy'))?.get('frame-ancestors');
  if (ancestors && ![...ancestors].some((s) => BROAD.has(s))) return { test, result: 'x-frame-options-implemented-via-csp', modifier: 5 };
  const value = headers.get('x-frame-options')?.trim().toLowerCase();
  if (!value) return { test, result: 'x-frame-options-not-implemented', modifier: -20 };
  if (value === 'deny' || value === 'sameorigin') return { test, result: 'x-frame-options-sameorigin-or-deny', modifier: 0 };
  if (value.startsWith('allow-from')) return { test, result: 'x-frame-options-allow-from-origin', modifier: 0 };
  return { test, result: 'x-frame-options-header-invalid', modifier: -20 };
}

function corp(headers: Headers): ObservatoryResult {
  const test = 'cross-origin-resource-policy';
  const value = headers.get('cross-origin-resource-policy')?.trim().toLowerCase();
  if (!value) return { test, result: 'corp-not-implemented', modifier: 0 };
  if (value === 'same-origin') return { test, result: 'corp-implemented-with-same-origin', modifier: 10 };
  if (value === 'same-site') return { test, result: 'corp-implemented-with-same-site', modifier: 10 };
  if (value === 'cross-origin') return { test, result: 'corp-implemented-with-cross-origin', modifier: 0 };
  return { test, result: 'corp-header-invalid', modifier: -5 };
}

export function observatory(headers: Headers, html: string, origin: string): { score: number; grade: string; results: ObservatoryResult[] } {
  const results: ObservatoryResult[] = [
    csp(headers),
    cookies(headers),
    cors(headers),
    { test: 'redirection', result: 'redirection-to-https (Netlify, not observable on loopback)', modifier: 0 },
    referrer(headers, html),
    hsts(headers),
    sri(headers, html, origin),
    xcto(headers),
    xfo(headers),
    corp(headers),
  ];
  let score = 100 + results.reduce((sum, r) => sum + Math.min(r.modifier, 0), 0);
  if (score >= 90) score += results.reduce((sum, r) => sum + Math.max(r.modifier, 0), 0);
  score = Math.max(score, 0);
  const grades: [number, string][] = [[100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'], [0, 'F']];
  const grade = grades.find(([min]) => score >= min)![1];
  return { score, grade, results };
}
