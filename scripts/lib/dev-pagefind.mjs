// Search under `npm start`: Pagefind indexes built pages, so the dev server has no index of
// its own. This serves the last build's (<DIST_DIR or dist>/pagefind/, looked up on each
// request, so a build made while the dev server runs is picked up) under /pagefind/, and
// says in the terminal which index it serves, or that there is none and how to make one.
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A connect middleware for GET /pagefind/*; `logger` is Vite's (info, warn). */
export function devPagefind(distDir, logger) {
  const root = resolve(distDir, 'pagefind');
  const entry = statSync(join(root, 'pagefind.js'), { throwIfNoEntry: false });
  if (entry) {
    logger.info(`search: serving the index of the last build (${join(distDir, 'pagefind')}, built ${entry.mtime.toISOString()}); \`npm run build\` refreshes it`);
  } else {
    logger.warn(`search: no search index in ${join(distDir, 'pagefind')} yet, so search answers "Zoeken lukt nu niet"; run \`npm run build\` once (the dev server picks it up, no restart)`);
  }
  return (req, res, next) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
    if (!path.startsWith('/pagefind/') || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const file = resolve(root, `.${path.slice('/pagefind'.length)}`);
    const stat = file.startsWith(root + sep) ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!stat?.isFile()) return next();
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };
}
