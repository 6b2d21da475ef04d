// `npm run cms`: the editor on the working copy, without any account. Starts Decap's local
// proxy (decap-server, on 127.0.0.1:8081, writing straight into src/content) and `astro dev`;
// open http://127.0.0.1:4321/admin/index.html and click "Inloggen". Ctrl+C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['node_modules/decap-server/dist/index.js'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: '8081', BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: process.cwd() },
  }),
  // Node itself (not npx), so stopping this script stops astro too.
  spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } }),
];
console.log('cms: open http://127.0.0.1:4321/admin/index.html (astro dev does not map /admin/ to it) and click "Inloggen" (local, no account)');
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
