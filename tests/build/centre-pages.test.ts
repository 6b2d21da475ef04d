import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nl from '../../src/i18n/nl.json' with { type: 'json' };
import { centreSchema } from '../../src/schemas/centre';
import { canReceive, professionalMail } from '../../src/lib/reach';
import { readEntries } from '../helpers/content';
import { distDir } from '../helpers/dist';
import { builtPage, mainOf, sectionOf, tableRows, textOf } from '../helpers/html';
import { personalData, personalIn } from '../helpers/personal-data';
import { sharedDir } from '../../scripts/lib/ledger.mjs';

const centres = readEntries('centres', ['.mdx']).map((e) => ({ id: e.id, data: centreSchema.parse(e.data) }));

/** The phone-line card in a centre page that shows this number. */
function phoneCard(html: string, number: string): string {
  const card = sectionOf(html, 'bellen').split('<section').find((part) => part.includes(`>${number}<`));
  if (!card) throw new Error(`no phone line ${number}`);
  return card;
}

/** Weekday -> hours text from a phone card's table. */
function hoursByDay(card: string): Record<string, string> {
  return Object.fromEntries(tableRows(card).slice(1).map(([day, hours]) => [day, hours]));
}

describe('each centre page', () => {
  for (const { id, data } of centres) {
    describe(id, () => {
      const html = builtPage(`/centra/${id}/`);
      const text = textOf(mainOf(html));

      it('names the centre and says what its page rests on: "Laatst nagekeken" only when the centre confirmed it', () => {
        expect(textOf(/<h1[\s\S]*?<\/h1>/.exec(html)![0])).toBe(data.name);
        if (data.lastReviewed.by === 'centrum') expect(text).toMatch(/Laatst nagekeken op \d{1,2} \w+ 20\d\d\./);
        else {
          expect(text).not.toContain('Laatst nagekeken');
          expect(text).toMatch(/komt uit openbare bronnen en documenten\. Nagekeken tegen die bronnen op \d{1,2} \w+ 20\d\d\. Het centrum heeft het nog niet bevestigd\./);
        }
      });

      it('shows every track it offers and where, or says the offer is not confirmed', () => {
        const tracks = textOf(sectionOf(html, 'aanbod'));
        if (data.tracks.length === 0) expect(tracks).toContain('nog niet bevestigd');
        for (const t of data.tracks) expect(tracks).toContain(`Spoor ${t.track}:`);
      });

      it('shows every phone line with a tel: link, exact hours as a week table with live status, words as words without', () => {
        for (const line of data.phoneLines) {
          const card = phoneCard(html, line.number);
          expect(card).toContain(`href="tel:+32${line.number.replace(/\D/g, '').slice(1)}"`);
          if (line.hours.length > 0) {
            expect(Object.keys(hoursByDay(card))).toEqual(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']);
            expect(card).toMatch(/data-open-now="[^"]*hours/);
          } else {
            expect(card).not.toContain('data-open-now');
            expect(card).not.toContain('<table');
            expect(textOf(card)).toContain(line.hoursText!);
          }
          if (line.audience === 'professionelen') expect(textOf(card)).toContain(nl['content.phoneForProfessionals']);
        }
        if (data.phoneLines.length === 0) expect(textOf(sectionOf(html, 'bellen'))).toContain(nl['helpline.1712.hours']);
      });

      it('shows the mailboxes a professional can use as mailto links, and offers only the forms it can receive (src/lib/reach.ts)', () => {
        const centre = { id, ...data };
        const mail = sectionOf(html, 'mailen');
        const boxes = professionalMail(centre);
        for (const box of boxes) expect(mail).toContain(`href="mailto:${box.address}"`);
        if (boxes.length === 0) expect(textOf(mail)).toContain(nl['centre.mailNone']);
        const pro = sectionOf(html, 'professionelen');
        expect(pro.includes('href="/professionals/aanmelden/"')).toBe(canReceive(centre, 'referral'));
        expect(pro.includes('href="/professionals/advies/"')).toBe(canReceive(centre, 'advice'));
      });

      it('warns when not all its data is confirmed', () => {
        expect(text.includes('Nog niet alle gegevens van dit centrum zijn bevestigd')).toBe(data.dataStatus === 'gedeeltelijk');
      });
    });
  }
});

