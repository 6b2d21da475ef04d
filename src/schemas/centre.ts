import { z } from 'astro/zod';
import { address, asOf, audience, clockTime, functionalEmail, isoDate, lastReviewed, municipalityIds, servicePhone, tooLong, tooShort, weekday } from './common';

/**
 * A functional mailbox, or the word `onbekend` while the centre has not given one.
 * `onbekend` becomes `null`, so code that routes mail must handle a centre without a mailbox.
 */
export const mailboxOrUnknown = z.union([z.literal('onbekend').transform(() => null), functionalEmail], {
  error: 'Vul het functionele e-mailadres in, bv. "info@veilighuis.be", of schrijf onbekend zolang het centrum er geen heeft.',
});

/** One block of weekly opening hours, e.g. weekdays from 09:00 to 16:00. */
export const openingHours = z.strictObject({
  /** Days this block applies to, e.g. `[ma, di, wo, do, vr]`. */
  days: z.array(weekday).min(1, 'Noem minstens één dag, bv. [ma, di].').meta({ title: 'Dagen', description: 'De dagen waarop dit blok geldt, bv. ma tot vr.' }),
  /** Opening time, e.g. `"09:00"`. */
  opens: clockTime.meta({ title: 'Open vanaf', description: 'Uur in de vorm UU:MM, bv. 09:00.' }),
  /** Closing time, e.g. `"12:00"`. */
  closes: clockTime.meta({ title: 'Open tot', description: 'Uur in de vorm UU:MM, bv. 16:00. Later dan het openingsuur.' }),
}).refine((h) => h.opens < h.closes, { message: 'Het sluitingsuur moet later zijn dan het openingsuur.', path: ['closes'] });

/** A one-day exception to the weekly hours, e.g. closed on a bridge day. */
export const hoursException = z.strictObject({
  /** The day, e.g. `2026-12-24`. */
  date: isoDate('de datum van de uitzondering').meta({ title: 'Datum', description: 'De dag met andere uren, bv. 24-12-2026.' }),
  /** Opening time that day; leave out with `closes` when the line is closed all day. */
  opens: clockTime.optional().meta({ title: 'Open vanaf (die dag)', description: 'Laat leeg, samen met "Open tot", als de lijn die dag gesloten is.' }),
  /** Closing time that day. */
  closes: clockTime.optional().meta({ title: 'Open tot (die dag)', description: 'Laat leeg, samen met "Open vanaf", als de lijn die dag gesloten is.' }),
  /** Short reason shown to readers, e.g. `Teamdag`. */
  note: z.string().trim().max(120, 'Houd de reden kort (hoogstens 120 tekens).').optional().meta({ title: 'Reden', description: 'Kort, bv. "Teamdag". Lezers zien dit.' }),
}).refine((e) => (e.opens === undefined) === (e.closes === undefined), {
  message: 'Vul bij een uitzondering ofwel opens én closes in, ofwel geen van beide (dan is de lijn die dag gesloten).',
  path: ['opens'],
});

