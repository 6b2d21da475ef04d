import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import dailyRebuild from '../../netlify/functions/daily-rebuild';
import { triggerRebuild } from '../../src/lib/rebuild';
import { netlifyContext } from './support/netlify-context';

/** The scheduler's call: a POST whose body holds only next_run (tomorrow's run). */
const scheduled = () => new Request('https://veilighuis.example/.netlify/functions/daily-rebuild', { method: 'POST', body: JSON.stringify({ next_run: new Date(Date.now() + 86_400_000).toISOString() }) });

/** A fake Netlify build hook on 127.0.0.1 that records each call. */
const calls: { method?: string; url?: string }[] = [];
let status = 200;
const hook = createServer((req: IncomingMessage, res) => {
  calls.push({ method: req.method, url: req.url });
  req.resume();
  res.writeHead(status).end();
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => hook.close(() => r())));

describe('the daily rebuild', () => {
  it('does nothing without a build hook', async () => {
    const before = calls.length;
    expect(await triggerRebuild({})).toBe('skipped');
    expect(await triggerRebuild({ BUILD_HOOK_URL: ' ' })).toBe('skipped');
    expect(calls.length).toBe(before);
  });
  it('POSTs to the build hook once and reports a refusal', async () => {
    status = 200;
    expect(await triggerRebuild({ BUILD_HOOK_URL: `${base}/build_hooks/abc` })).toBe('triggered');
    expect(calls.at(-1)).toMatchObject({ method: 'POST' });
    expect(calls.at(-1)?.url).toMatch(/^\/build_hooks\/abc\?trigger_title=/);
    status = 404;
    expect(await triggerRebuild({ BUILD_HOOK_URL: `${base}/build_hooks/gone` })).toBe('failed');
  });
  it('refuses a hook that is not a URL, and the function answers 502 when the hook fails', async () => {
    await expect(triggerRebuild({ BUILD_HOOK_URL: 'build-hook' })).rejects.toThrow(/BUILD_HOOK_URL/);
    status = 500;
    vi.stubEnv('BUILD_HOOK_URL', `${base}/build_hooks/abc`);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect((await dailyRebuild(scheduled(), netlifyContext('production'))).status).toBe(502);
    expect(log.mock.calls.flat().join(' ')).not.toContain(base);
    vi.unstubAllEnvs();
    log.mockRestore();
  });
  it('answers only the scheduler, in production: a plain request or a preview starts no build', async () => {
    status = 200;
    vi.stubEnv('BUILD_HOOK_URL', `${base}/build_hooks/abc`);
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = calls.length;
    const url = 'https://veilighuis.example/.netlify/functions/daily-rebuild';
    expect((await dailyRebuild(new Request(url), netlifyContext('production'))).status).toBe(403);
    expect((await dailyRebuild(new Request(url, { method: 'POST', body: '{}' }), netlifyContext('production'))).status).toBe(403);
    expect((await dailyRebuild(scheduled(), netlifyContext('deploy-preview'))).status).toBe(403);
    expect(calls.length).toBe(before);
    expect((await dailyRebuild(scheduled(), netlifyContext('production'))).status).toBe(204);
    expect(calls.length).toBe(before + 1);
    vi.unstubAllEnvs();
    err.mockRestore();
    log.mockRestore();
  });
});
