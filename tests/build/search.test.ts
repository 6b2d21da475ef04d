import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir } from '../helpers/dist';
import nl from '../../src/i18n/nl.json';

/**
 * Queries the built Pagefind index the way the browser does: dist/pagefind/pagefind.js
 * loaded in Node, its index files served from dist/ on 127.0.0.1.
 */
interface Result { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> }
interface Pagefind {
  options(o: { basePath: string }): Promise<void>;
  search(term: string, o?: { filters?: Record<string, unknown> }): Promise<{ results: { data(): Promise<Result> }[] }>;
  destroy?(): Promise<void>;
}

let server: Server;
let pagefind: Pagefind;
let origin = '';

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = join(distDir, normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    try {
      res.writeHead(200, { 'Content-Type': path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(await readFile(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pagefind = await import(pathToFileURL(join(distDir, 'pagefind/pagefind.js')).href);
  await pagefind.options({ basePath: `${origin}/pagefind/` });
});
afterAll(async () => {
  await pagefind?.destroy?.();
  await new Promise<void>((r) => server.close(() => r()));
});

async function search(term: string, filters?: Record<string, unknown>, count = 5): Promise<Result[]> {
  const { results } = await pagefind.search(term, filters ? { filters } : undefined);
  const data = await Promise.all(results.slice(0, count).map((r) => r.data()));
  return data.map((d) => ({ ...d, url: d.url.replace(origin, '') }));
}
const first = async (term: string) => (await search(term, undefined, 1))[0]?.url;

describe('search (Pagefind, Dutch)', () => {
  it('puts the page a reader expects first', async () => {
    expect(await first('lotgenotengroep')).toBe('/agenda/');
    expect(await first('casusregie')).toBe('/casusregisseur/');
    expect(await first('aanmelden')).toBe('/professionals/aanmelden/');
    expect(await first('Zuid-West-Vlaanderen')).toBe('/centra/zuid-west-vlaanderen/');
    expect(await first('Gent')).toBe('/gemeenten/gent/');
    expect(await first('Kruishoutem')).toBe('/gemeenten/kruisem/');
    expect(await first('Borgerhout')).toBe('/gemeenten/antwerpen/');
  });

  it('returns only the chosen centre\'s pages under a centre filter', async () => {
    const all = await search('veilig huis', undefined, 400);
    const kempen = await search('veilig huis', { centre: 'Kempen' }, 400);
    expect(new Set(all.flatMap((r) => r.filters.centre ?? [])).size).toBeGreaterThan(1);
    expect(kempen.length).toBeGreaterThan(0);
    expect(kempen.every((r) => r.filters.centre?.length === 1 && r.filters.centre[0] === 'Kempen')).toBe(true);
    expect(kempen.map((r) => r.url)).toContain('/centra/kempen/');
    expect(kempen.map((r) => r.url)).toContain('/gemeenten/turnhout/');
  });

  it('filters by audience, keeping pages for everyone', async () => {
    const pro = await search('hulp', { audience: { any: ['professionelen', 'iedereen'] } }, 400);
    expect(pro.length).toBeGreaterThan(0);
    expect(pro.every((r) => r.filters.audience?.some((a) => a === 'professionelen' || a === 'iedereen'))).toBe(true);
    expect(pro.some((r) => r.filters.audience?.includes('slachtoffers') && !r.filters.audience.includes('iedereen'))).toBe(false);
  });

  it('indexes the main content only, not the header, quick exit or emergency strip', async () => {
    const [gent] = await search('Gent', undefined, 1);
    expect(gent.content).toContain('Veilig Huis Oost-Vlaanderen');
    for (const chrome of [nl['layout.skipLink'], nl['helpline.101.short'], nl['layout.quickExitHint']]) expect(gent.content).not.toContain(chrome);
    // The per-centre agenda pages and the search page repeat other pages: not in the index.
    expect((await search('agenda', undefined, 400)).map((r) => r.url).filter((u) => /^\/agenda\/.+\/$|^\/zoeken\//.test(u))).toEqual([]);
  });
});
