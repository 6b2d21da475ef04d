import { afterAll, describe, expect, it } from 'vitest';
import { projectCopy } from '../helpers/project-copy';

// An editor's mistake must stop the build with the file, the field and a Dutch
// explanation, not a stack trace. Build a copy of the project with one broken
// centre file; the content sync fails within seconds, before any page renders.
describe('a build with a broken content file', () => {
  const copy = projectCopy('ifg-broken-');
  afterAll(copy.remove);

  let original = '';
  let broken = '';
  copy.edit('src/content/centres/antwerpen.mdx', (text) => {
    original = text;
    broken = text.replace('closes: "16:00"', 'closes: "08:00"');
    return broken;
  });

  it('was really broken (the fixture edit applied)', () => {
    expect(broken).not.toBe(original);
  });

  it('fails and names the file, the field and what to write, in Dutch', () => {
    const run = copy.build(60_000);
    const { output } = run;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('src/content/centres/antwerpen.mdx');
    expect(output).toContain('phoneLines.0.hours.0.closes: Het sluitingsuur moet later zijn dan het openingsuur.');
  }, 90_000);
});
