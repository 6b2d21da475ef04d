import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { agendaFeed } from '../../lib/agenda-feed';
import { t } from '../../i18n';

/** One feed per centre plus `alle.ics` for every centre. */
export async function getStaticPaths() {
  const centres = await getCollection('centres');
  return [
    { params: { centre: 'alle' }, props: { centre: undefined, name: t('agenda.feedNameAll') } },
    ...centres.map((c) => ({ params: { centre: c.id }, props: { centre: c.id, name: t('agenda.feedNameCentre', { name: c.data.name }) } })),
  ];
}

export async function GET({ props, site }: APIContext<{ centre?: string; name: string }>): Promise<Response> {
  const body = agendaFeed(await getCollection('events'), { name: props.name, centre: props.centre, site: String(site) });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
