import { serveNetlifySite, type ServedSite } from '../../../scripts/lib/netlify-site.mjs';
import { distDir } from '../../helpers/dist';

/**
 * Serves what users get, with Netlify's own local tooling (@netlify/dev): the
 * production build under test with the headers and redirects of netlify.toml and
 * dist/_headers / _redirects, the per-page CSP the Astro adapter hands to Netlify,
 * and the functions of netlify/functions on the same origin, with a local Blobs
 * store. The implementation is shared with the bench: scripts/lib/netlify-site.mjs.
 */
export type { ServedSite };

export function serveSite(): Promise<ServedSite> {
  return serveNetlifySite({ publishDir: distDir });
}
