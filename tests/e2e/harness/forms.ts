import type { Page } from 'playwright-core';

/**
 * One sample of each intake form as a professional fills it in, for every browser journey
 * (built site and `npm start`): the typed values by field, and what is chosen besides.
 * Made-up people and example domains only.
 */
export const referralValues: Record<string, string> = {
  '#f-referrer-name': 'Sam Verwijzer',
  '#f-referrer-organisation': 'PZ Aalst',
  '#f-referrer-phone': '053 72 37 00',
  '#f-referrer-email': 'sam.verwijzer@politie.example',
  '#f-municipality': 'Aalst',
  '#f-question': 'Kan het centrum een verkennend casusoverleg plannen?',
};

export const adviceValues: Record<string, string> = {
  '#f-name': 'Robin Advies',
  '#f-organisation': 'CLB Gent',
  '#f-email': 'robin@clb.example',
  '#f-municipality': 'Gent',
  '#f-question': 'Moet ik deze situatie aanmelden?',
};

export async function fillReferral(page: Page): Promise<void> {
  for (const [selector, value] of Object.entries(referralValues)) await page.fill(selector, value);
  await page.selectOption('#f-referrer-sector', 'politie');
  await page.check('input[name="offer"][value="casusoverleg"]');
  await page.selectOption('#f-adults-0-role', 'slachtoffer');
  await page.check('input[name="violence"][value="partner"]');
  await page.check('input[name="familyInformed"][value="ja"]');
  await page.check('#f-legalBasis');
}

export async function fillAdvice(page: Page): Promise<void> {
  for (const [selector, value] of Object.entries(adviceValues)) await page.fill(selector, value);
  await page.selectOption('#f-sector', 'school');
}
