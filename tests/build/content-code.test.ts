import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { projectCopy } from '../helpers/project-copy';

// Content edited in the editor must not run code at build. A page body with an expression
// printed a build variable into the public page, and an import could write files. Build a
// copy of the project with two such bodies: the build stops before anything runs, and tells
// the editor, in Dutch, which file and what to do. Pages that use the project's own
// components (src/components/content) are in the same copy and do not stop it.
describe('a build with code in a content body', () => {
  const copy = projectCopy('ifg-code-');
  afterAll(copy.remove);
  const edit = copy.edit;
  const edited = [
    edit('src/content/pages/privacy.mdx', (t) => `${t}\nDe sleutel is {process.env.CANARY_SECRET}.\n`),
    edit('src/content/pages/sporen.mdx', (t) => t.replace(/\n---\n/, "\n---\nimport fs from 'node:fs';\n\n")),
  ];

  it('was really changed (the fixture edits applied)', () => {
    expect(edited).toEqual([true, true]);
  });

  it('stops, names each file and says what to do, in Dutch; the canary never reaches a page', () => {
    const { dist } = copy;
    const run = copy.build(240_000, { CANARY_SECRET: 'kanarie-7f3a' });
    const { output } = run;
    expect(run.status, output).not.toBe(0);
    expect(output).toMatch(/src\/content\/pages\/privacy\.mdx, regel \d+: .*\{process\.env\.CANARY_SECRET\}.*is code/);
    expect(output).toMatch(/src\/content\/pages\/sporen\.mdx, regel \d+: .*import fs from 'node:fs'/);
    expect(output).toContain('src/components/content');
    const page = spawnSync('grep', ['-rl', 'kanarie-7f3a', dist], { encoding: 'utf8' });
    expect(page.stdout).toBe('');
  }, 300_000);
});
