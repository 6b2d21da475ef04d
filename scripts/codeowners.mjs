// Writes .github/CODEOWNERS from src/content/reviewers.yaml and the content (see
// src/lib/cms/codeowners.ts). Run after adding a group or event, or changing reviewers;
// tests/unit/codeowners.test.ts fails while the committed file is out of date.
import { writeFileSync, mkdirSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';

register('./lib/ts-hooks.mjs', import.meta.url);
const { codeowners } = await import('../src/lib/cms/codeowners.ts');
const root = new URL('..', import.meta.url).pathname;
mkdirSync(join(root, '.github'), { recursive: true });
writeFileSync(join(root, '.github/CODEOWNERS'), codeowners(root));
console.log('codeowners: .github/CODEOWNERS written');
