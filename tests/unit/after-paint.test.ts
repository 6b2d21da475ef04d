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

/**
 * Runs the loader with a stand-in browser: the frame and timer callbacks run when asked, the
 * paint observer reports when told, and import() is recorded.
 */
function runLoader({ paintTiming }: { paintTiming: boolean }) {
  const imported: string[] = [];
  const queue: Array<() => void> = [];
  let observer: { callback: (list: { getEntriesByName(n: string): unknown[] }, o: { disconnect(): void }) => void; connected: boolean } | undefined;
  const entries: string[] = [];
  class FakeObserver {
    static supportedEntryTypes = paintTiming ? ['paint', 'largest-contentful-paint'] : [];
    constructor(callback: NonNullable<typeof observer>['callback']) { observer = { callback, connected: false }; }
    observe(options: { type: string; buffered?: boolean }) { if (options.type === 'paint') observer!.connected = true; }
    disconnect() { observer!.connected = false; }
  }
  const browser = {
    requestAnimationFrame: (f: () => void) => queue.push(f),
    setTimeout: (f: () => void) => queue.push(f),
    PerformanceObserver: FakeObserver,
    self: { PerformanceObserver: FakeObserver },
    document: { querySelectorAll: () => [{ content: '/_astro/a.js' }, { content: '/_astro/b.js' }] },
    load: (url: string) => imported.push(url),
  };
  // The loader as the page runs it, with import() and the globals from the stand-in.
  const source = LOADER.replace(/\bimport\(/g, 'load(');
  new Function(...Object.keys(browser), source)(...Object.values(browser));
  const runQueued = () => { while (queue.length) queue.shift()!(); };
  const paint = (name: string) => {
    entries.push(name);
    if (observer?.connected) observer.callback({ getEntriesByName: (n) => entries.filter((e) => e === n) }, { disconnect: () => (observer!.connected = false) });
  };
  return { imported, runQueued, paint };
}

// Issue 21, item 10: a module that loads before the browser has shown the first paint counts
// towards the page's paint in Lighthouse's simulation (its LCP graph takes in every request
// that ended before the observed paint); on /gemeenten/gent/ that made LCP 0.2-0.5 s later
// than FCP on a busy machine. So the loader waits until the browser reports the first paint.
it('imports the page\'s modules only after the browser has reported the first contentful paint', () => {
  const page = runLoader({ paintTiming: true });
  page.runQueued();
  expect(page.imported, 'nothing before the first paint is shown').toEqual([]);
  page.paint('first-paint');
  page.runQueued();
  expect(page.imported, 'not on a paint without content').toEqual([]);
  page.paint('first-contentful-paint');
  page.runQueued();
  expect(page.imported).toEqual(['/_astro/a.js', '/_astro/b.js']);
  page.paint('first-contentful-paint');
  page.runQueued();
  expect(page.imported, 'once').toHaveLength(2);
});

it('still imports them after the first frame in a browser without paint timing', () => {
  const page = runLoader({ paintTiming: false });
  page.runQueued();
  expect(page.imported).toEqual(['/_astro/a.js', '/_astro/b.js']);
});
