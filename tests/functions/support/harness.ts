import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';
import { setLogSink } from '../../../src/lib/intake/log';
import { FakeResend } from './fake-resend';

export const ORIGIN = 'https://veilighuis.example';
export { MARKERS, validAdvice, validReferral } from '../../fixtures/intake-submissions.mjs';
import { MARKERS } from '../../fixtures/intake-submissions.mjs';

let counter = 0;
export const newId = () => `test-submission-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 10)}`;

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function postForm(path: string, pairs: Array<[string, string]>, headers: Record<string, string> = {}): Request {
  return post(path, new URLSearchParams(pairs).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });
}

/**
 * One fake Resend, one Netlify Blobs server and the environment the functions read,
 * all on 127.0.0.1; every log line of the suite is kept for the privacy check.
 */
export async function startHarness() {
  const fake = await new FakeResend().start();
  const dir = await mkdtemp(join(tmpdir(), 'intake-blobs-'));
  const token = 'test-token';
  const blobs = new BlobsServer({ directory: dir, token, logger: () => {} });
  const { port } = await blobs.start();
  const logs: string[] = [];
  setLogSink((line) => logs.push(line));
  const blobsContext = Buffer.from(JSON.stringify({ edgeURL: `http://127.0.0.1:${port}`, uncachedEdgeURL: `http://127.0.0.1:${port}`, siteID: 'test-site', token, primaryRegion: 'eu-central-1' })).toString('base64');
  // Only what a site owner can set for Functions: the deploy context comes from the handler's context.
  const env: Record<string, string> = {
    REFERENCE_SECRET: 'test-reference-secret-0123456789abcdef',
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: fake.url,
    MAIL_FROM: 'Veilig Huis <intake@veilighuis.example>',
    OUTBOX_KEY: Buffer.alloc(32, 7).toString('base64'),
    OUTBOX_STORE: `outbox-${process.pid}`,
    // Short enough to keep the fault tests quick, long enough for a loaded 2-core CI machine.
    MAIL_RETRY_BUDGET_MS: '2000',
    MAIL_ATTEMPT_TIMEOUT_MS: '800',
    URL: ORIGIN,
    NETLIFY_BLOBS_CONTEXT: blobsContext,
    // The status-table suites send many forms from one test address to one centre, and call
    // the retry run back to back: the flood limits are tried at their defaults in flood.test.ts.
    CLIENT_LIMIT_PER_10_MIN: '1000',
    CLIENT_LIMIT_NO_PROOF_PER_10_MIN: '1000',
    CENTRE_MAILS_PER_HOUR: '10000',
    RETRY_MIN_INTERVAL_MS: '0',
  };
  const saved = Object.fromEntries(Object.keys({ ...env, MAIL_REDIRECT_TO: '', CONTEXT: '', OPS_ALERT_TO: '' }).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  delete process.env.MAIL_REDIRECT_TO;
  delete process.env.CONTEXT;
  delete process.env.OPS_ALERT_TO;
  return {
    blobsContext,
    fake,
    logs,
    blobsDown() { process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify({ edgeURL: 'http://127.0.0.1:9', uncachedEdgeURL: 'http://127.0.0.1:9', siteID: 'x', token })).toString('base64'); },
    blobsUp() { process.env.NETLIFY_BLOBS_CONTEXT = blobsContext; },
    async stop() {
      await fake.stop();
      await blobs.stop();
      await rm(dir, { recursive: true, force: true });
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    },
  };
}

/** Every value of the markers, as they could leak: raw, lower case, JSON-escaped. */
export function leaks(lines: string[]): string[] {
  const text = lines.join('\n').toLowerCase();
  return Object.values(MARKERS).filter((m) => text.includes(m.toLowerCase()));
}
