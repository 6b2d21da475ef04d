import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages, urlOf } from '../../bench/lib/page-weight.mjs';
import { distDir } from '../helpers/dist';

/**
 * First paint in one round trip: the HTML alone, with what it needs to paint inside
 * it. A stylesheet link or a classic script without defer/async stops rendering until
 * it arrives; a module script or modulepreload in the HTML is fetched at high priority
 * with its chain of imports before the first paint (Lighthouse counts them). Scripts
 * load after the first paint instead (Base.astro's loader), or on use.
 */
export function renderBlocking(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/gi)) {
    const attr = (name: string) => new RegExp(`\\s${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+))?`, 'i').exec(tag);
    const value = (name: string) => attr(name)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
    if (/^<link/i.test(tag)) {
      const rel = value('rel').toLowerCase().split(/\s+/);
      if (rel.includes('stylesheet') && !/^print$/i.test(value('media'))) found.push(`stylesheet ${value('href')}`);
      if (rel.includes('modulepreload')) found.push(`modulepreload ${value('href')}`);
    } else if (attr('src')) {
      if (value('type') === 'module') found.push(`module script ${value('src')}`);
      else if (!attr('defer') && !attr('async')) found.push(`blocking script ${value('src')}`);
    }
  }
  return found;
}

describe('render-blocking resources in the built pages', () => {
  it('finds what would block (the check itself)', () => {
    expect(
      renderBlocking(
        '<link rel="stylesheet" href="/a.css"><link rel=modulepreload href=/m.js><script src="/b.js"></script>' +
          '<script type="module" src="/c.js"></script><script src="/d.js" defer></script><script type="module">x()</script>' +
          '<link rel="icon" href="/favicon.svg">',
      ),
    ).toEqual(['stylesheet /a.css', 'modulepreload /m.js', 'blocking script /b.js', 'module script /c.js']);
  });

  it('no built page has a stylesheet link or a script fetched before its first paint', () => {
    // /admin/ is the editors' tool, not a page of the site: Decap CMS loads as one classic script.
    const pages = listPages(distDir).filter((file: string) => !urlOf(file).startsWith('/admin/'));
    expect(pages.length).toBeGreaterThan(10);
    const found = pages.flatMap((file: string) => renderBlocking(readFileSync(join(distDir, file), 'utf8')).map((r) => `${urlOf(file)}: ${r}`));
    // One line per kind of problem is enough to read: the same script recurs on hundreds of pages.
    const kinds = [...new Map(found.map((f) => [f.split(': ')[1], f])).values()];
    expect(kinds).toEqual([]);
  });
});
