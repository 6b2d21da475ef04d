// Synthetic content for the build-scale bench: `n` entries spread over the four
// editable collections, valid against src/schemas/*, written into a copy of the project.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Share of each collection in `n` entries (a centre brings a page, events and groups fill agenda and centre pages). */
export const MIX = { centres: 0.05, events: 0.35, groups: 0.3, pages: 0.3 };

/** How many entries of each kind `n` gives; at least one centre, the rest sums to n. */
export function split(n) {
  const centres = Math.max(1, Math.round(n * MIX.centres));
  const events = Math.round(n * MIX.events);
  const groups = Math.round(n * MIX.groups);
  return { centres, events, groups, pages: Math.max(0, n - centres - events - groups) };
}

const pad = (i) => String(i).padStart(5, '0');
const AUDIENCES = ['slachtoffers', 'professionelen', 'iedereen'];
const PARAGRAPH =
  'Geweld in het gezin raakt iedereen in huis. Je hoeft er niet alleen mee te blijven. ' +
  'Een hulpverlener luistert, denkt mee en zoekt samen met jou wat nu veilig is. ';

/** YYYY-MM-DD, `days` after `from`. */
const dayAfter = (from, days) => new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function centre(i) {
  const code = String.fromCharCode(65 + (i % 26), 65 + (Math.floor(i / 26) % 26), 65 + (Math.floor(i / 676) % 26));
  return `---
name: Veilig Huis Synthetisch ${i}
shortName: Synthetisch ${i}
code: ${code}
area: het proefgebied ${i}
status: operationeel
opened: januari 2024
referralMailbox: aanmelding-${i}@veilighuis.example
adviceMailbox: advies-${i}@veilighuis.example
phoneLines:
  - id: advieslijn
    name: Advieslijn
    number: "09 ${String(100 + (i % 900)).padStart(3, '0')} 12 34"
    audience: professionelen
    purpose: Twijfel je of je een gezin aanmeldt? Bel ons.
    hours:
      - days: [ma, di, wo, do, vr]
        opens: "09:00"
        closes: "16:00"
locations:
  - kind: frontoffice
    name: Sociaal Huis ${i}
    address: { street: Stationstraat ${1 + (i % 200)}, postcode: "${String(1000 + (i % 8999))}", city: Proefstad }
tracks:
  - track: 0
    status: aangeboden
  - track: 3
    status: aangeboden
partners: [Politie, CAW, CGG]
dataStatus: volledig
lastReviewed: { date: 2026-11-20, by: bronnen }
---

${PARAGRAPH.repeat(3)}

${PARAGRAPH.repeat(2)}
`;
}

function event(i, centreId, today) {
  return `---
title: Vorming ketenaanpak ${i}
kind: ${['cursus', 'vorming', 'infosessie'][i % 3]}
centres: [${centreId}]
audience: ${AUDIENCES[i % 3]}
summary: Een vorming over de ketenaanpak intrafamiliaal geweld, deel ${i}.
place: Proefstad ${i % 50}
registration: Inschrijven via het centrum.
sessions:
  - date: ${dayAfter(today, 30 + (i % 300))}
    start: "09:30"
    end: "12:30"
  - date: ${dayAfter(today, 37 + (i % 300))}
    start: "13:30"
    end: "16:30"
lastReviewed: { date: 2026-11-20, by: bronnen }
---

${PARAGRAPH}
`;
}

function group(i, centreId) {
  return `---
title: Lotgenotengroep ${i}
centre: ${centreId}
forWhom: Mensen die geweld meemaakten in hun gezin, groep ${i}.
audience: slachtoffers
organiser: CAW Proefstad
place: Proefstad ${i % 50}
rhythm: Maandelijks, op dinsdagavond
status: ${i % 5 === 0 ? 'volzet' : 'actief'}
howToJoin: Bel de centrale lijn of vraag het aan je hulpverlener.
lastReviewed: { date: 2026-11-20, by: bronnen }
---

${PARAGRAPH}
`;
}

function page(i) {
  return `---
title: Informatie over hulp ${i}
description: Wat je kunt doen als er geweld is in je gezin, deel ${i}.
audience: ${AUDIENCES[i % 3]}
order: ${200 + (i % 100)}
lastReviewed: { date: 2026-11-20, by: bronnen }
---

## Wat is er aan de hand?

${PARAGRAPH.repeat(4)}

## Wat kun je doen?

${PARAGRAPH.repeat(3)}
`;
}

/**
 * Writes `n` synthetic entries into `root`/src/content next to the real ones
 * and returns the counts. Events are dated from `today` on so they stay on the agenda.
 */
export function generateContent(root, n, today = new Date()) {
  const counts = split(n);
  const dir = (c) => {
    const d = join(root, 'src/content', c);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const ids = Array.from({ length: counts.centres }, (_, i) => `synthetisch-${pad(i)}`);
  ids.forEach((id, i) => writeFileSync(join(dir('centres'), `${id}.mdx`), centre(i)));
  for (let i = 0; i < counts.events; i++) writeFileSync(join(dir('events'), `synthetisch-${pad(i)}.md`), event(i, ids[i % ids.length], today));
  for (let i = 0; i < counts.groups; i++) writeFileSync(join(dir('groups'), `synthetisch-${pad(i)}.md`), group(i, ids[i % ids.length]));
  for (let i = 0; i < counts.pages; i++) writeFileSync(join(dir('pages'), `synthetisch-${pad(i)}.mdx`), page(i));
  return counts;
}
