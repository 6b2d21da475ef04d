/**
 * `npm start` only: the intake's contract paths are `/api/referral` and `/api/advice`
 * (Netlify routes both spellings to the functions), but `astro dev` with
 * `trailingSlash: 'always'` answers 404 before the Netlify adapter sees a path without
 * the slash. This puts the slash on those two paths first, so the documented paths answer
 * the same under `npm start` as on Netlify. Nothing changes in a build.
 */
const API = /^\/api\/(referral|advice)(?=$|\?)/;

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
      return () => {
        server.middlewares.stack.unshift({
          route: '',
          handle: (req, _res, next) => {
            if (req.url && API.test(req.url)) req.url = req.url.replace(API, '/api/$1/');
            next();
          },
        });
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
