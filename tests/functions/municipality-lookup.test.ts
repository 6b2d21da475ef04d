import { describe, expect, it } from 'vitest';
import lookup from '../../netlify/functions/municipality-lookup';
import { netlifyContext } from './support/netlify-context';

/**
 * The municipality lookup without JavaScript, called as Netlify calls it: a plain form
 * post answered with a redirect to the answer's page. What the reader typed is never in
 * the address it sends them to (the address lands in the browser history).
 */
const ORIGIN = 'https://veilighuis.example';
const post = (body: string, headers: Record<string, string> = {}) =>
  lookup(new Request(`${ORIGIN}/api/gemeente/`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'same-origin', ...headers },
  }), netlifyContext());

describe('POST /api/gemeente/', () => {
  it('sends a Dutch reader to the municipality page, by name, alias or postcode', async () => {
    for (const q of ['Sint-Niklaas', 'sint niklaas', '9100']) {
      const res = await post(new URLSearchParams({ q, lang: 'nl' }).toString());
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/gemeenten/sint-niklaas/');
    }
  });

  it('sends a reader of another language to the centre answer in that language, Brussels to its own', async () => {
    const ar = await post(new URLSearchParams({ q: 'Hasselt', lang: 'ar' }).toString());
    expect(ar.headers.get('location')).toBe('/ar/gemeenten/centrum-limburg/');
    const fr = await post(new URLSearchParams({ q: '1000', lang: 'fr' }).toString());
    expect(fr.headers.get('location')).toBe('/fr/gemeenten/brussel/');
  });

  it('never puts the typed text in the address: an unknown name leads to the list', async () => {
    const typed = 'Mijn adres Kerkstraat 1';
    const res = await post(new URLSearchParams({ q: typed, lang: 'pl' }).toString());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/pl/gemeenten/#niet-gevonden');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses what is not a same-site form post, and bounds a hostile one', async () => {
    expect((await lookup(new Request(`${ORIGIN}/api/gemeente/?q=Gent`), netlifyContext())).status).toBe(405);
    expect((await post('q=Gent', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(JSON.stringify({ q: 'Gent' }), { 'content-type': 'application/json' })).status).toBe(415);
    expect((await post(`q=${'a'.repeat(70_000)}`)).status).toBe(413);
    // An unknown language or a huge query gets the Dutch list, after reading only its start.
    const odd = await post(`q=${'Gent '.repeat(10_000)}&lang=xx`);
    expect(odd.status).toBe(303);
    expect(odd.headers.get('location')).toBe('/gemeenten/#niet-gevonden');
  });
});
