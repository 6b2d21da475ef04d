// Child process of the loopback bench: serves the project folder given as argv[2] with
// Netlify's local emulation (@netlify/dev, the engine `astro dev` embeds through
// @netlify/vite-plugin) on 127.0.0.1:$BENCH_PORT (0: any free port); prints {"origin": ...} once listening.
// Functions run in this process and read its environment.
// Not `astro dev` itself: with trailingSlash 'always', Astro's dev server answers
// POST /api/referral with its own 404 before the Netlify middleware sees it (only
// /api/referral/ reaches the function there), so the emulator is driven directly.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { NetlifyDev } from '@netlify/dev';

const projectRoot = process.argv[2];
const quiet = () => {};
const dev = new NetlifyDev({
  projectRoot,
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
const server = createServer((req, res) => {
  dev
    .handleAndIntrospectNodeRequest(req, { serverAddress: origin })
    .then((match) => {
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const headers = {};
      match.response.headers.forEach((v, k) => (headers[k] = v));
      res.writeHead(match.response.status, headers);
      if (match.response.body) Readable.fromWeb(match.response.body).pipe(res);
      else res.end();
    })
    .catch((error) => {
      console.error('netlify-serve:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
});
server.listen(Number(process.env.BENCH_PORT || 0), '127.0.0.1', () => {
  origin = `http://127.0.0.1:${server.address().port}`;
  process.stdout.write(`${JSON.stringify({ origin })}\n`);
});
const stop = async () => {
  server.closeAllConnections();
  server.close();
  await dev.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
