import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeowners } from '../../src/lib/cms/codeowners';

const root = resolve('.');
let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

/** A throw-away copy of the content to change. */
function contentCopy(): string {
  copy = mkdtempSync(join(tmpdir(), 'ifg-owners-'));
  cpSync(join(root, 'src/content'), join(copy, 'src/content'), { recursive: true });
  return copy;
}

const ownersOf = (file: string, text: string) => text.split('\n').filter((l) => l.startsWith(`/${file} `)).map((l) => l.split(' ').slice(1).join(' '));

describe('CODEOWNERS generated from the content', () => {
  it('the committed .github/CODEOWNERS is what the content gives (run npm run cms:codeowners)', () => {
    expect(readFileSync(join(root, '.github/CODEOWNERS'), 'utf8')).toBe(codeowners(root));
  });

  it('a centre\'s file, its groups and its events ask that centre\'s reviewers; the rest the shared editors', () => {
    const text = codeowners(root);
    expect(ownersOf('src/content/centres/kempen.mdx', text)).toEqual(['@veilighuis/kempen']);
    expect(ownersOf('src/content/groups/gent-mannen.md', text)).toEqual(['@veilighuis/oost-vlaanderen']);
    expect(text.split('\n').find((l) => l.startsWith('/src/content/ '))).toBe('/src/content/ @veilighuis/redactie');
  });

  it('asks a language\'s reviewers for its translated pages and strings, as the last matching line', () => {
    const text = codeowners(root);
    expect(ownersOf('src/content/translations/ar/', text)).toEqual(['@veilighuis/vertaling-ar']);
    expect(ownersOf('src/i18n/fr.json', text)).toEqual(['@veilighuis/vertaling-fr']);
    const lines = text.trim().split('\n');
    expect(lines.findIndex((l) => l.startsWith('/src/content/translations/'))).toBeGreaterThan(lines.findIndex((l) => l.startsWith('/src/content/ ')));
  });

  it('follows a group that moves to another centre', () => {
    const dir = contentCopy();
    const file = join(dir, 'src/content/groups/gent-mannen.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^centre: .*$/m, 'centre: limburg'));
    expect(ownersOf('src/content/groups/gent-mannen.md', codeowners(dir))).toEqual(['@veilighuis/limburg']);
  });

  it('refuses a personal account and a centre without reviewers', () => {
    const dir = contentCopy();
    const file = join(dir, 'src/content/reviewers.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('["@veilighuis/kempen"]', '["@jan"]'));
    expect(() => codeowners(dir)).toThrow(/GitHub-team/);
    writeFileSync(file, original.replace(/^ {2}kempen: .*\n/m, ''));
    expect(() => codeowners(dir)).toThrow(/geen reviewers voor centrum "kempen"/);
  });

  it('a centre\'s key changes only with that centre\'s reviewers or the security owners, never the shared editors alone', () => {
    const text = codeowners(root);
    const security = text.split('\n').find((l) => l.startsWith('# Security owners: '))?.replace('# Security owners: ', '');
    expect(security).toMatch(/^@[\w.-]+\/[\w.-]+/);
    expect(ownersOf('src/content/keys/kempen.asc', text)).toEqual([`@veilighuis/kempen ${security}`]);
    expect(ownersOf('src/content/keys/leuven.asc', text)).toEqual([`@veilighuis/leuven ${security}`]);
    // A new key for any centre, a file under another name, or the key folder's guide: security owners.
    expect(ownersOf('src/content/keys/', text)).toEqual([security]);
    for (const path of ['src/content/keys/', 'src/content/keys/kempen.asc']) expect(ownersOf(path, text).join(' ')).not.toContain('@veilighuis/redactie');
  });

  it('the receipt allow-list, the reviewers and CODEOWNERS itself change only with the security owners', () => {
    const text = codeowners(root);
    const security = text.split('\n').find((l) => l.startsWith('# Security owners: '))?.replace('# Security owners: ', '');
    for (const path of ['src/content/settings/receipt-domains.json', 'src/content/reviewers.yaml', '.github/CODEOWNERS']) {
      expect(ownersOf(path, text), path).toEqual([security]);
    }
    // The last matching line wins: nothing after these lines hands them back to the shared editors.
    const lines = text.split('\n');
    const keyLine = lines.findIndex((l) => l.startsWith('/src/content/keys/ '));
    expect(lines.slice(keyLine).filter((l) => l.startsWith('/src/content/ '))).toEqual([]);
  });

  it('refuses a security owner that is a personal account', () => {
    const dir = contentCopy();
    const file = join(dir, 'src/content/reviewers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^security: .*$/m, 'security: ["@jan"]'));
    expect(() => codeowners(dir)).toThrow(/GitHub-team/);
  });
});
