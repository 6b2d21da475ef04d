import { getCollection } from 'astro:content';
import type { MunicipalityRecord } from '../lib/lookup';

/** What the browser lookup needs, and nothing more: ids, names, aliases, postcodes, region, centre. */
export async function GET(): Promise<Response> {
  const list: MunicipalityRecord[] = (await getCollection('municipalities')).map(({ data: m }) => ({
    id: m.id, name: m.name, postcodes: m.postcodes, aliases: m.aliases, region: m.region, centre: m.centre,
  }));
  return new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
