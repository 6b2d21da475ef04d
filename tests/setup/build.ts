import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Builds the site once before the suite (astro build + Pagefind), the way
 * Netlify would, with the quick-exit target on loopback so no test leaves the
 * machine. REUSE_BUILD=1 skips it when dist/ exists (for a quick local rerun).
 */
export default function setup(): void {
  if (process.env.REUSE_BUILD === '1' && existsSync(`${process.env.DIST_DIR || 'dist'}/index.html`)) return;
  execFileSync('npm', ['run', 'build', '--silent'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, QUICK_EXIT_URL: process.env.QUICK_EXIT_URL ?? 'http://127.0.0.1:9/weg' },
  });
}
