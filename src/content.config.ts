import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { centreSchema } from './schemas/centre';
import { eventSchema } from './schemas/event';
import { groupSchema } from './schemas/group';
import { helplineSchema } from './schemas/helpline';
import { municipalitySchema } from './schemas/municipality';
import { pageSchema } from './schemas/page';

// Dutch wording for every zod message an editor can meet that a schema does not word itself.
z.config(z.locales.nl());

export const collections = {
  centres: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/content/centres' }), schema: centreSchema }),
  municipalities: defineCollection({ loader: file('./src/content/municipalities/municipalities.yaml'), schema: municipalitySchema }),
  groups: defineCollection({ loader: glob({ pattern: '*.{md,yaml}', base: './src/content/groups' }), schema: groupSchema }),
  events: defineCollection({ loader: glob({ pattern: '*.{md,yaml}', base: './src/content/events' }), schema: eventSchema }),
  helplines: defineCollection({ loader: file('./src/content/helplines/helplines.yaml'), schema: helplineSchema }),
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/content/pages' }), schema: pageSchema }),
};
