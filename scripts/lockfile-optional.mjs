// The npm registry reachable here lacks some other-platform optional binaries (e.g.
// @astrojs/compiler-binding-darwin-x64), so `npm install` leaves them out of the lockfile and
// `npm ci` then refuses the lockfile. This records them as optional entries, which npm ci
// skips on this platform. Run `npm run lock:fix` after any `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2] || 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pk = lock.packages;
let added = [];
for (const [path, entry] of Object.entries(pk)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies || {})) {
    // resolution: nested first, then hoisted
    const nested = `${path ? path + '/' : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (pk[nested] || pk[hoisted]) continue;
    pk[hoisted] = { version: range.replace(/^[\^~=]/, ''), optional: true };
    added.push(`${name}@${range}`);
  }
}
const sorted = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(added.join('\n'));