/** A functional phone line of the centre. */
export const phoneLine = z.strictObject({
  /** Short id used in links and tests, e.g. `advieslijn`. */
  id: z.string({ error: 'Geef de lijn een korte id, bv. "advieslijn".' }).regex(/^[a-z0-9-]+$/, 'Gebruik voor de id alleen kleine letters, cijfers en streepjes, bv. "co3-lijn".').meta({ title: 'Korte id', description: 'Alleen kleine letters, cijfers en streepjes, bv. "advieslijn". Verander de id van een bestaande lijn niet: links verwijzen ernaar.' }),
  /** Name readers see, e.g. `Advieslijn voor professionelen`. */
  name: z.string({ error: 'Geef de lijn een naam, bv. "Advieslijn".' }).trim().min(1, tooShort(1)).meta({ title: 'Naam van de lijn', description: 'Zoals lezers ze zien, bv. "Advieslijn".' }),
  /** The number as printed, e.g. `03 435 98 10`. */
  number: servicePhone.meta({ title: 'Telefoonnummer', description: 'Zoals het gedrukt wordt, bv. "03 435 98 10". Alleen vaste dienstlijnen, geen gsm-nummer van een medewerker.' }),
  /** Who may call this line. */
  audience: audience.meta({ title: 'Voor wie', description: 'Wie deze lijn mag bellen.' }),
  /** What the line is for, one sentence, e.g. `Twijfel je of je een gezin aanmeldt? Bel ons.` */
  purpose: z.string({ error: 'Schrijf in één zin waarvoor de lijn dient.' }).trim().min(1, tooShort(1)).max(300, tooLong(300)).meta({ title: 'Waarvoor', description: 'Eén zin, bv. "Twijfel je of je een gezin aanmeldt? Bel ons."' }),
  /**
   * Exact weekly hours in Belgian time, only when a source gives them (e.g. "op weekdagen tussen 9 en 16 uur").
   * Only a line with these hours gets a live "Nu open". Leave empty and use `hoursText` when the source gives no hours.
   */
  hours: z.array(openingHours).default([]).meta({ title: 'Weekuren', description: 'Alleen exacte uren die de bron noemt. Geen uren in de bron? Laat dit leeg en vul "Uren in woorden" in. Verzin geen uren.' }),
  /** The hours in the source's own words when it gives no exact hours, e.g. `dinsdag- en donderdagvoormiddag`. */
  hoursText: z.string().trim().min(3, tooShort(3)).max(120, tooLong(120)).optional().meta({ title: 'Uren in woorden', description: 'De woorden van de bron als die geen exacte uren geeft, bv. "dinsdag- en donderdagvoormiddag". Niet samen met weekuren.' }),
  /** One-day exceptions, e.g. closed on a team day. */
  exceptions: z.array(hoursException).default([]).meta({ title: 'Uitzonderingen', description: 'Dagen met andere uren, bv. gesloten op een teamdag. Feestdagen zijn altijd gesloten.' }),
}).refine((l) => l.hours.length > 0 || l.hoursText, {
  message: 'Geef de uren zoals de bron ze noemt: exacte uren in hours (bv. days: [ma, di], opens: "09:00", closes: "16:00"), of de woorden van de bron in hoursText (bv. "dinsdag- en donderdagvoormiddag"). Verzin geen uren.',
  path: ['hours'],
}).refine((l) => !(l.hours.length > 0 && l.hoursText), {
  message: 'Kies één van beide: exacte uren in hours, of de woorden van de bron in hoursText.',
  path: ['hoursText'],
});

/** A place of the centre: the back office or a front office. */
export const location = z.strictObject({
  /** `backoffice` (main site, often not open to visitors) or `frontoffice` (where families can go). */
  kind: z.enum(['backoffice', 'frontoffice'], { error: 'Kies "backoffice" of "frontoffice".' }).meta({ title: 'Soort plaats', description: 'backoffice (hoofdzetel, vaak niet open voor bezoekers) of frontoffice (waar gezinnen kunnen langskomen).' }),
  /** Name of the place, e.g. `Sociaal Huis Aalst`. */
  name: z.string({ error: 'Geef de plaats een naam, bv. "Sociaal Huis Aalst".' }).trim().min(1, tooShort(1)).meta({ title: 'Naam van de plaats', description: 'Bv. "Sociaal Huis Aalst".' }),
  /** Address; leave out when it is not public yet. */
  address: address.optional().meta({ title: 'Adres', description: 'Laat leeg zolang het adres niet openbaar is.' }),
  /** Extra information, e.g. `Alleen op afspraak`. */
  note: z.string().trim().max(300, tooLong(300)).optional().meta({ title: 'Extra uitleg', description: 'Bv. "Alleen op afspraak".' }),
  /** Only for these municipalities (ids); leave out when the place serves the whole area. A front office is shown only where it serves. */
  municipalities: municipalityIds.optional().meta({ title: 'Alleen voor deze gemeenten', description: 'Ids uit de gemeentelijst, bv. "aalst". Laat leeg als de plaats het hele werkgebied dient. Een onthaalpunt verschijnt alleen bij de gemeenten die het dient.' }),
  /** Source and date of what is known about the place, e.g. `de presentatie van najaar 2023`. */
  asOf: asOf.optional().meta({ title: 'Volgens', description: 'Bron en datum, bv. "de presentatie van najaar 2023". Lezers zien dit bij de plaats.' }),
});

