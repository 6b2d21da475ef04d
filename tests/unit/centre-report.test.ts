import { describe, expect, it } from 'vitest';
import { centreReport } from '../../src/lib/centre-report';
import { fixtureCentres as c } from '../fixtures/reach-directory';

const extra = { area: 'een regio', dataStatus: 'gedeeltelijk' as const };
const centres = [
  { ...c.open, ...extra, tracks: [{ track: 2, status: 'aangeboden' as const, municipalities: ['openstad'] }, { track: 1, status: 'gepland' as const, municipalities: null }] },
  { ...c.silent, ...extra, dataStatus: 'volledig' as const, tracks: [] },
  { ...c.limited, ...extra, tracks: [] },
];
const municipalities = [{ id: 'openstad', name: 'Openstad', centre: 'open' }, { id: 'stilgem', name: 'Stilgem', centre: 'stil' }, { id: 'stildorp', name: 'Stildorp', centre: 'stil' }];
const entries = [
  { file: 'src/content/centres/stil.mdx', centres: ['stil'], date: '2026-06-01', by: 'centrum' as const },
  { file: 'src/content/groups/stil-groep.md', centres: ['stil'], date: '2025-01-10', by: 'bronnen' as const },
];

describe('the per-centre report (npm run report, printed by the build)', () => {
  const report = centreReport(centres, entries, municipalities);
  const block = (name: string) => report.split('\n').slice(report.split('\n').indexOf(name) + 1).join('\n').split(/\n(?=\S)/)[0];

  it('lists per centre its live channels and what each missing one switches off', () => {
    expect(block('Open')).toContain('kanalen aan: aanmeldformulier (naar aanmelden@open.example); adviesformulier (naar advies@open.example)');
    expect(block('Stil')).toContain('kanalen aan: geen');
    expect(block('Stil')).toContain('geen mailbox voor aanmeldingen: het aanmeldformulier weigert de 2 gemeenten van dit centrum');
    expect(block('Beperkt')).toContain('het aanmeldformulier weigert de 0 gemeenten van dit centrum (geen nieuwe gezinnen)');
  });

  it('lists unconfirmed data, the oldest review date and the pilot limits', () => {
    expect(block('Stil')).toContain('onbevestigd: 1 van 2 bestanden alleen tegen de bronnen nagekeken');
    expect(block('Stil')).toContain('oudste nazicht: 2025-01-10 (src/content/groups/stil-groep.md)');
    expect(block('Open')).toContain('pilootgrenzen: spoor 1 pas gepland; spoor 2 alleen in 1 gemeenten (Openstad)');
    expect(block('Beperkt')).toContain('status beperkt: Neemt geen nieuwe gezinnen aan.');
  });
});
