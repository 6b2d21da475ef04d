import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { centreSchema } from '../../src/schemas/centre';
import { readEntries } from '../helpers/content';
import { distDir } from '../helpers/dist';
import { builtPage, mainOf, sectionOf, tableRows, textOf } from '../helpers/html';

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

      it('names the centre and when it was last reviewed', () => {
        expect(textOf(/<h1[\s\S]*?<\/h1>/.exec(html)![0])).toBe(data.name);
        expect(text).toMatch(/Laatst nagekeken op \d{1,2} \w+ 20\d\d\./);
      });

      it('shows every track it offers and where, or says the offer is not confirmed', () => {
        const tracks = textOf(sectionOf(html, 'aanbod'));
        if (data.tracks.length === 0) expect(tracks).toContain('nog niet bevestigd');
        for (const t of data.tracks) expect(tracks).toContain(`Spoor ${t.track}:`);
      });

      it('shows every phone line with a tel: link and its hours for all seven days', () => {
        for (const line of data.phoneLines) {
          const card = phoneCard(html, line.number);
          expect(card).toContain(`href="tel:+32${line.number.replace(/\D/g, '').slice(1)}"`);
          expect(Object.keys(hoursByDay(card))).toEqual(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']);
          expect(card).toMatch(/data-open-now="[^"]*hours/);
        }
        if (data.phoneLines.length === 0) expect(textOf(sectionOf(html, 'bellen'))).toContain('Bel 1712');
      });

      it('shows its mailboxes as mailto links, or says they are not known yet', () => {
        const mail = sectionOf(html, 'mailen');
        for (const box of [data.referralMailbox, data.adviceMailbox]) {
          if (box) expect(mail).toContain(`href="mailto:${box}"`);
          else expect(textOf(mail)).toContain('Nog niet bekend');
        }
        expect(mail).toContain('href="/professionals/aanmelden/"');
        expect(mail).toContain('href="/professionals/advies/"');
      });

      it('warns when not all its data is confirmed', () => {
        expect(text.includes('Nog niet alle gegevens van dit centrum zijn bevestigd')).toBe(data.dataStatus === 'gedeeltelijk');
      });
    });
  }
});

describe('seed facts where a reader looks for them', () => {
  it('Antwerpen: the advice line 03 435 98 10 on weekdays 9-16, the CO3 line on Tuesday and Thursday mornings, two mailboxes', () => {
    const html = builtPage('/centra/antwerpen/');
    const advice = hoursByDay(phoneCard(html, '03 435 98 10'));
    for (const day of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag']) expect(advice[day]).toBe('09:00–16:00');
    expect([advice.zaterdag, advice.zondag]).toEqual(['gesloten', 'gesloten']);
    const co3 = hoursByDay(phoneCard(html, '03 435 98 21'));
    expect(co3).toMatchObject({ maandag: 'gesloten', dinsdag: '09:00–12:00', woensdag: 'gesloten', donderdag: '09:00–12:00', vrijdag: 'gesloten' });
    const mail = textOf(sectionOf(html, 'mailen'));
    expect(mail).toContain('Aanmelden CO3@antwerpen.be');
    expect(mail).toContain('Advies fic@antwerpen.be');
  });

  it('Oost-Vlaanderen: track 2 only in the pilot towns, track 3 in the whole province, one functional mailbox, three peer groups', () => {
    const html = builtPage('/centra/oost-vlaanderen/');
    const tracks = sectionOf(html, 'aanbod');
    const track2 = textOf(tracks.slice(tracks.indexOf('id="spoor-2"'), tracks.indexOf('id="spoor-3"')));
    expect(track2).toContain('Alleen in: Aalst, Dendermonde, Gent, Kruisem, Oudenaarde, Wortegem-Petegem.');
    expect(track2).toContain('4 tot 6 maanden');
    expect(textOf(tracks.slice(tracks.indexOf('id="spoor-3"')))).toContain('In het hele werkgebied: de provincie Oost-Vlaanderen.');
    expect(textOf(sectionOf(html, 'mailen'))).toBe('Mailboxen voor professionelen Aanmelden en advies ketenaanpakifg.ovl@vlaanderen.be Of gebruik het formulier: Een gezin aanmelden · Advies vragen');
    const groups = textOf(sectionOf(html, 'lotgenotengroepen'));
    expect(groups).toMatch(/Lotgenotengroep voor mannen Loopt nu .*vzw Zijn en CAW .*Gent/);
    expect(groups).toMatch(/overlevers van kindermishandeling Gepland: startdatum nog niet bekend .*Echo en VECK .*Aalst/);
    expect(groups).toMatch(/Gepland: eerst voorzien in voorjaar 2024, nieuwe datum nog niet bekend/);
    expect(textOf(sectionOf(html, 'locaties'))).toContain('VAC Gent, 11de verdieping (backoffice)');
    expect(textOf(mainOf(html))).toContain('Gestart: 25 november 2023');
  });

  it('Mechelen: base in the Sociaal Huis, a contact point in every police zone, the figures, twelve municipalities', () => {
    const html = builtPage('/centra/mechelen/');
    const text = textOf(mainOf(html));
    expect(textOf(sectionOf(html, 'locaties'))).toContain('Sociaal Huis Mechelen (backoffice)');
    expect(text).toContain('aanspreekpunt in elke politiezone');
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
    expect(afterTitle).toMatch(/^Werkt beperkt In mei 2025 trok het parket Halle-Vilvoorde zich tijdelijk terug/);
  });

  it('the centre list links all nine centres', () => {
    const html = builtPage('/centra/');
    for (const { id, data } of centres) expect(html).toContain(`<a href="/centra/${id}/">${data.name}</a>`);
  });
});

describe('pages for victims and professionals', () => {
  it('home: danger numbers, the helpline, two doors and the place for the municipality lookup', () => {
    const html = builtPage('/');
    expect(html).toMatch(/href="tel:101"/);
    expect(html).toMatch(/href="tel:1712"/);
    expect(html).toMatch(/<a class="door" href="\/hulp\/">Ik zoek hulp/);
    expect(html).toMatch(/<a class="door" href="\/professionals\/">Ik ben professional/);
    expect(html).toMatch(/<section id="gemeente-zoeken"/);
  });

  it('the help page has a neutral tab title', () => {
    expect(builtPage('/hulp/')).toContain('<title>Hulp en advies | Veilig Huis</title>');
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

// Seed 003 lists staff with personal mobile numbers and e-mail addresses: none may reach the site.
describe('no personal contact details of staff', () => {
  const personal = [/0476\s?21\s?07\s?35/, /0490\s?66\s?00\s?(84|69)/, /joachim\.bodere@/i, /anne\.kesteloot@/i, /chantal\.vandekerckhove@/i, /Boderé|Kesteloot|Van de Kerckhove/];
  const htmlFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? (name === 'pagefind' ? [] : htmlFiles(path)) : path.endsWith('.html') ? [path] : [];
    });

  it('appear on no built page', () => {
    const hits = htmlFiles(distDir).flatMap((file) => personal.filter((p) => p.test(readFileSync(file, 'utf8'))).map((p) => `${file}: ${p}`));
    expect(hits).toEqual([]);
  });
});
