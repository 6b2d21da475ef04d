import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages } from './harness/pages';
import { hstsMaxAge, observatory, parseCsp } from './harness/observatory';
import { serveSite, type ServedSite } from './harness/serve';

/**
 * The headers the served build really sends (netlify.toml + the adapter's
 * per-page CSP, through Netlify's own tooling), and those the intake functions
 * set in code. Anything missing or weaker fails.
 */

let site: ServedSite;
beforeAll(async () => {
  site = await serveSite();
});
afterAll(async () => site?.close());

// The editor at /admin/ has its own policy: see 'the editor at /admin/' below.
const pages = builtPages().filter((path) => !path.startsWith('/admin/'));
const ONE_YEAR = 31_536_000;
/** Powerful features a page for people at risk never needs; each must be denied with `()`. */
const DENIED_FEATURES = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture', 'fullscreen', 'autoplay'];

/**
 * Where someone types about a family: there no other site's window may hold a reference
 * (COOP same-origin). Reading pages go without it (netlify.toml says why: a fresh renderer
 * process on every first visit, measured in docs/benchmarks.md's Lighthouse runs).
 */
const TYPED_DATA = /^\/professionals\/(aanmelden|advies)\//;

/** What is wrong with a page's security headers, in words; empty when all is well. */
function pageHeaderProblems(headers: Headers, { typedData = false } = {}): string[] {
  const problems: string[] = [];
  const csp = parseCsp(headers.get('content-security-policy'));
  if (!csp) return ['no Content-Security-Policy header'];
  const expect = (directive: string, value: string): void => {
    const sources = csp.get(directive);
    if (!sources || sources.size !== 1 || !sources.has(value)) problems.push(`CSP ${directive} is not ${value}`);
  };
  // 'none' is stricter than 'self' (the functions' own pages load nothing).
  const defaults = [...(csp.get('default-src') ?? [])].join(' ');
  if (defaults !== "'self'" && defaults !== "'none'") problems.push(`CSP default-src is ${defaults || 'missing'}`);
  const objects = csp.get('object-src') ?? csp.get('default-src');
  if (!objects || objects.size !== 1 || !objects.has("'none'")) problems.push("CSP object-src is not 'none'");
  expect('base-uri', "'none'");
  expect('frame-ancestors', "'none'");
  expect('form-action', "'self'");
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? new Set();
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'data:', '*', 'http:', 'https:']) {
    if (scripts.has(unsafe)) problems.push(`CSP script-src allows ${unsafe}`);
  }
  const hsts = headers.get('strict-transport-security') ?? '';
  if ((hstsMaxAge(hsts) ?? 0) < ONE_YEAR) problems.push('HSTS max-age under a year');
  if (!/includesubdomains/i.test(hsts)) problems.push('HSTS without includeSubDomains');
  if (headers.get('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  if (headers.get('referrer-policy') !== 'no-referrer') problems.push('Referrer-Policy is not no-referrer');
  const coop = headers.get('cross-origin-opener-policy');
  if (typedData ? coop !== 'same-origin' : coop !== null && coop !== 'same-origin') problems.push(`COOP is ${coop ?? 'missing'}, not same-origin`);
  const permissions = new Map(
    (headers.get('permissions-policy') ?? '').split(',').map((d) => d.trim().split('=') as [string, string]),
  );
  for (const feature of DENIED_FEATURES) {
    if (permissions.get(feature) !== '()') problems.push(`Permissions-Policy does not deny ${feature}`);
  }
  if ([...permissions.values()].some((allow) => allow !== undefined && allow !== '()')) problems.push('Permissions-Policy allows a feature');
  if (headers.getSetCookie().length > 0) problems.push('sets a cookie');
  if (headers.has('access-control-allow-origin')) problems.push('allows other origins (CORS)');
  return problems;
}

describe('the editor at /admin/', () => {
  it('is sent with its own policy from netlify.toml, not the public one, and noindex', async () => {
    const response = await fetch(`${site.origin}/admin/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('decap-cms.js');
    const policy = response.headers.get('content-security-policy') ?? '';
    // One policy (a second one, e.g. the site-wide fallback, would be enforced too and break the editor).
    expect(policy.split(',')).toHaveLength(1);
    const csp = parseCsp(policy)!;
    expect([...(csp.get('script-src') ?? [])].sort()).toEqual(["'self'", "'unsafe-eval'"]);
    expect([...(csp.get('connect-src') ?? [])].sort()).toEqual(["'self'", 'http://127.0.0.1:8081', 'https://api.github.com', 'https://api.netlify.com']);
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
  });
});

describe('static pages', () => {
  it('every built page is sent with the full set of security headers', async () => {
    expect(pages.length).toBeGreaterThan(0);
    // Both intake forms and their confirmation pages are among them, held to COOP same-origin.
    expect(pages.filter((path) => TYPED_DATA.test(path))).toEqual(expect.arrayContaining(['/professionals/aanmelden/', '/professionals/advies/']));
    const problems: string[] = [];
    for (const path of pages) {
      const response = await fetch(site.origin + path);
      await response.arrayBuffer();
      for (const problem of pageHeaderProblems(response.headers, { typedData: TYPED_DATA.test(path) })) problems.push(`${path}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('a page that does not exist gets the 404 page with the same headers', async () => {
    const response = await fetch(`${site.origin}/bestaat-niet/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<main');
    expect(pageHeaderProblems(response.headers)).toEqual([]);
  });

  it('scores at least 100 on the MDN HTTP Observatory rules', async () => {
    const response = await fetch(`${site.origin}/`);
    const { score, grade, results } = observatory(response.headers, await response.text(), site.origin);
    console.log(`MDN HTTP Observatory score for /: ${score} (${grade})\n${results.map((r) => `  ${r.modifier >= 0 ? '+' : ''}${r.modifier}\t${r.test}: ${r.result}`).join('\n')}`);
    expect(results.filter((r) => r.modifier < 0)).toEqual([]);
    expect(score).toBeGreaterThanOrEqual(100);
  });
});

const functionsBuilt = existsSync(join('netlify', 'functions', 'referral.ts')) || existsSync(join('netlify', 'functions', 'referral.mts'));

describe.skipIf(!functionsBuilt)('function responses', () => {
  /** What the intake contract asks of every function answer. */
  function functionHeaderProblems(headers: Headers): string[] {
    const problems: string[] = [];
    if (!/no-store/.test(headers.get('cache-control') ?? '')) problems.push('not Cache-Control: no-store');
    if (headers.get('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
    if (headers.get('referrer-policy') !== 'no-referrer') problems.push('Referrer-Policy is not no-referrer');
    if (headers.has('access-control-allow-origin')) problems.push('allows other origins (CORS)');
    if (headers.getSetCookie().length > 0) problems.push('sets a cookie');
    return problems;
  }

  it('a refused method, a JSON validation error and a refused origin all carry the headers', async () => {
    const answers = [
      await fetch(`${site.origin}/api/referral`),
      await fetch(`${site.origin}/api/advice`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site.origin }, body: '{}' }),
      await fetch(`${site.origin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://elders.example' }, body: '{}' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([405, 422, 403]);
    for (const answer of answers) expect(functionHeaderProblems(answer.headers)).toEqual([]);
  });

  it('the HTML error page of the form without JavaScript is as protected as a static page', async () => {
    const answer = await fetch(`${site.origin}/api/advice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.origin },
      body: 'name=',
    });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect([...functionHeaderProblems(answer.headers), ...pageHeaderProblems(answer.headers, { typedData: true })]).toEqual([]);
  });
});
