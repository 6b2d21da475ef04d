import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/**
 * Byte budget of each function as Netlify ships it: bundled by esbuild (the bundler
 * netlify.toml names), then compressed as the deploy zip compresses it (deflate). Goal of
 * issue 9: under 300 KB zipped each (before: about 196 KB zipped, 1.1 MB raw, mostly zod
 * imported as `{ z }`). Cold-start time is the bench's job, not a test's.
 */
const BUDGET = 300 * 1024;

it.each(['referral', 'advice', 'outbox-retry'])('%s stays under 300 KB zipped', async (fn) => {
  const result = await build({
    entryPoints: [`netlify/functions/${fn}.ts`], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    write: false, outfile: `${fn}.mjs`, logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const zipped = deflateRawSync(code, { level: 9 }).byteLength;
  expect(zipped).toBeLessThan(BUDGET);
  // The retry carries the delivery layer only: no forms, views or strings.
  if (fn === 'outbox-retry') expect(zipped).toBeLessThan(0.8 * deflateRawSync((await build({ entryPoints: ['netlify/functions/referral.ts'], bundle: true, platform: 'node', format: 'esm', write: false, outfile: 'r.mjs', logLevel: 'silent' })).outputFiles[0].contents, { level: 9 }).byteLength);
}, 60_000);
