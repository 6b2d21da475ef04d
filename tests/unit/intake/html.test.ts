import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { formDefinitions } from '../../../src/lib/intake/forms/definition';
import { validate } from '../../../src/lib/intake/forms/validate';
import { html, safe } from '../../../src/lib/intake/render/html';
import { renderErrorSummary } from '../../../src/lib/intake/render/form-view';
import { validAdvice, validReferral } from '../../fixtures/intake-submissions.mjs';

describe('the html template', () => {
  it('escapes every interpolated value, in text and in attributes, unless marked safe', () => {
    const value = `"><x-evil onload='1'>&`;
    expect(String(html`<a href="#${value}">${value}</a>`)).toBe('<a href="#&quot;&gt;&lt;x-evil onload=&#39;1&#39;&gt;&amp;">&quot;&gt;&lt;x-evil onload=&#39;1&#39;&gt;&amp;</a>');
    expect(String(html`<p>${safe('<b>ok</b>')}${[html`<i>${'<'}</i>`, '<']}${null}${undefined}${false}</p>`)).toBe('<p><b>ok</b><i>&lt;</i>&lt;</p>');
  });

  it('an error summary never carries a field name unescaped', () => {
    const summary = renderErrorSummary([{ field: '"><x-evil>', message: '<x-evil>' }]);
    expect(summary).not.toContain('<x-evil');
  });
});

describe('one declaration per form', () => {
  const samples = { referral: validReferral({ children: [] }), advice: validAdvice() } as const;
  it('every limit the form shows is the limit the schema enforces', () => {
    let checked = 0;
    for (const kind of ['referral', 'advice'] as const) {
      for (const section of formDefinitions[kind].filter((s) => !s.repeat)) {
        for (const field of section.fields.filter((f) => f.max && ['text', 'textarea', 'email', 'tel', 'municipality'].includes(f.type))) {
          const path = field.name.split('.');
          const input = structuredClone(samples[kind]) as Record<string, any>;
          const parent = path.slice(0, -1).reduce((node, key) => (node[key] ??= {}), input);
          parent[path.at(-1)!] = field.type === 'email' ? `${'a'.repeat(field.max! - 9)}@caw.be`.padStart(field.max! + 1, 'a') : 'a'.repeat(field.max! + 1);
          const result = validate(kind, input, directory);
          expect(result.ok ? [] : result.errors.map((e) => e.field), `${kind} ${field.name}`).toContain(field.name);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('every required field of the form is required by the schema', () => {
    let checked = 0;
    for (const kind of ['referral', 'advice'] as const) {
      for (const section of formDefinitions[kind].filter((s) => !s.repeat)) {
        for (const field of section.fields.filter((f) => f.required && f.type !== 'municipality')) {
          const path = field.name.split('.');
          const input = structuredClone(samples[kind]) as Record<string, any>;
          const parent = path.slice(0, -1).reduce((node, key) => node[key], input);
          delete parent[path.at(-1)!];
          const result = validate(kind, input, directory);
          expect(result.ok ? [] : result.errors.map((e) => e.field), `${kind} ${field.name}`).toContain(field.name);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
