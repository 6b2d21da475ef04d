import { centreSchema } from '../../schemas/centre';
import { eventSchema } from '../../schemas/event';
import { groupSchema } from '../../schemas/group';
import { pageSchema } from '../../schemas/page';
import { translationSchema } from '../../schemas/translation';
import { translatedLanguages } from '../../i18n/languages';
import { languageReviewers } from '../translation-status';
import type { CollectionSpec } from './decap-config';

/** The language of a translations folder, named in Dutch for the editor. */
const dutchName: Record<string, string> = { makkelijk: 'Makkelijk Nederlands', fr: 'Frans', en: 'Engels', ar: 'Arabisch', tr: 'Turks', pl: 'Pools' };

/**
 * One collection per language of src/content/translations/. Each save is a pull request
 * (editorial workflow) that .github/CODEOWNERS lets through only with the approval of that
 * language's team (src/content/reviewers.yaml); "Nagelezen" counts only with that team's
 * role and only for the words of the commit that set it (src/lib/translation-review.ts).
 * Pages are added or removed with the Dutch page, by a developer.
 */
function translationCollections(reviewers = languageReviewers()): CollectionSpec[] {
  return translatedLanguages.map(({ code }) => {
    const name = dutchName[code] ?? code;
    const { role, team } = reviewers[code] ?? { role: `nalezer ${name}`, team: '(nog geen team)' };
    return {
      name: `translations-${code}`, label: `Vertalingen: ${name}`, labelSingular: `Vertaalde pagina (${name})`,
      folder: `src/content/translations/${code}`, extension: 'mdx', schema: translationSchema, identifier: 'title', create: false,
      description: `De weg naar hulp in ${code === 'makkelijk' ? '' : 'het '}${name}. Opslaan maakt een voorstel; publiceren kan pas als ${team} (de nalezers ${name}) het goedkeurt. `
        + `De startpagina en het antwoord per gemeente halen hun woorden uit src/i18n/${code}.json: die wijzigt een ontwikkelaar. Zie docs/vertalingen.md.`,
      overrides: {
        hidden: ['translation.from.page'],
        hints: {
          'translation.reviewed': `Alleen de ${role} (${team}) zet dit aan, samen met een nieuwe datum bij "Nagelezen door". Verandert de tekst daarna, dan zegt de pagina weer dat ze nog niet nagelezen is.`,
          'translation.reviewedBy': `Schrijf "${role}, JJJJ-MM-DD" met de dag van het nalezen. Een andere functie telt niet als nagelezen.`,
        },
      },
      body: {
        label: 'Vertaalde tekst',
        hint: `Laat regels die met import of < beginnen staan: dat zijn onderdelen van de pagina. Typ nooit een nummer of uur: <Helpline id="1712" lang="${code}" /> toont het uit de gegevens. Een wijziging na het nalezen zet de zin "nog niet nagelezen" terug op de pagina.`,
      },
    };
  });
}

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
  ...translationCollections(),
];

/** Content collections the editor leaves alone, and why (a test holds this list to content.config.ts). */
export const outOfReach: Record<string, string> = {
  municipalities:
    'De koppeling gemeente → centrum verandert alleen na bevestiging door de centra, via een ontwikkelaar. Het bestand is ook één lijst, wat Decap CMS niet kan bewerken.',
  helplines: 'Algemene hulplijnen (112, 101, 1712): elke waarde staat met haar bron in facts/ledger.yaml en wordt samen met die bron gewijzigd, door een ontwikkelaar.',
};