describe('seed facts where a reader looks for them', () => {
  it('Antwerpen: the advice line on weekdays 9-16 with live status, the CO3 line only as the leaflet says it, two mailboxes, no consult track', () => {
    const html = builtPage('/centra/antwerpen/');
    const advice = hoursByDay(phoneCard(html, '03 435 98 10'));
    for (const day of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag']) expect(advice[day]).toBe('09:00–16:00');
    expect([advice.zaterdag, advice.zondag]).toEqual(['gesloten', 'gesloten']);
    const co3 = phoneCard(html, '03 435 98 21');
    expect(textOf(co3)).toContain('Bereikbaar: dinsdag- en donderdagvoormiddag. De precieze uren zijn niet bekend.');
    expect(co3).not.toContain('data-open-now');
    expect(co3).not.toMatch(/\d\d:\d\d/);
    const mail = textOf(sectionOf(html, 'mailen'));
    expect(mail).toContain('Aanmelden CO3@antwerpen.be');
    expect(mail).toContain('Advies fic@antwerpen.be');
    // The CO3 leaflet does not describe the four tracks; only the chain approach (track 3) is shown.
    expect(textOf(sectionOf(html, 'aanbod'))).not.toContain('Spoor 1:');
  });

  it('Oost-Vlaanderen: track 2 only in the pilot towns, track 3 in the whole province, one functional mailbox, three peer groups', () => {
    const html = builtPage('/centra/oost-vlaanderen/');
    const tracks = sectionOf(html, 'aanbod');
    const track2 = textOf(tracks.slice(tracks.indexOf('id="spoor-2"'), tracks.indexOf('id="spoor-3"')));
    expect(track2).toContain('Alleen in: Aalst, Dendermonde, Gent, Kruisem, Oudenaarde, Wortegem-Petegem.');
    // Peer groups first in the four pilot cities, not the whole province.
    const track0 = textOf(tracks.slice(tracks.indexOf('id="spoor-0"'), tracks.indexOf('id="spoor-1"')));
    expect(track0).toContain('Alleen in: Aalst, Dendermonde, Gent, Kruisem, Oudenaarde, Wortegem-Petegem.');
    expect(track2).toContain('4 tot 6 maanden');
    expect(textOf(tracks.slice(tracks.indexOf('id="spoor-3"')))).toContain('In het hele werkgebied: de provincie Oost-Vlaanderen.');
    expect(textOf(sectionOf(html, 'mailen'))).toBe('Mailboxen voor professionelen Aanmelden en advies ketenaanpakifg.ovl@vlaanderen.be');
    const groups = textOf(sectionOf(html, 'lotgenotengroepen'));
    expect(groups).toMatch(/Lotgenotengroep voor mannen Actief volgens de presentatie van najaar 2023\. Of de groep nu nog loopt, heeft het centrum niet bevestigd\..*vzw Zijn en CAW .*Gent/);
    // Joining goes through a professional mailbox: the reader is told someone else may read their mail.
    expect(groups.split('ketenaanpakifg.ovl@vlaanderen.be').length - 1).toBe(3);
    expect(groups.split('wie in je mailbox kan, kan ook lezen wat je stuurt').length - 1).toBe(3);
    expect(groups).toMatch(/overlevers van kindermishandeling Gepland: startdatum nog niet bekend .*Echo en VECK .*Aalst/);
    expect(groups).toMatch(/Gepland: eerst voorzien in voorjaar 2024, nieuwe datum nog niet bekend/);
    expect(textOf(sectionOf(html, 'locaties'))).toContain('VAC Gent, 11de verdieping (hoofdlocatie)');
    // The official opening is not presented as the operational start.
    expect(textOf(mainOf(html))).toContain('Officiële opening: 25 november 2023');
    expect(textOf(mainOf(html))).toContain('Toen stond er nog geen datum vast voor de start van het echte werk.');
  });

  it('Mechelen: base in the Sociaal Huis, the contact points and the protocol as plans, the figures with their date, twelve municipalities', () => {
    const html = builtPage('/centra/mechelen/');
    const text = textOf(mainOf(html));
    expect(textOf(sectionOf(html, 'locaties'))).toContain('Sociaal Huis Mechelen (hoofdlocatie)');
    expect(text).toContain('Het centrum wilde een aanspreekpunt openen in elke politiezone van de regio.');
    expect(text).toContain('Of die aanspreekpunten er nu zijn, is niet bevestigd.');
    expect(text).toContain('Het was klaar om ondertekend te worden.');
    expect(text).not.toMatch(/heeft een aanspreekpunt in (elke|iedere) politiezone/);
    for (const figure of ['112 dossiers', '125 dossiers', '350 extra dossiers', '550.000 euro']) expect(text).toContain(figure);
    expect(textOf(sectionOf(html, 'gemeenten'))).toContain('Dit centrum werkt voor 12 gemeenten');
  });

  it('Kempen: the Turnhout chain approach with CAW De Kempen, and no past course shown as an upcoming date', () => {
    const html = builtPage('/centra/kempen/');
    expect(textOf(mainOf(html))).toContain('Stationstraat in Turnhout');
    expect(textOf(sectionOf(html, 'partners'))).toContain('CAW De Kempen');
    const dates = textOf(sectionOf(html, 'data'));
    expect(dates).toContain('Er zijn nu geen komende activiteiten');
    expect(dates).not.toContain('Je weren kan je leren');
  });

  it('Halle-Vilvoorde: the 2025 partial suspension is the first thing under the name', () => {
    const main = mainOf(builtPage('/centra/halle-vilvoorde/'));
    const afterTitle = textOf(main.slice(main.indexOf('</h1>'), main.indexOf('id="aanbod"')));
    expect(afterTitle).toMatch(/^Werkt beperkt In mei 2025 stopte justitie \(het parket\) in Halle-Vilvoorde tijdelijk met de samenwerking\./);
  });

  it('the centre list links all nine centres', () => {
    const html = builtPage('/centra/');
    for (const { id, data } of centres) expect(html).toContain(`<a href="/centra/${id}/">${data.name}</a>`);
  });
});

describe('pages for victims and professionals', () => {
  it('home: 101 and 112 each with its use, the helpline with hours and what a call is like, the emergency page, two doors, the lookup', () => {
    const html = builtPage('/');
    const main = textOf(mainOf(html));
    expect(main).toContain(`101 ${nl['helpline.101.short']}`);
    expect(main).toContain(`112 ${nl['helpline.112.short']}`);
    expect(main).toContain(nl['helpline.1712.hours']);
    expect(mainOf(html)).toContain('href="/noodnummers/"');
    expect(html).toMatch(/<a class="door" href="\/hulp\/">Ik zoek hulp/);
    expect(html).toMatch(/<a class="door" href="\/professionals\/">Ik ben professional/);
    expect(html).toMatch(/<section id="gemeente-zoeken"/);
  });

  it('the help page has a neutral tab title', () => {
    expect(builtPage('/hulp/')).toContain('<title>Waar je terechtkunt | Veilig Huis</title>');
  });

  it('veilig-online explains at #snel-weg what the quick exit does and that history is not erased', () => {
    const section = textOf(sectionOf(builtPage('/veilig-online/'), 'snel-weg'));
    expect(section).toContain('Shift');
    expect(section).toContain('Terug');
    expect(section).toContain('wist je geschiedenis niet');
  });

  it('professionals: the six steps, the four tracks, the Antwerp advice line and both forms', () => {
    const html = builtPage('/professionals/');
    expect(tableRows(sectionOf(html, 'consultlijn')).length).toBeGreaterThan(0);
    expect(textOf(sectionOf(html, 'consultlijn'))).toContain('03 435 98 10');
    expect(sectionOf(html, 'zes-stappen').match(/<li>/g)).toHaveLength(6);
    expect(sectionOf(html, 'sporen').match(/<li>/g)).toHaveLength(4);
    expect(html).toContain('href="/professionals/aanmelden/"');
    expect(html).toContain('href="/professionals/advies/"');
  });
});

// Seed 003 lists staff with personal mobile numbers and e-mail addresses. They are read from
// the source documents when the test runs: this file holds none of them.
// Without the source documents beside the repository (../shared or IFG_SHARED_DIR) there is nothing to derive.
describe.runIf(sharedDir())('no personal contact details of staff', () => {
  const personal = sharedDir() ? personalData() : { mobiles: [], names: [], emails: [] };
  const files = (dir: string, keep: (path: string) => boolean): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? (name === 'pagefind' || name === 'node_modules' ? [] : files(path, keep)) : keep(path) ? [path] : [];
    });

  it('are found in the source documents (so the checks below check something)', () => {
    expect(personal.mobiles.length).toBeGreaterThan(0);
    expect(personal.emails.length).toBeGreaterThan(0);
    expect(personal.names.length).toBeGreaterThan(0);
  });

  it('appear on no built page', () => {
    const hits = files(distDir, (p) => p.endsWith('.html')).flatMap((file) => personalIn(readFileSync(file, 'utf8'), personal).map((what) => `${file}: ${what}`));
    expect(hits).toEqual([]);
  });

  it('appear in no file of the repository\'s src/, tests/, facts/ or docs/', () => {
    const hits = ['src', 'tests', 'facts', 'docs'].flatMap((dir) => files(resolve(dir), () => true))
      .flatMap((file) => personalIn(readFileSync(file, 'utf8'), personal).map((what) => `${file}: ${what}`));
    expect(hits).toEqual([]);
  });
});
