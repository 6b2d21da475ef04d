import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { distDir } from '../../helpers/dist';

/**
 * Every page of the build, as the path a visitor types: '/', '/centra/', '/404.html'.
 * E2E_PAGES=/centra/,/hulp/ narrows the crawls to paths starting with those, for a quick local run.
 */
export function builtPages(dir = distDir): string[] {
  const pages: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
      } else if (entry.name.endsWith('.html')) {
        const path = '/' + relative(dir, full).split(sep).join('/');
        pages.push(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
      }
    }
  };
  walk(dir);
  const only = process.env.E2E_PAGES?.split(',').filter(Boolean);
  return pages.filter((page) => !only || only.some((prefix) => page.startsWith(prefix))).sort();
}
