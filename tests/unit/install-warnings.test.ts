// What `npm install` / `npm ci` would warn about, read offline from package-lock.json: a peer
// dependency that the installed version does not satisfy (npm's "ERESOLVE overriding peer
// dependency") and an `engines.node` range that excludes the Node the project runs under
// (npm's EBADENGINE, which npm checks against the Node that runs npm itself; see the README,
// "After `npm install`").
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  integrity?: string;
  optional?: boolean;
  link?: boolean;
  engines?: Record<string, string> | string[];
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
type Overrides = Record<string, string | Record<string, string>>;

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8'));
const entries = lock.packages as Record<string, LockEntry>;
const overrides = (pkg.overrides ?? {}) as Overrides;
// npm compares ranges this way (npm-install-checks, arborist's edge check).
const satisfies = (version: string, range: string) => semver.satisfies(version, range, { includePrerelease: true });

/** Skips the root and the placeholders `npm run lock:fix` adds for other platforms' binaries (no integrity). */
const installed = ([path, entry]: [string, LockEntry]) =>
  path !== '' && !entry.link && !(entry.optional && !entry.integrity);

const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** The folder Node would load `name` from, for a package at `path` (nested first, then up). */
function resolve(path: string, name: string): [string, LockEntry] | undefined {
  for (let base = path; ; ) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (entries[candidate]?.version) return [candidate, entries[candidate]];
    if (!base) return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up < 0 ? '' : base.slice(0, up);
  }
}

/** The package.json override for `dep` as seen from the package at `path`: its own scope, an enclosing one, or a global one. */
function overrideFor(path: string, dep: string): { key: string; range: string } | undefined {
  const chain = path.split(/(?:^|\/)node_modules\//).filter(Boolean).reverse();
  for (const scope of chain) {
    const rule = overrides[scope];
    if (rule && typeof rule === 'object' && typeof rule[dep] === 'string') return { key: `${scope} > ${dep}`, range: rule[dep] };
  }
  const global = overrides[dep];
  return typeof global === 'string' ? { key: dep, range: global } : undefined;
}

function peerReport() {
  const unmet: string[] = [];
  const needless: string[] = [];
  const used = new Set<string>();
  for (const [path, entry] of Object.entries(entries).filter(installed)) {
    for (const [dep, declared] of Object.entries(entry.peerDependencies ?? {})) {
      const found = resolve(path, dep);
      const optional = entry.peerDependenciesMeta?.[dep]?.optional;
      if (!found) {
        if (!optional) unmet.push(`${path}: peer ${dep}@"${declared}" is not installed`);
        continue;
      }
      const version = found[1].version!;
      const override = overrideFor(path, dep);
      if (override) used.add(override.key);
      if (override && satisfies(version, declared)) needless.push(`${override.key}: ${nameOf(path)} already accepts ${dep}@${version}`);
      const range = override?.range ?? declared;
      if (!satisfies(version, range)) unmet.push(`${path}@${entry.version}: peer ${dep}@"${range}" but ${found[0]} is ${version}`);
    }
  }
  return { unmet, needless, used };
}

describe('npm install warnings, from package-lock.json', () => {
  const report = peerReport();

  it('every peer dependency of every installed package is met by the version installed, or overridden in package.json', () => {
    expect(report.unmet).toEqual([]);
  });

  it('every peer override in package.json is needed: the package itself does not accept the installed version', () => {
    expect(report.needless).toEqual([]);
  });

  it('every override in package.json still applies to an installed package', () => {
    const declared = Object.entries(overrides).flatMap(([key, rule]) =>
      typeof rule === 'string' ? [key] : Object.keys(rule).map((dep) => `${key} > ${dep}`),
    );
    expect(declared.filter((key) => !report.used.has(key))).toEqual([]);
  });

  it("every installed package's engines.node accepts the pinned Node (the `node` devDependency)", () => {
    const pinned = entries['node_modules/node'].version!;
    expect(satisfies(pinned, pkg.devDependencies.node)).toBe(true);
    const refused = Object.entries(entries)
      // npm skips an optional package whose engines refuse (a platform binary) without a warning.
      .filter(([path, entry]) => path === '' || (installed([path, entry]) && !entry.optional))
      .filter(([, entry]) => !Array.isArray(entry.engines) && typeof entry.engines?.node === 'string')
      .filter(([, entry]) => !satisfies(pinned, (entry.engines as Record<string, string>).node))
      .map(([path, entry]) => `${path || 'package.json'}: node ${(entry.engines as Record<string, string>).node}`);
    expect(refused).toEqual([]);
  });
});
