import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { renderAdviceMail, renderReceipt, renderReferralMail } from '../../../src/lib/intake/render/mail';
import { fixtureCentres } from '../../fixtures/reach-directory';

const antwerpen = directory.centres.find((c) => c.id === 'antwerpen')!;
const ctx = { centre: antwerpen, reference: 'ANT-7K3M-9QXP', municipalityName: 'Antwerpen', overridden: false };
const advice = {
  name: 'An <b>Peeters</b>', organisation: 'CAW & co', sector: 'caw', email: 'an@caw.be', municipality: 'Borgerhout',
  contact: 'telefoon', phone: '03 123 45 67', question: 'Regel 1\r\nReferentie: NEP\n<script>alert(1)</script>',
};
const row = (label: string, value: string) => `<tr><th align="left" valign="top">${label}</th><td>${value}</td></tr>`;

describe('the centre mail', () => {
  it('renders the exact text part: option labels, no empty fields, typed lines indented so they cannot pose as headers', () => {
    const mail = renderAdviceMail(advice, ctx);
    expect(mail.subject).toBe('Adviesvraag (ANT) ANT-7K3M-9QXP');
    expect(mail.text).toBe([
      'Adviesvraag voor Veilig Huis Antwerpen', '',
      'Let op: wie dit formulier invulde, is niet gecontroleerd. Bel bij twijfel terug via het officiële nummer van de organisatie, niet via een nummer uit dit formulier.', '',
      'Referentie: ANT-7K3M-9QXP', 'Gemeente (herkend): Antwerpen', '',
      '== Verwijzer ==', 'Naam verwijzer: An <b>Peeters</b>', 'Organisatie: CAW & co', 'Sector: CAW',
      'E-mail (werk): an@caw[.]be', 'Telefoon (werk): 03 123 45 67', '',
      '== Gemeente of centrum ==', 'Gemeente of postcode van het gezin: Borgerhout', '',
      '== De vraag ==', 'Wil antwoord via: Telefoon', 'Vraag:',
      '  Regel 1', '  Referentie: NEP', '  <script>alert(1)</script>', '',
    ].join('\n'));
  });

  it('renders the exact HTML part with every value escaped and nothing remote', () => {
    const mail = renderAdviceMail(advice, ctx);
    expect(mail.html).toBe([
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Adviesvraag voor Veilig Huis Antwerpen</title></head><body>',
      '<h1>Adviesvraag voor Veilig Huis Antwerpen</h1>',
      '<p><strong>Let op: wie dit formulier invulde, is niet gecontroleerd. Bel bij twijfel terug via het officiële nummer van de organisatie, niet via een nummer uit dit formulier.</strong></p>',
      '<table>', row('Referentie', 'ANT-7K3M-9QXP'), row('Gemeente (herkend)', 'Antwerpen'), '</table>',
      '<h2>Verwijzer</h2>', '<table>', row('Naam verwijzer', 'An &lt;b&gt;Peeters&lt;/b&gt;'), row('Organisatie', 'CAW &amp; co'), row('Sector', 'CAW'),
      row('E-mail (werk)', 'an@caw[.]be'), row('Telefoon (werk)', '03 123 45 67'), '</table>',
      '<h2>Gemeente of centrum</h2>', '<table>', row('Gemeente of postcode van het gezin', 'Borgerhout'), '</table>',
      '<h2>De vraag</h2>', '<table>', row('Wil antwoord via', 'Telefoon'),
      row('Vraag', 'Regel 1<br>Referentie: NEP<br>&lt;script&gt;alert(1)&lt;/script&gt;'), '</table>',
      '</body></html>', '',
    ].join('\n'));
    expect(mail.html).not.toMatch(/src=|href=|url\(/i);
  });

  it('a referral lists each adult and child under its own heading and says when the centre was chosen on purpose', () => {
    const mail = renderReferralMail({
      referrer: { name: 'An', organisation: 'PZ', sector: 'politie', phone: '09 1', email: 'a@pz.be' },
      municipality: 'Gent', offer: 'weet-niet', adults: [{ role: 'slachtoffer' }, { role: 'pleger', interpreter: 'ja' }],
      children: [{ birthYear: '2016' }], violence: ['partner', 'eer'], question: 'Vraag', familyInformed: 'nee', familyInformedReason: 'Gevaar', legalBasis: 'ja',
    }, { ...ctx, overridden: true });
    expect(mail.subject).toBe('Aanmelding (ANT) ANT-7K3M-9QXP');
    expect(mail.text).toContain('Centrum: De verwijzer koos bewust Veilig Huis Antwerpen');
    expect(mail.text).toContain('== Volwassene 2 ==\nRol: Vermoedelijke pleger\nTolk: Ja');
    expect(mail.text).toContain('== Kind 1 ==\nGeboortejaar: 2016');
    expect(mail.text).toContain('Welk geweld is er?: Partnergeweld, Eergerelateerd geweld');
  });

  it('never lets typed markup or control characters through, whatever is typed', () => {
    const hostile = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\r', '\n', '\u0000', '\u202e', 'a', '/', 's', 'c', 'r', 'i', 'p', 't', '=') , maxLength: 60 });
    fc.assert(fc.property(hostile, hostile, (name, question) => {
      const { html, text, subject } = renderAdviceMail({ ...advice, name, question }, ctx);
      const body = html.replace(/<\/?(!doctype html|html lang="nl"|html|head|meta charset="utf-8"|title|body|h1|h2|p|strong|table|tr|th align="left" valign="top"|th|td|br)>/g, '');
      expect(body).not.toMatch(/[<>]/);
      expect(text).not.toMatch(/[\u0000\r\u202e]/);
      expect(subject).toBe('Adviesvraag (ANT) ANT-7K3M-9QXP');
    }), { numRuns: 500 });
  });
});

describe('the receipt for the referrer', () => {
  it('has the reference, the centre and the next step, and no text the referrer typed', () => {
    const receipt = renderReceipt('referral', antwerpen, 'ANT-7K3M-9QXP');
    expect(receipt.subject).toBe('Ontvangstbevestiging Aanmelding ANT-7K3M-9QXP');
    expect(receipt.text).toBe([
      'We hebben je aanmelding ontvangen', '', 'Referentie: ANT-7K3M-9QXP', 'Centrum: Veilig Huis Antwerpen', '',
      '== Wat gebeurt er nu? ==', 'Volgende stap:',
      '  Wat er na een aanmelding gebeurt, verschilt per centrum. Op de pagina van het centrum staat wat we daarover weten. Vermeld de referentie als je het centrum contacteert.',
      'Contact:',
      '  Antwoord op deze mail: je antwoord gaat naar CO3@antwerpen.be. Bel Advieslijn: 03 435 98 10 (ma, di, wo, do, vr 09:00–16:00). Bel CO3-lijn: 03 435 98 21 (dinsdag- en donderdagvoormiddag).',
      'Let op:', '  Deze bevestiging bevat bewust geen antwoorden uit het formulier. Bewaar je eigen kopie in je dossier.', '',
    ].join('\n'));
  });

  it('names only the channels the centre has: its mailbox, and no line where it has none for professionals', () => {
    const receipt = renderReceipt('advice', fixtureCentres.open, 'OPN-7K3M-9QXP');
    expect(receipt.text).toContain('Antwoord op deze mail: je antwoord gaat naar advies@open.example. Bel Consultlijn: 01 234 56 78');
    expect(receipt.text).not.toContain('01 234 56 79');
    const bare = renderReceipt('advice', fixtureCentres.adviceOnly, 'ADV-7K3M-9QXP');
    expect(bare.text).toContain('Antwoord op deze mail: je antwoord gaat naar advies@advies.example.\n');
    expect(bare.text).not.toMatch(/\bBel\b|1712/);
  });
});
