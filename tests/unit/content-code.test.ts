import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentCode, codeInContent, codeInMarkdown } from '../../scripts/lib/content-code.mjs';

// A content body is edited in the editor; any code in it would run at build. Each case is a
// body an editor (or someone with an editor's token) could save.
const file = 'src/content/pages/hulp.mdx';
const where = { absolutePath: resolve(file), componentsDir: resolve('src/components/content') };
const check = (body: string) => codeInContent(file, `---\ntitle: Hulp\n---\n${body}`, where);
const notice = "import Notice from '../../components/content/Notice.astro';\n\n";

describe('code in a content body', () => {
  it('allows the project\'s own components with fixed values, plain HTML and comments', () => {
    expect(check(`${notice}{/* uitleg voor de redactie */}\n\n<Notice variant="warning" title="Let op" level={3}>\nTekst met <strong>nadruk</strong> en een [link](https://example.org/).\n</Notice>\n\n<ul>\n<li>een</li>\n</ul>\n`)).toEqual([]);
  });

  it('allows every content file as it is today', () => {
    expect(checkContentCode(resolve('.'))).toEqual([]);
  });

  it.each([
    ['an expression in the text', 'De sleutel is {process.env.SECRET}.', /regel 4: \{process\.env\.SECRET\} is code/],
    ['an expression on its own line', '{await fetch("https://example.org")}', /regel 4: \{await fetch.*is code/],
    ['an import of a Node module', "import fs from 'node:fs';\n\nTekst", /regel 4: "import fs from 'node:fs';" haalt code binnen/],
    ['an export', 'export const x = globalThis.process.env;\n\nTekst', /regel 4: "export const x = .*" haalt code binnen/],
    ['an import and code on one line', `import Notice from '../../components/content/Notice.astro'; console.log(1)\n\nTekst`, /haalt code binnen/],
    ['a component from outside src/components/content', "import Base from '../../layouts/Base.astro';\n\n<Base />", /haalt code binnen/],
    ['an expression in an attribute', `${notice}<Notice title={process.env.SECRET}>x</Notice>`, /title=\{process\.env\.SECRET\} in <Notice> is code/],
    ['a spread attribute', `${notice}<Notice {...globalThis}>x</Notice>`, /\{\.\.\.globalThis\} in <Notice> is code/],
    ['a script element', '<script>alert(1)</script>', /<script> is geen toegelaten onderdeel/],
    ['an event handler', '<a href="/hulp/" onclick="alert(1)">x</a>', /kenmerk onclick/],
    ['an Astro directive', '<div set:html="<img src=x onerror=alert(1)>"></div>', /kenmerk set:html/],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /voert code uit/],
    ['a comment with code after it', '{/* x */ process.env.SECRET}', /is code/],
    ['a javascript: link in Markdown', '[klik](javascript:alert(1))', /regel 4: de link "javascript:alert\(1\)" voert code uit/],
    ['a javascript: image in Markdown', '![x](javascript:alert(1))', /voert code uit/],
    ['a javascript: link by reference', '[klik][a]\n\n[a]: javascript:alert(1)', /voert code uit/],
    ['a javascript: link with a tab inside the scheme', '<a href="java\tscript:alert(1)">x</a>', /voert code uit/],
    ['a javascript: link as a quoted value in braces', '<a href={"javascript:alert(1)"}>x</a>', /voert code uit/],
    ['a javascript: link written with character references', '<a href="&#x6A;avascript&colon;alert(1)">x</a>', /voert code uit/],
    ['a data: link with spaces before it', '<a href="  data:text/html,x">x</a>', /voert code uit/],
  ])('refuses %s, naming the file and line in Dutch', (_case, body, message) => {
    const problems = check(body);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
    expect(problems[0]).toMatch(/^src\/content\/pages\/hulp\.mdx, regel \d+: /);
  });

  it('tells the editor which components are allowed', () => {
    expect(check('{1 + 1}')[0]).toContain('src/components/content (ContactCard, Helpline, KeyFingerprint, Notice, PhoneLine)');
  });
});

describe('code in a Markdown body (groups, events)', () => {
  const md = (body: string) => codeInMarkdown('src/content/groups/x.md', `---\ntitle: "<b>Groep</b>"\n---\n${body}`);

  it('allows plain text, Markdown links and a title with brackets in the front matter', () => {
    expect(md('Een groep voor **ouders**. Lees [meer](https://example.org/) of [hier](/hulp/).\n')).toEqual([]);
  });

  it.each([
    ['a script element', '<script>alert(1)</script>', /regel 4: <script>alert\(1\)<\/script> is HTML/],
    ['an element with an event handler', 'Tekst <b onclick="alert(1)">vet</b>', /regel 4: <b onclick="alert\(1\)"> is HTML/],
    ['a frame', '<iframe src="https://example.org"></iframe>', /is HTML/],
    ['a javascript: link', '[klik](javascript:alert(1))', /regel 4: de link "javascript:alert\(1\)" voert code uit/],
  ])('refuses %s, naming the file and line in Dutch', (_case, body, message) => {
    expect(md(body).join('\n')).toMatch(message);
  });
});
