import { centreSchema } from '../../schemas/centre';
import { eventSchema } from '../../schemas/event';
import { groupSchema } from '../../schemas/group';
import { pageSchema } from '../../schemas/page';
import type { CollectionSpec } from './decap-config';

/**
 * What the editor at /admin/ edits. Collections of src/content.config.ts that are not
 * here are out of an editor's reach on purpose (see `outOfReach`).
 */
export const editorCollections: CollectionSpec[] = [
  {
    name: 'centres', label: 'Centra', labelSingular: 'Centrum', folder: 'src/content/centres', extension: 'mdx',
    schema: centreSchema, identifier: 'name', create: false,
    // The code is in every reference number a centre has handed out. The key fingerprint is set
    // together with the key file (src/content/keys/), after a phone call with the centre.
    // What each field switches on for readers is the rule of src/lib/reach.ts; the list shows the mailboxes,
    // so a centre still on `onbekend` stands out, and scripts/cms-prepare.mjs adds per centre what is live.
    overrides: {
      hidden: ['code', 'keyFingerprint'],
      hints: {
        referralMailbox: 'Staat hier onbekend, dan weigert het aanmeldformulier elke gemeente van dit centrum en biedt geen pagina het aan. Met een adres gaat het formulier meteen open (niet bij status beperkt). Zie docs/editing.md, "Aanmeldingen ontvangen".',
        adviceMailbox: 'Staat hier onbekend, dan weigert het adviesformulier elke gemeente van dit centrum. Met een adres gaat het meteen open.',
        phoneLines: 'Een lijn voor professionelen verschijnt als volgende stap voor professionelen; een lijn voor slachtoffers alleen bij "Bellen". Zonder lijn voor professionelen krijgen zij geen nummer van dit centrum.',
        status: 'Bij beperkt ontvangt het centrum geen aanmeldingen, ook niet met een mailbox; adviesvragen wel.',
      },
    },
    summary: '{{name}} · aanmelden: {{referralMailbox}} · advies: {{adviceMailbox}}',
    body: { label: 'Voorstelling van het centrum', hint: 'De tekst op de pagina van het centrum. Korte zinnen, gewone woorden.' },
  },
  {
    name: 'groups', label: 'Lotgenotengroepen', labelSingular: 'Lotgenotengroep', folder: 'src/content/groups', extension: 'md',
    schema: groupSchema, identifier: 'title', create: true,
    overrides: { relations: { centre: { collection: 'centres', display: 'name' } } },
    body: { label: 'Uitleg over de groep', hint: 'Voor wie de groep is en hoe een bijeenkomst verloopt. Korte zinnen, gewone woorden.' },
  },
  {
    name: 'events', label: 'Agenda', labelSingular: 'Activiteit', folder: 'src/content/events', extension: 'md',
    schema: eventSchema, identifier: 'title', create: true,
    overrides: { relations: { centres: { collection: 'centres', display: 'name', multiple: true } } },
    body: { label: 'Uitleg over de activiteit', hint: 'Wat er gebeurt, voor wie, en hoe je inschrijft.' },
  },
  {
    name: 'pages', label: 'Pagina’s', labelSingular: 'Pagina', folder: 'src/content/pages', extension: 'mdx',
    schema: pageSchema, identifier: 'title', create: false,
    body: { label: 'Tekst van de pagina', hint: 'Laat regels die met import of < beginnen staan: dat zijn onderdelen van de pagina (kaders, knoppen).' },
  },
];

/** Content collections the editor leaves alone, and why (a test holds this list to content.config.ts). */
export const outOfReach: Record<string, string> = {
  municipalities:
    'De koppeling gemeente → centrum verandert alleen na bevestiging door de centra, via een ontwikkelaar. Het bestand is ook één lijst, wat Decap CMS niet kan bewerken.',
  translations:
    'Vertalingen van de weg naar hulp: een vertaler maakt of herziet ze samen met een ontwikkelaar, naast de Nederlandse bron (zie docs/vertalingen.md).',
  helplines: 'Algemene hulplijnen (112, 101, 1712): elke waarde staat met haar bron in facts/ledger.yaml en wordt samen met die bron gewijzigd, door een ontwikkelaar.',
};
