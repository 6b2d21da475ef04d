import { expect, it } from 'vitest';
import { deferModules, LOADER } from '../../scripts/lib/after-paint.mjs';

it('puts the module markers in <head> (where <meta> is valid) and the loader at the end of <body>', () => {
  const page = '<html><head><title>x</title></head><body><p>a</p><script type="module" src="/_astro/a.js"></script><main><script type="module" src="/_astro/b.js"></script></main></body></html>';
  expect(deferModules(page)).toBe(
    '<html><head><title>x</title><meta name="ifg-module" content="/_astro/a.js"><meta name="ifg-module" content="/_astro/b.js"></head>'
      + `<body><p>a</p><main></main><script>${LOADER}</script></body></html>`,
  );
});

it('leaves a page without module scripts as it is', () => {
  const page = '<html><head></head><body><script>inline()</script></body></html>';
  expect(deferModules(page)).toBe(page);
});
