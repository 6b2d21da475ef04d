import { describe, expect, it } from 'vitest';
import { checkText, formatFinding, isError, sentences, visibleText } from '../../src/lib/plain-language';

describe('plain-language check', () => {
  it('flags a sentence over 20 words and names it; 20 words pass', () => {
    const twenty = 'Je kan ons bellen als je thuis geweld meemaakt en je wil praten met iemand die luistert en je helpt.';
    const long = 'Je kan ons altijd bellen als je thuis geweld meemaakt of als je bang bent en je wil praten met iemand die luistert en je helpt.';
    expect(checkText(twenty)).toEqual([]);
    const [finding] = checkText(`${twenty}\n${long}`);
    expect(finding.rule).toBe('lange-zin');
    expect(finding.sentence).toBe(long);
    expect(finding.message).toContain('26 woorden');
  });

  it('reads what the reader sees: no frontmatter, imports, components or link targets count', () => {
    const mdx = '---\ntitle: Hulp\n---\nimport Notice from "../x.astro";\n\n<Notice title="Let op">\nBel **112** bij gevaar.\n</Notice>\n\nLees [de zes stappen van de ketenaanpak voor professionelen in Vlaanderen](/zes-stappen/).';
    expect(visibleText(mdx)).not.toMatch(/import|Notice|zes-stappen\/|title:/);
    expect(sentences(visibleText(mdx))).toEqual(['Bel 112 bij gevaar.', 'Lees de zes stappen van de ketenaanpak voor professionelen in Vlaanderen.']);
  });

  it('warns once about jargon nobody explained, and not when the text explains it', () => {
    const unexplained = checkText('Je dossier gaat naar het parket. Het parket beslist.');
    expect(unexplained.map((f) => [f.rule, f.word])).toEqual([['vakwoord', 'parket']]);
    expect(unexplained[0].sentence).toBe('Je dossier gaat naar het parket.');
    expect(checkText('Het parket is de dienst die beslist over een rechtszaak. Je dossier gaat naar het parket.')).toEqual([]);
    expect(checkText('Casusregie (één persoon houdt alles samen) helpt het gezin.')).toEqual([]);
    expect(checkText('Geweld thuis heet ook intrafamiliaal geweld. Intrafamiliaal geweld komt vaak voor.')).toEqual([]);
  });

  it('warns about a passive sentence where the reader must act, not about a plain passive fact', () => {
    const [finding] = checkText('Het formulier moet worden ingevuld voor vrijdag.');
    expect(finding.rule).toBe('lijdende-vorm');
    expect(checkText('Vul het formulier in voor vrijdag.')).toEqual([]);
    expect(checkText('Het centrum werd in 2023 geopend.')).toEqual([]);
  });

  it('a long sentence is an error on a Makkelijk Nederlands page and a warning elsewhere, both in Dutch with the file', () => {
    const [finding] = checkText('Je kan ons altijd bellen als je thuis geweld meemaakt of als je bang bent en je wil praten met iemand die luistert en je helpt.');
    const easy = { file: 'src/content/translations/nl-makkelijk/hulp.mdx', findings: [finding], strict: true };
    const normal = { file: 'src/content/pages/hulp.mdx', findings: [finding], strict: false };
    expect(isError(easy, finding)).toBe(true);
    expect(isError(normal, finding)).toBe(false);
    expect(formatFinding(easy, finding)).toMatch(/^FOUT src\/content\/translations\/nl-makkelijk\/hulp\.mdx: Deze zin telt 26 woorden/);
    expect(formatFinding(normal, finding)).toMatch(/^waarschuwing src\/content\/pages\/hulp\.mdx:/);
  });
});
