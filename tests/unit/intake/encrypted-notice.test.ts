import { describe, expect, it } from 'vitest';
import { renderEncryptedNotice } from '../../../src/lib/intake/render/encrypted-notice';

describe('the HTML part of an encrypted centre mail', () => {
  it('says what it is and how to open it, naming only the reference and the attachment', () => {
    expect(renderEncryptedNotice('referral', 'OVL-7K3M-9QXP', 'OVL-7K3M-9QXP.json.pgp')).toBe([
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelding OVL-7K3M-9QXP: versleuteld</title></head><body>',
      '<h1>Aanmelding OVL-7K3M-9QXP: versleuteld</h1>',
      '<p>Deze mail is versleuteld met de sleutel van jullie centrum. De volledige tekst staat versleuteld in deze mail; dezelfde gegevens staan ook in de bijlage OVL-7K3M-9QXP.json.pgp, om in jullie dossiersysteem in te lezen.</p>',
      '<p>Outlook met Gpg4win: GpgOL ontsleutelt de mail als je hem opent. Zie je alleen deze melding, sla dan de bijlage op en open ze met Kleopatra (onderdeel van Gpg4win).</p>',
      '<p>Thunderbird: kies Beeld &gt; Berichtinhoud als &gt; Platte tekst; Thunderbird ontsleutelt de tekst dan met jullie sleutel. Ook de bijlage opent Thunderbird.</p>',
      '<p>Lukt het niet? Vraag hulp aan wie bij jullie de sleutel beheert. De referentie staat in de onderwerpregel.</p>',
      '</body></html>',
      '',
    ].join('\n'));
  });

  it('names the advice request as such', () => {
    expect(renderEncryptedNotice('advice', 'ANT-7K3M-9QXP', 'ANT-7K3M-9QXP.json.pgp')).toContain('<h1>Adviesvraag ANT-7K3M-9QXP: versleuteld</h1>');
  });
});
