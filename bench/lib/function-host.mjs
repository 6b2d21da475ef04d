// Child process of the intake bench: hosts one function bundle the way a Netlify
// function instance runs it (bundle loaded once, `handler(request, context)` per
// request, with a Netlify-shaped context), on 127.0.0.1:$BENCH_PORT, with a local
// Netlify Blobs server for the outbox. Cold start is measured here, in a fresh process:
// from the start of the bundle's import to its first answer (BENCH_FIRST: a JSON
// { path, method, body } for that first request; none: the import alone).
// argv[2]: the bundled function module (zip-it-and-ship-it output, archiveFormat none).
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { BlobsServer } from '@netlify/blobs/server';

const blobsDir = mkdtempSync(join(tmpdir(), 'ifg-bench-blobs-'));
const token = 'bench-token';
const blobs = new BlobsServer({ directory: blobsDir, token, logger: () => {} });
const { port: blobsPort } = await blobs.start();
const edge = `http://127.0.0.1:${blobsPort}`;
process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify({ edgeURL: edge, uncachedEdgeURL: edge, siteID: 'bench-site', token })).toString('base64');
const origin = `http://127.0.0.1:${process.env.BENCH_PORT}`;

/**
 * What Netlify passes as the second argument of a v2 function; the deploy context comes
 * only from here (Netlify gives a running function no CONTEXT variable; intake-load.mjs
 * deletes it from the host's environment). 'production' by default: the path the centres'
 * mail takes (no redirect, keyed references, production's own outbox store).
 */
const deployContext = process.env.BENCH_DEPLOY_CONTEXT || 'production';
const context = () => ({
  account: { id: 'bench-account' },
  cookies: { get: () => '', set: () => {}, delete: () => {} },
  deploy: { context: deployContext, id: 'bench-deploy', published: deployContext === 'production' },
  geo: { country: { code: 'BE', name: 'Belgium' }, timezone: 'Europe/Brussels' },
  ip: '192.0.2.10',
  json: (input) => Response.json(input),
  log: () => {},
  params: {},
  requestId: crypto.randomUUID(),
  server: { region: 'eu-central-1' },
  site: { id: 'bench-site', name: 'ifg-portaal', url: origin },
  url: new URL(origin),
  waitUntil: () => {},
});

const started = performance.now();
const mod = await import(pathToFileURL(process.argv[2]).href);
const imported = performance.now();
const handler = mod.default;
const cold = { importMs: imported - started, firstAnswerMs: null, firstStatus: null };
if (process.env.BENCH_FIRST) {
  const first = JSON.parse(process.env.BENCH_FIRST);
  const response = await handler(
    new Request(origin + first.path, { method: first.method, headers: { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' }, body: first.body }),
    context(),
  );
  await response.arrayBuffer();
  cold.firstAnswerMs = performance.now() - started;
  cold.firstStatus = response.status;
}

const server = createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const response = await handler(new Request(origin + req.url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }), context());
    const out = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out);
    if (response.body) Readable.fromWeb(response.body).pipe(res);
    else res.end();
  } catch (error) {
    console.error('function-host:', error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
server.listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => process.stderr.write(`BENCH_READY ${JSON.stringify({ origin, ...cold })}\n`));
const stop = async () => {
  server.closeAllConnections();
  server.close();
  await blobs.stop();
  rmSync(blobsDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
