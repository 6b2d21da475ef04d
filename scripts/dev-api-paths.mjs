/**
 * `npm start` and `npm run cms` only: paths that Netlify answers and `astro dev` does not.
 * - The intake's contract paths are `/api/referral` and `/api/advice` (Netlify routes both
 *   spellings to the functions), but `astro dev` with `trailingSlash: 'always'` answers 404
 *   before the Netlify adapter sees a path without the slash: this puts the slash on them.
 * - `/admin/` (the editor): Netlify serves a folder's index.html, `astro dev` only serves
 *   `/admin/index.html` from public/: this maps `/admin` and `/admin/` to it.
 * - `/pagefind/` (search): the index exists only after a build; this serves the last
 *   build's (scripts/lib/dev-pagefind.mjs) and says in the terminal when there is none.
 * Nothing changes in a build.
 */
import { devPagefind } from './lib/dev-pagefind.mjs';

const API = /^\/api\/(referral|advice)(?=$|\?)/;
const ADMIN = /^\/admin\/?(?=$|\?)/;

/** The path `astro dev` can answer for a path Netlify answers. */
export function devPath(url) {
  if (API.test(url)) return url.replace(API, '/api/$1/');
  if (ADMIN.test(url)) return url.replace(ADMIN, '/admin/index.html');
  return url;
}

/** @returns {import('astro').AstroIntegration} */
export default function intakeDevPaths() {
  /** @type {import('vite').Plugin} */
  const plugin = {
    name: 'ifg-intake-dev-paths',
    apply: 'serve',
    // Last plugin, post hook: Astro puts its trailing-slash check first in its own post hook,
    // so this goes in front of it afterwards.
    enforce: 'post',
    configureServer(server) {
      const pagefind = devPagefind(process.env.DIST_DIR || 'dist', server.config.logger);
      return () => {
        server.middlewares.stack.unshift(
          {
            route: '',
            handle: (req, _res, next) => {
              if (req.url) req.url = devPath(req.url);
              next();
            },
          },
          { route: '', handle: pagefind },
        );
      };
    },
  };
  return {
    name: 'ifg-intake-dev-paths',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
