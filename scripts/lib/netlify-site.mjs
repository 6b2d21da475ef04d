// Serves a production build as Netlify serves it, with Netlify's own local tooling
// (@netlify/dev): the headers and redirects of netlify.toml and _headers/_redirects,
// the headers the Astro adapter hands to Netlify in .netlify/v1/config.json (the
// per-page CSP), unknown paths answered with 404.html, optionally the functions of
// netlify/functions on the same origin, and optionally gzip/brotli as Netlify's CDN
// sends text to browsers. One implementation for the browser tests
// (tests/e2e/harness/serve.ts) and the bench (bench/lib/lighthouse.mjs).
//
// Netlify merges .netlify/v1/config.json into the deploy config at build time;
// @netlify/dev does not read it. So this lays out a throw-away project root whose
// netlify.toml is ours with the adapter's headers appended, and whose publish folder
// links to the build under test. That root also keeps Blobs and bundled functions
// away from the project's .netlify/.
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { NetlifyDev } from '@netlify/dev';

/** TOML basic strings accept JSON's escapes for the characters we meet. */
const tomlString = (value) => JSON.stringify(value);

/** Our netlify.toml for the throw-away root, plus the adapter's headers from `projectRoot`/.netlify/v1/config.json. */
export async function deployConfig(projectRoot = resolve('.')) {
  let toml = await readFile(join(projectRoot, 'netlify.toml'), 'utf8');
  const publish = /^(\s*publish\s*=\s*)"[^"]*"/m;
  if (!publish.test(toml)) throw new Error('netlify.toml: no publish folder');
  toml = toml.replace(publish, '$1"publish"');
  const frameworkFile = join(projectRoot, '.netlify/v1/config.json');
  if (!existsSync(frameworkFile)) throw new Error('.netlify/v1/config.json missing: build the site first');
  const framework = JSON.parse(await readFile(frameworkFile, 'utf8'));
  for (const rule of framework.headers ?? []) {
    toml += `\n[[headers]]\n  for = ${tomlString(rule.for)}\n  [headers.values]\n`;
    for (const [name, value] of Object.entries(rule.values)) toml += `    ${tomlString(name)} = ${tomlString(value)}\n`;
  }
  return toml;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg)/;

/** Writes a fetch Response to a Node response, compressed when asked and the client accepts it. */
function send(req, res, response, compress) {
  const headers = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const encoding = !compress || !response.body || headers['content-encoding'] || !COMPRESSIBLE.test(headers['content-type'] ?? '')
    ? null
    : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (encoding) {
    delete headers['content-length'];
    headers['content-encoding'] = encoding;
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  }
  res.writeHead(response.status, headers);
  if (!response.body) return res.end();
  const body = Readable.fromWeb(response.body);
  if (!encoding) return body.pipe(res);
  const zip = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip({ level: 6 });
  body.pipe(zip).pipe(res);
}

/**
 * Serves `publishDir` (a build of `projectRoot`) on 127.0.0.1, a free port.
 * @param {{ projectRoot?: string, publishDir: string, functions?: boolean, compress?: boolean }} options
 * @returns {Promise<{ origin: string, root: string, close(): Promise<void> }>}
 */
export async function serveNetlifySite({ projectRoot = resolve('.'), publishDir, functions = true, compress = false }) {
  const root = await mkdtemp(join(tmpdir(), 'ifg-serve-'));
  let toml = await deployConfig(projectRoot);
  if (!functions) toml = toml.replace(/^\[functions\][\s\S]*?(?=^\[)/m, '');
  await writeFile(join(root, 'netlify.toml'), toml);
  await symlink(resolve(publishDir), join(root, 'publish'), 'dir');
  if (functions) {
    // Functions are bundled from a copy (Netlify's bundler trips over linked source folders).
    for (const folder of ['netlify', 'src']) {
      if (existsSync(join(projectRoot, folder))) await cp(join(projectRoot, folder), join(root, folder), { recursive: true });
    }
  }
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  const quiet = () => {};
  const dev = new NetlifyDev({
    projectRoot: root,
    skipGitignore: true,
    serverAddress: null,
    aiGateway: { enabled: false },
    database: { enabled: false },
    edgeFunctions: { enabled: false },
    environmentVariables: { enabled: false },
    geolocation: { enabled: false },
    images: { enabled: false },
    logger: { log: quiet, info: quiet, warn: console.warn, error: console.error },
  });
  await dev.start();
  let origin = '';
  // Netlify answers an unknown path with the site's 404.html and status 404.
  const notFound = async () => {
    const page = await dev.handle(new Request(`${origin}/404.html`), { serverAddress: origin });
    return new Response(page ? await page.text() : 'Not Found', { status: 404, headers: page?.headers ?? {} });
  };
  const server = createServer((req, res) => {
    dev
      .handleAndIntrospectNodeRequest(req, { serverAddress: origin })
      .then(async (match) => send(req, res, match?.response ?? (await notFound()), compress))
      .catch((error) => {
        console.error('netlify-site:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    root,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done()));
      await dev.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
