import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import advice from '../../netlify/functions/advice';
import referral from '../../netlify/functions/referral';
import { adviceFormPairs, referralFormPairs } from '../fixtures/intake-submissions.mjs';
import { newId, post, postForm, startHarness, validAdvice, validReferral } from './support/harness';
import { netlifyContext } from './support/netlify-context';

// The functions as Netlify runs them, over a fixture directory of centres (one per situation),
// so these tests state the rule and keep holding when an editor adds a mailbox.
vi.mock('../../src/lib/intake/directory', async (original) => ({
  ...(await original<typeof import('../../src/lib/intake/directory')>()),
  directory: (await import('../fixtures/reach-directory')).fixtureDirectory,
}));

let h: Awaited<ReturnType<typeof startHarness>>;
const production = netlifyContext('production');
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.stop(); });

const referralTo = (municipality: string) => ({ ...validReferral(), municipality, offer: 'casusoverleg', submissionId: newId() });
const adviceTo = (municipality: string) => ({ ...validAdvice(), municipality, submissionId: newId() });
/** The no-JS pairs with these names replaced (the decoder keeps the first of a repeated name). */
const replaced = (pairs: string[][], extra: [string, string][]) => [...pairs.filter(([n]) => !extra.some(([e]) => e === n)), ...extra] as [string, string][];
const errorsOf = async (res: Response) => ((await res.json()) as { errors: { field: string; message: string }[] }).errors;

describe('the intake never offers a channel the data lacks (fixture centres)', () => {
  it('a centre with no channel: 422 that says so, with what is known and the sourced alternative, never "bel of mail"', async () => {
    for (const [handler, body, what] of [[referral, referralTo('Stilgem'), 'aanmeldingen'], [advice, adviceTo('Stilgem'), 'adviesvragen']] as const) {
      const res = await handler(post(`/api/${handler === referral ? 'referral' : 'advice'}`, body), production);
      expect(res.status).toBe(422);
      const [error] = await errorsOf(res);
      expect(error.field).toBe('municipality');
      expect(error.message).toContain(`Veilig Huis Stil ontvangt nog geen ${what} via deze website.`);
      expect(error.message).toContain('nog geen telefoonlijn of mailbox voor professionelen');
      expect(error.message).toContain('eind 2023');
      expect(error.message).toContain('(bron: Fixturebron)');
      expect(error.message).not.toMatch(/Bel of mail|\bBel\b|1712/);
      if (what === 'adviesvragen') expect(error.message).not.toContain('aanmeldingen');
    }
    expect(h.fake.requests).toBe(0);
  });

  it('a centre with only a victims\' line does not hand that line to a professional', async () => {
    const [error] = await errorsOf(await referral(post('/api/referral', referralTo('Gezinnendorp')), production));
    expect(error.message).not.toContain('01 234 56 70');
    expect(error.message).toContain('nog geen telefoonlijn of mailbox voor professionelen');
  });

  it('a centre that takes no new families refuses referrals even with a mailbox, and names the advice form; advice goes', async () => {
    const [error] = await errorsOf(await referral(post('/api/referral', referralTo('Beperktdorp')), production));
    expect(error.message).toContain('werkt beperkt (zie de pagina van het centrum) en ontvangt daarom geen aanmeldingen');
    expect(error.message).toContain('/professionals/advies/');
    const sent = await advice(post('/api/advice', adviceTo('Beperktdorp')), production);
    expect(sent.status).toBe(201);
    expect(h.fake.mails.at(-1)!.to[0]).toBe('info@beperkt.example');
  });

  it('the no-JS 422 page lists only centres that can receive the form, and offers no line or mailbox the centre lacks', async () => {
    const page = await (await referral(postForm('/api/referral', replaced(referralFormPairs(), [['municipality', 'Stilgem'], ['submissionId', newId()], ['step', 'send']])), production)).text();
    const options = [...page.matchAll(/<option value="([a-z-]+)"/g)].map((m) => m[1]).filter((v) => ['open', 'advies-alleen', 'beperkt', 'stil', 'gezinnen'].includes(v));
    expect(options).toEqual(['open']);
    expect(page).toContain('Veilig Huis Stil ontvangt nog geen aanmeldingen via deze website.');
    expect(page).not.toMatch(/href="(tel|mailto):/);
    const advicePage = await (await advice(postForm('/api/advice', replaced(adviceFormPairs(), [['municipality', 'Stilgem'], ['submissionId', newId()], ['step', 'send']])), production)).text();
    const adviceOptions = [...advicePage.matchAll(/<option value="([a-z-]+)"/g)].map((m) => m[1]).filter((v) => ['open', 'advies-alleen', 'beperkt', 'stil', 'gezinnen'].includes(v));
    expect(adviceOptions.sort()).toEqual(['advies-alleen', 'beperkt', 'open']);
  });

  it('503: the professionals\' line when the centre has one, else no line at all (never 1712, never a victims\' line)', async () => {
    h.fake.mode = '422';
    const open = await advice(post('/api/advice', adviceTo('Openstad')), production);
    expect(await open.json()).toEqual({ error: 'rejected', phone: '01 234 56 78', line: 'centre' });
    const none = await advice(post('/api/advice', adviceTo('Adviesdorp')), production);
    expect(await none.json()).toEqual({ error: 'rejected', phone: '', line: 'none' });
    const page = await (await advice(postForm('/api/advice', replaced(adviceFormPairs(), [['municipality', 'Adviesdorp'], ['submissionId', newId()], ['step', 'send']])), production)).text();
    expect(page).toContain('Dit centrum heeft nog geen telefoonlijn voor professionelen op deze website');
    expect(page).not.toContain('1712');
    h.fake.reset('ok');
  });
});