/** One of the four tracks and where the centre offers it. */
export const trackOffer = z.strictObject({
  /** 0 open offer and peer groups, 1 consult line, 2 short case support, 3 intensive case direction. */
  track: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'Kies spoor 0, 1, 2 of 3.' }).meta({ title: 'Spoor', description: '0 open aanbod en lotgenotengroepen, 1 consultlijn, 2 korte casusondersteuning, 3 intensieve casusregie.' }),
  /** `aangeboden` (running now) or `gepland` (announced, not yet running). */
  status: z.enum(['aangeboden', 'gepland'], { error: 'Kies "aangeboden" of "gepland".' }).meta({ title: 'Stand van zaken', description: 'aangeboden (loopt nu) of gepland (aangekondigd, loopt nog niet).' }),
  /** Only in these municipalities (ids from the municipalities list); leave out for the whole area. */
  municipalities: municipalityIds.optional().meta({ title: 'Alleen in deze gemeenten', description: 'Ids uit de gemeentelijst, bv. "wortegem-petegem". Laat leeg voor het hele werkgebied.' }),
  /** This centre's own description of the track, from its source, e.g. `Kortdurende casusondersteuning van 4 tot 6 maanden.` Shown only for this centre. */
  note: z.string().trim().max(400, tooLong(400)).optional().meta({ title: 'Uitleg voor lezers', description: 'Hoe dit centrum het spoor beschrijft, bv. "Kortdurende casusondersteuning van 4 tot 6 maanden." Alleen wat de bron van dit centrum zegt.' }),
  /** Source and date of this offer, e.g. `de presentatie van najaar 2023`; readers see it with the track. */
  asOf: asOf.meta({ title: 'Volgens', description: 'Bron en datum van dit aanbod, bv. "de presentatie van najaar 2023". Lezers zien dit bij het spoor.' }),
});

/**
 * A limit on where the centre works, as a source gives it: it started in pilot police
 * zones, a city did not join, or a wider roll-out is only planned. Model it here, not as
 * a smaller area: municipality answers outside the limit show the caveat.
 */
export const areaLimit = z.strictObject({
  /** `piloot` (started only here), `niet-mee` (these places did not join) or `uitbreiding-gepland` (a wider roll-out is a plan). */
  kind: z.enum(['piloot', 'niet-mee', 'uitbreiding-gepland'], { error: 'Kies "piloot", "niet-mee" of "uitbreiding-gepland".' }).meta({ title: 'Soort beperking', description: 'piloot (begon alleen hier), niet-mee (deze plaatsen deden niet mee) of uitbreiding-gepland (verder uitbreiden is een plan).' }),
  /** Police zones as in the municipality list, e.g. `["PZ Oostende"]`; leave out when the source does not name them. */
  policeZones: z.array(z.string().trim().min(3, tooShort(3))).optional().meta({ title: 'Politiezones', description: 'Zoals in de gemeentelijst, bv. "PZ Oostende". Laat leeg als de bron ze niet noemt.' }),
  /** Municipality ids, e.g. `[brugge]`. */
  municipalities: municipalityIds.optional().meta({ title: 'Gemeenten', description: 'Ids uit de gemeentelijst, bv. "brugge".' }),
  /** What the source says, in one or two sentences, e.g. `Het centrum begon als proef in de politiezone Oostende.` */
  note: z.string({ error: 'Schrijf wat de bron zegt, bv. "Het centrum begon als proef in de politiezone Oostende."' }).trim().min(10, tooShort(10)).max(300, tooLong(300)).meta({ title: 'Wat de bron zegt', description: 'Eén of twee zinnen, bv. "Het centrum begon als proef in de politiezone Oostende."' }),
  /** Source and date, e.g. `openbare bronnen uit 2023`. */
  asOf: asOf.meta({ title: 'Volgens', description: 'Bron en datum, bv. "openbare bronnen uit 2023".' }),
});

/** What happens after a referral at this centre, as its own source describes it. */
export const afterReferral = z.strictObject({
  /** In plain words, e.g. `De partners bespreken de aanmelding in een verkennend casusoverleg. Wie aanmeldde, zit mee aan tafel.` */
  text: z.string({ error: 'Schrijf wat er na een aanmelding gebeurt, zoals de bron van het centrum het zegt.' }).trim().min(10, tooShort(10)).max(500, tooLong(500)).meta({ title: 'Wat er gebeurt', description: 'Zoals de bron van dit centrum het zegt. Beloof niets wat de bron niet zegt.' }),
  /** Source and date, e.g. `de folder van CO3, zonder datum`. */
  asOf: asOf.meta({ title: 'Volgens', description: 'Bron en datum, bv. "de folder van CO3, zonder datum".' }),
});

/** The agreement (protocol) under article 458ter that governs information sharing at this centre's case meetings. */
export const protocolStatus = z.strictObject({
  /** `geldt` (the source says a protocol governs it), `ontwerp` (drafted, not yet signed as far as the source goes) or `andere` (another basis, explain in `note`). */
  status: z.enum(['geldt', 'ontwerp', 'andere'], { error: 'Kies "geldt", "ontwerp" of "andere".' }).meta({ title: 'Stand van het protocol', description: 'geldt, ontwerp (nog niet ondertekend volgens de bron) of andere (leg uit).' }),
  /** What the source says, e.g. `Het parket werkte een protocol uit; het was klaar om ondertekend te worden.` */
  note: z.string({ error: 'Schrijf wat de bron over het protocol zegt.' }).trim().min(10, tooShort(10)).max(300, tooLong(300)).meta({ title: 'Wat de bron zegt', description: 'Eén of twee zinnen.' }),
  /** Source and date, e.g. `een persbericht uit de coronaperiode`. */
  asOf: asOf.meta({ title: 'Volgens', description: 'Bron en datum.' }),
});

