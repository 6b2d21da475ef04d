import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers next: like Resend, or one of its failures. */
export type FakeMode = 'ok' | '422' | '429' | '429-once' | 'quota' | '500' | '503' | 'hang';

export interface FakeMail { id: string; to: string[]; reply_to?: string | string[]; subject: string; text: string; html: string; from: string; key: string | null }

/**
 * A stand-in for api.resend.com on 127.0.0.1: the real SDK talks to it through
 * RESEND_BASE_URL. Like Resend, a repeated Idempotency-Key returns the first answer and
 * sends nothing new, so `mails` holds what a mailbox would really have received.
 */
export class FakeResend {
  mode: FakeMode = 'ok';
  retryAfter = '0';
  /** Every answer waits this long first: a slow provider. */
  delayMs = 0;
  /** Mails to these addresses get a 500 (one mailbox's trouble), whatever the mode. */
  readonly failTo = new Set<string>();
  requests = 0;
  readonly mails: FakeMail[] = [];
  /** Every request as it arrived (headers and raw body), to search for what must not be there. */
  readonly raw: Array<{ headers: string; body: string }> = [];
  private readonly byKey = new Map<string, { id: string; payload: string }>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server = createServer((req, res) => void this.handle(req, res));
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(mode: FakeMode = 'ok'): void {
    this.mode = mode;
    this.delayMs = 0;
    this.failTo.clear();
    this.requests = 0;
    this.mails.length = 0;
    this.raw.length = 0;
    this.byKey.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    this.requests++;
    this.raw.push({ headers: JSON.stringify(req.headers), body: raw });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/emails') return reply(404, { name: 'not_found', message: 'not found', statusCode: 404 });
    switch (this.mode) {
      case 'hang': this.hanging.add(res); return;
      case '422': return reply(422, { name: 'validation_error', message: 'Invalid `to` field.', statusCode: 422 });
      case '429': return reply(429, { name: 'rate_limit_exceeded', message: 'Too many requests', statusCode: 429 }, { 'retry-after': this.retryAfter });
      case '429-once': this.mode = 'ok'; return reply(429, { name: 'rate_limit_exceeded', message: 'Too many requests', statusCode: 429 }, { 'retry-after': this.retryAfter });
      case 'quota': return reply(429, { name: 'daily_quota_exceeded', message: 'quota', statusCode: 429 });
      case '500': return reply(500, { name: 'internal_server_error', message: 'boom', statusCode: 500 });
      case '503': res.writeHead(503); res.end('Service Unavailable'); return;
    }
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const body = JSON.parse(raw) as Omit<FakeMail, 'id' | 'key'> & { to: string | string[] };
    if ([body.to].flat().some((to) => this.failTo.has(to))) return reply(500, { name: 'internal_server_error', message: 'boom', statusCode: 500 });
    const payload = JSON.stringify([body.to, body.subject, body.text, body.html]);
    const earlier = key ? this.byKey.get(key) : undefined;
    // Like Resend: the same key with the same payload answers the first id; with another payload, 409.
    if (earlier && earlier.payload === payload) return reply(200, { id: earlier.id });
    if (earlier) return reply(409, { name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request payload.', statusCode: 409 });
    const id = `fake-${this.mails.length + 1}`;
    this.mails.push({ ...body, to: Array.isArray(body.to) ? body.to : [body.to], id, key });
    if (key) this.byKey.set(key, { id, payload });
    reply(200, { id });
  }
}
