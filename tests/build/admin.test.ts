import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../e2e/harness/pages';
import { distDir } from '../helpers/dist';

/**
 * The editor is in the build at /admin/ and nowhere else: no public page loads CMS
 * code or an identity widget, and /admin/ stays out of search engines, the site
 * search and the sitemap. Its own CSP comes after the site-wide fallback in the
 * header list Netlify receives (the later rule wins for a path both match).
 */

const html = (path: string) => readFileSync(join(distDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');

describe('the editor in the build', () => {
  it('is at /admin/ with its generated settings, noindex, and outside the site search', () => {
    const page = html('/admin/');
    expect(page).toMatch(/<meta name="robots" content="noindex, nofollow">/);
    expect(page).toContain('<script src="decap-cms.js"></script>');
    expect(page).toContain('<script src="no-uploads.js"></script>');
    expect(existsSync(join(distDir, 'admin/no-uploads.js'))).toBe(true);
    expect(page).not.toContain('data-pagefind-body');
    expect(html('/')).toContain('data-pagefind-body'); // so Pagefind indexes only pages that have it
    const config = yaml.load(readFileSync(join(distDir, 'admin/config.yml'), 'utf8')) as Record<string, any>;
    expect(config.backend).toMatchObject({ name: 'github', base_url: 'https://api.netlify.com', auth_endpoint: 'auth' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(existsSync(join(distDir, 'admin/decap-cms.js'))).toBe(true);
  });

  it('no public page loads CMS code, an identity widget or links to /admin/', () => {
    const offenders = builtPages()
      .filter((path) => !path.startsWith('/admin/'))
      .filter((path) => /decap|netlify-identity|identity\.netlify|netlifycms|(href|src)="[^"]*\/admin\//i.test(html(path)));
    expect(offenders).toEqual([]);
  });

  it('is in no sitemap', () => {
    const sitemaps = readdirSync(distDir).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.filter((f) => readFileSync(join(distDir, f), 'utf8').includes('/admin'))).toEqual([]);
  });

  it('keeps its own CSP, and the media folder its sandbox, after the site-wide fallback in the header list given to Netlify', () => {
    const { headers } = JSON.parse(readFileSync('.netlify/v1/config.json', 'utf8')) as { headers: { for: string; values: Record<string, string> }[] };
    const withCsp = headers.filter((h) => h.values['Content-Security-Policy']);
    const admin = withCsp.findLastIndex((h) => h.for === '/admin/*');
    const media = withCsp.findLastIndex((h) => h.for === '/media/*');
    expect([admin, media].sort()).toEqual([withCsp.length - 2, withCsp.length - 1]);
    expect(withCsp.findLastIndex((h) => h.for === '/*')).toBeLessThan(Math.min(admin, media));
    expect(withCsp[media].values['Content-Security-Policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(withCsp[media].values['X-Content-Type-Options']).toBe('nosniff');
    expect(withCsp.filter((h) => h.for !== '/admin/*' && h.values['Content-Security-Policy'].includes("'unsafe-eval'"))).toEqual([]);
  });
});