/** An IFG-centre ("Veilig Huis"). The MDX body is the centre's own introduction. */
export const centreSchema = z.strictObject({
  /** Full name, e.g. `Veilig Huis Oost-Vlaanderen`. */
  name: z.string({ error: 'Vul de volledige naam van het centrum in, bv. "Veilig Huis Oost-Vlaanderen".' }).trim().min(3, tooShort(3)).meta({ title: 'Volledige naam', description: 'Bv. "Veilig Huis Oost-Vlaanderen".' }),
  /** Short name for lists, e.g. `Oost-Vlaanderen`. */
  shortName: z.string({ error: 'Vul een korte naam in, bv. "Oost-Vlaanderen".' }).trim().min(2, tooShort(2)).max(40, tooLong(40)).meta({ title: 'Korte naam', description: 'Voor lijsten, bv. "Oost-Vlaanderen".' }),
  /** Three capitals used in references, e.g. `OVL`. */
  code: z.string({ error: 'Vul een code van 3 hoofdletters in, bv. "OVL".' }).regex(/^[A-Z]{3}$/, 'De code heeft precies 3 hoofdletters, bv. "OVL".').meta({ title: 'Code', description: 'Drie hoofdletters in de referentienummers. Niet te wijzigen in de editor.' }),
  /** Earlier names readers may know, e.g. `FJC Mechelen`. */
  formerNames: z.array(z.string().trim().min(1, tooShort(1))).default([]).meta({ title: 'Vroegere namen', description: 'Namen die lezers nog kennen, bv. "FJC Mechelen".' }),
  /** The area in words, e.g. `de provincie Oost-Vlaanderen`. */
  area: z.string({ error: 'Beschrijf het werkgebied, bv. "de provincie Oost-Vlaanderen".' }).trim().min(3, tooShort(3)).meta({ title: 'Werkgebied', description: 'In woorden, bv. "de provincie Oost-Vlaanderen".' }),
  /** `operationeel`, `opstartend` (with a `startDate`) or `beperkt` (part of the work is suspended; explain in `statusNote`). */
  status: z.enum(['operationeel', 'opstartend', 'beperkt'], { error: 'Kies "operationeel", "opstartend" of "beperkt".' }).meta({ title: 'Status', description: 'operationeel, opstartend (met startdatum) of beperkt (leg uit in "Uitleg bij de status").' }),
  /** One sentence about the status readers must know, e.g. `Sinds mei 2025 neemt het centrum geen nieuwe dossiers aan.` */
  statusNote: z.string().trim().min(3, tooShort(3)).max(300, 'Houd de uitleg bij de status kort (hoogstens 300 tekens).').optional().meta({ title: 'Uitleg bij de status', description: 'Eén zin die lezers moeten weten, bv. "Sinds mei 2025 neemt het centrum geen nieuwe dossiers aan."' }),
  /** Exact day the centre opened (officially) or will open, e.g. `2023-11-25`. */
  startDate: isoDate('de startdatum').optional().meta({ title: 'Startdatum', description: 'De exacte dag van de (officiële) start. Verplicht bij status opstartend.' }),
  /** When the centre started, in words, as precise as known, e.g. `november 2023`; use when the exact day is not known. */
  opened: z.string().trim().min(4, tooShort(4)).max(60, 'Schrijf de start kort, bv. "november 2023".').optional().meta({ title: 'Gestart in', description: 'In woorden, zo precies als bekend, bv. "november 2023", als de exacte dag niet bekend is.' }),
  /** Mailbox that receives referrals (aanmeldingen), or `onbekend` while the centre has not confirmed one. */
  referralMailbox: mailboxOrUnknown.meta({ title: 'Mailbox voor aanmeldingen', description: 'Het functionele adres dat aanmeldingen ontvangt, bv. "info@veilighuis.be", of onbekend zolang het centrum er geen bevestigde.' }),
  /** Mailbox that receives advice requests (may equal the referral mailbox), or `onbekend`. */
  adviceMailbox: mailboxOrUnknown.meta({ title: 'Mailbox voor adviesvragen', description: 'Mag hetzelfde zijn als de mailbox voor aanmeldingen, of onbekend.' }),
  /** Service phone lines with their weekly hours. */
  phoneLines: z.array(phoneLine).default([]).meta({ title: 'Telefoonlijnen', description: 'De dienstlijnen van het centrum, met hun uren.' }),
  /** Back office and front offices. */
  locations: z.array(location).default([]).meta({ title: 'Plaatsen', description: 'Backoffice en frontoffices.' }),
  /** The tracks on offer and where. */
  tracks: z.array(trackOffer, { error: 'Noem de sporen die het centrum aanbiedt, bv. - track: 3 / status: aangeboden. Schrijf tracks: [] zolang het aanbod niet bekend is.' }).meta({ title: 'Aanbod (sporen)', description: 'De sporen die het centrum aanbiedt, en waar.' }),
  /** Partner organisations, e.g. `Politie`, `CAW Oost-Vlaanderen`. */
  partners: z.array(z.string().trim().min(1, tooShort(1))).default([]).meta({ title: 'Partners', description: 'Partnerorganisaties, bv. "Politie", "CAW Oost-Vlaanderen".' }),
  /**
   * Fingerprint of the centre's OpenPGP key (src/content/keys/<id>.asc), as the centre read it out on the phone,
   * e.g. `0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567`. The build refuses a key file whose fingerprint differs.
   */
  keyFingerprint: z.string().trim().regex(/^(?:[0-9A-Fa-f]{4} ?){9}[0-9A-Fa-f]{4}(?:(?: ?[0-9A-Fa-f]{4}){6})?$/, 'Schrijf de vingerafdruk die het centrum aan de telefoon voorlas: 40 tekens (cijfers en A tot F) in groepjes van vier, bv. "0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567".').optional().meta({ title: 'Vingerafdruk van de sleutel', description: 'Alleen na een telefoontje met het centrum (docs/versleutelde-aflevering.md, stap 3). Zonder vingerafdruk weigert de bouw de sleutel van het centrum.' }),
  /** Pilot zones, places that did not join, a planned roll-out: shown on the answers of the places concerned. */
  areaLimits: z.array(areaLimit).default([]).meta({ title: 'Beperkingen van het werkgebied', description: 'Proefzones, plaatsen die niet meedoen, een geplande uitbreiding. Lezers in die gemeenten zien dit.' }),
  /** What happens after a referral, as this centre's source says it; leave out when no source says it. */
  afterReferral: afterReferral.optional().meta({ title: 'Na een aanmelding', description: 'Wat er bij dit centrum na een aanmelding gebeurt, volgens zijn bron. Laat leeg zolang geen bron het zegt.' }),
  /** The protocol for information sharing at this centre, with its status; leave out when no source names one. */
  protocol: protocolStatus.optional().meta({ title: 'Protocol (artikel 458ter)', description: 'Of er een protocol is voor het delen van informatie, en hoe ver het staat. Laat leeg zolang geen bron het noemt.' }),
  /** `volledig` when every field is confirmed by the centre, `gedeeltelijk` when data is still missing. */
  dataStatus: z.enum(['volledig', 'gedeeltelijk'], { error: 'Kies "volledig" of "gedeeltelijk".' }).meta({ title: 'Volledigheid', description: 'volledig als het centrum elk veld bevestigde, gedeeltelijk als er nog gegevens ontbreken.' }),
  /** When and by whom this entry was last checked, e.g. `{ date: 2026-12-02, by: bronnen }`. */
  lastReviewed: lastReviewed.meta({ title: 'Laatst nagekeken', description: 'Wanneer en door wie deze gegevens het laatst nagekeken zijn.' }),
})
  .refine((c) => c.status !== 'opstartend' || c.startDate, {
    message: 'Een opstartend centrum heeft een startDate, bv. 2026-03-01.',
    path: ['startDate'],
  })
  .refine((c) => c.status !== 'beperkt' || c.statusNote, {
    message: 'Leg bij status "beperkt" in statusNote uit wat er niet doorgaat, bv. "Sinds mei 2025 geen nieuwe dossiers."',
    path: ['statusNote'],
  })
  // An empty list is only honest while the centre has not confirmed its offer yet.
  .refine((c) => c.tracks.length > 0 || c.dataStatus === 'gedeeltelijk', {
    message: 'Noem minstens één spoor dat het centrum aanbiedt (meestal spoor 3), of zet dataStatus op "gedeeltelijk" zolang het aanbod niet bevestigd is.',
    path: ['tracks'],
  });

export type Centre = z.infer<typeof centreSchema>;
export type PhoneLine = z.infer<typeof phoneLine>;
export type TrackOffer = z.infer<typeof trackOffer>;
export type Location = z.infer<typeof location>;
export type AreaLimit = z.infer<typeof areaLimit>;
