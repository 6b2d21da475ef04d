import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { NetlifyDev } from '@netlify/dev';
import { distDir } from '../../helpers/dist';

/**
 * Serves what users get, with Netlify's own local tooling (@netlify/dev):
 * the production build with the headers and redirects of netlify.toml and
 * dist/_headers / _redirects, the headers the Astro adapter hands to Netlify
 * in .netlify/v1/config.json (the per-page CSP), and the functions of
 * netlify/functions on the same origin, with a local Blobs store.
 *
 * Netlify merges .netlify/v1/config.json into the deploy config at build time;
 * @netlify/dev does not read it. So the harness lays out a throw-away project
 * root whose netlify.toml is ours with the adapter's headers appended, and
 * whose publish folder links to the build under test (which may be DIST_DIR).
 * That root also keeps the test's Blobs and bundled functions away from .netlify/.
 */

export interface ServedSite {
  /** e.g. http://127.0.0.1:43121 */
  origin: string;
  /** The throw-away project root (Blobs live in its .netlify/). */
  root: string;
  close(): Promise<void>;
}

const projectRoot = resolve('.');

interface FrameworkHeaders {
  headers?: { for: string; values: Record<string, string> }[];
}

/** TOML basic strings accept JSON's escapes for the characters we meet. */
const tomlString = (value: string): string => JSON.stringify(value);

/**
 * Our netlify.toml for the throw-away root, plus the adapter's headers. Netlify's
 * config refuses folders outside the root, so the root links to the build and
 * holds a copy of the functions instead (see serveSite).
 */
export async function deployConfig(): Promise<string> {
  let toml = await readFile(join(projectRoot, 'netlify.toml'), 'utf8');
  const publish = /^(\s*publish\s*=\s*)"[^"]*"/m;
  if (!publish.test(toml)) throw new Error('netlify.toml: no publish folder');
  toml = toml.replace(publish, '$1"publish"');
  const frameworkFile = join(projectRoot, '.netlify/v1/config.json');
  if (!existsSync(frameworkFile)) throw new Error('.netlify/v1/config.json missing: build the site first');
  const framework = JSON.parse(await readFile(frameworkFile, 'utf8')) as FrameworkHeaders;
  for (const rule of framework.headers ?? []) {
    toml += `\n[[headers]]\n  for = ${tomlString(rule.for)}\n  [headers.values]\n`;
    for (const [name, value] of Object.entries(rule.values)) toml += `    ${tomlString(name)} = ${tomlString(value)}\n`;
  }
  return toml;
}

/** Netlify answers an unknown path with the site's 404.html and status 404. */
async function notFound(dev: NetlifyDev, origin: string): Promise<Response> {
  const page = await dev.handle(new Request(`${origin}/404.html`), { serverAddress: origin });
  return new Response(page ? await page.text() : 'Not Found', { status: 404, headers: page?.headers ?? {} });
}

async function send(res: import('node:http').ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (response.body) Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
  else res.end();
}

export async function serveSite(): Promise<ServedSite> {
  const root = await mkdtemp(join(tmpdir(), 'ifg-serve-'));
  await writeFile(join(root, 'netlify.toml'), await deployConfig());
  await symlink(distDir, join(root, 'publish'), 'dir');
  // Functions are bundled from a copy (Netlify's bundler trips over linked source folders).
  for (const folder of ['netlify', 'src']) {
    if (existsSync(join(projectRoot, folder))) await cp(join(projectRoot, folder), join(root, folder), { recursive: true });
  }
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
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
    logger: { log: () => {}, info: () => {}, warn: console.warn, error: console.error } as never,
  });
  await dev.start();
  let origin = '';
  const server: Server = createServer((req, res) => {
    dev
      .handleAndIntrospectNodeRequest(req, { serverAddress: origin })
      .then(async (match) => send(res, match?.response ?? (await notFound(dev, origin))))
      .catch((error: unknown) => {
        console.error('harness:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    root,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await dev.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
