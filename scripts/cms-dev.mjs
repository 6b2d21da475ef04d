// `npm run cms`: the editor on the working copy, without any account. Starts Decap's local
// proxy (decap-server, writing straight into src/content) and `astro dev`, both on 127.0.0.1;
// open http://127.0.0.1:<port>/admin/ and click "Inloggen". Ctrl+C stops both.
//
// Ports: the site on 4321 and the proxy on 8081 unless told otherwise, by argument
// (`npm run cms -- --port 4400 --proxy-port 8090`) or environment (CMS_PORT, CMS_PROXY_PORT).
// Another proxy port is written into public/admin/config.yml (generated, gitignored; the
// next `npm start`, `npm run cms` or build writes it afresh) and given to the dev server,
// which puts it into the editor's connect-src instead of 127.0.0.1:8081 (scripts/lib/dev-csp.mjs).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The two ports from arguments, then the environment, then the defaults; throws on a bad one. */
export function cmsPorts(args = process.argv.slice(2), env = process.env) {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, 'proxy-port': { type: 'string' } }, strict: true });
  const port = (value, name, fallback) => {
    const text = value ?? fallback;
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw new Error(`cms: ${name} must be a port number (1-65535), not "${text}"`);
    return Number(text);
  };
  return {
    site: port(values.port ?? env.CMS_PORT, '--port / CMS_PORT', '4321'),
    proxy: port(values['proxy-port'] ?? env.CMS_PROXY_PORT, '--proxy-port / CMS_PROXY_PORT', '8081'),
  };
}

const DEFAULT_PROXY = 'http://127.0.0.1:8081';

if (import.meta.url === `file://${process.argv[1]}`) {
  let ports;
  try {
    ports = cmsPorts();
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const proxyOrigin = `http://127.0.0.1:${ports.proxy}`;
  // Always written, so an earlier run's port never lingers in the generated file.
  const file = 'public/admin/config.yml';
  writeFileSync(file, readFileSync(file, 'utf8').replace(/http:\/\/127\.0\.0\.1:\d+\/api\/v1/g, `${proxyOrigin}/api/v1`));
  const extra = proxyOrigin === DEFAULT_PROXY ? {} : { CMS_PROXY_ORIGIN: proxyOrigin };
  const children = [
    spawn(process.execPath, ['node_modules/decap-server/dist/index.js'], {
      stdio: 'inherit',
      env: { ...process.env, PORT: String(ports.proxy), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: process.cwd() },
    }),
    // Node itself (not npx), so stopping this script stops astro too.
    spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(ports.site)], {
      stdio: 'inherit',
      env: { ...process.env, ...extra, ASTRO_TELEMETRY_DISABLED: '1' },
    }),
  ];
  console.log(`cms: open http://127.0.0.1:${ports.site}/admin/ and click "Inloggen" (local, no account); the proxy listens on ${proxyOrigin}`);
  const stop = () => children.forEach((child) => child.kill('SIGTERM'));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
}
