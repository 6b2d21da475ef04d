// Child process of the loopback bench: hosts one function bundle the way a warm Netlify
// function instance runs it (bundle loaded once, handler called per request), on
// 127.0.0.1:$BENCH_PORT, with a local Netlify Blobs server for the outbox.
// argv[2]: the bundled function module (zip-it-and-ship-it output, archiveFormat none).
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { BlobsServer } from '@netlify/blobs/server';

const blobsDir = mkdtempSync(join(tmpdir(), 'ifg-bench-blobs-'));
const token = 'bench-token';
const blobs = new BlobsServer({ directory: blobsDir, token, logger: () => {} });
const { port: blobsPort } = await blobs.start();
const edge = `http://127.0.0.1:${blobsPort}`;
process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify({ edgeURL: edge, uncachedEdgeURL: edge, siteID: 'bench-site', token })).toString('base64');

const { default: handler } = await import(pathToFileURL(process.argv[2]).href);
const origin = `http://127.0.0.1:${process.env.BENCH_PORT}`;

const server = createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const response = await handler(new Request(origin + req.url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }), {});
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
server.listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ origin })}\n`));
const stop = async () => {
  server.closeAllConnections();
  server.close();
  await blobs.stop();
  rmSync(blobsDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
