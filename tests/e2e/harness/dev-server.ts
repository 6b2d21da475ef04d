import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A development command (`npm start`, `npm run cms`) as a newcomer runs it, on free
 * loopback ports, with the environment a shell would have (no vitest variables).
 */
export interface DevServer {
  origin: string;
  /** Everything the command printed so far (the terminal a newcomer reads). */
  output: () => string;
  close: () => Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The environment of a shell: nothing vitest, Netlify or a build would have set. */
export function shellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|NETLIFY_|__VITE_)/.test(key) || ['NODE_ENV', 'CONTEXT', 'TEST', 'DIST_DIR'].includes(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/**
 * Starts `args` under the project's Node (node_modules/.bin/node, as `npm run` does) and
 * waits until `ready` (a path on the first port) answers 200.
 */
export async function startDev(args: string[], port: number, env: NodeJS.ProcessEnv, ready = '/hulp/'): Promise<DevServer> {
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn('node_modules/.bin/node', args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const close = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((done) => child.once('exit', done));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
  };
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const page = await fetch(`${origin}${ready}`, { signal: AbortSignal.timeout(60_000) }).catch(() => null);
    if (page?.ok) return { origin, output: () => output, close };
    await new Promise((r) => setTimeout(r, 500));
  }
  await close();
  throw new Error(`${args.join(' ')} did not start:\n${output}`);
}
