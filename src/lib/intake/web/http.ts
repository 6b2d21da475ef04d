/**
 * Response helpers and request checks shared by the intake functions. Every answer is
 * uncacheable, never sniffed, sends no referrer and allows no other origin.
 */
export const MAX_BODY_BYTES = 64 * 1024;

const baseHeaders: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8', ...extra } });
}

/**
 * A page the function renders gets the static pages' headers too: netlify.toml's
 * [[headers]] apply to files, not to function responses. Keep in step with netlify.toml.
 */
const pageHeaders: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=(), interest-cohort=()',
};

export function htmlPage(status: number, body: string, csp: string): Response {
  return new Response(body, {
    status,
    headers: { ...baseHeaders, ...pageHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp },
  });
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { ...baseHeaders, Location: location } });
}

export type BodyKind = 'json' | 'form';

/**
 * Method, origin, content type and size, in that order, before a byte of the body is read.
 * Returns the body's kind, or the refusal to send.
 */
export function checkRequest(req: Request, allowedOrigins: readonly string[]): BodyKind | Response {
  if (req.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { Allow: 'POST' });
  const origin = req.headers.get('origin');
  const own = new URL(req.url).origin;
  const allowed = new Set([own, ...allowedOrigins.map((o) => new URL(o).origin)]);
  const fetchSite = req.headers.get('sec-fetch-site');
  // With Referrer-Policy no-referrer a browser posts a plain form with `Origin: null`;
  // then only the browser's own Sec-Fetch-Site (which a page cannot forge) can vouch for it.
  // A post with neither header comes from no browser we serve: refused.
  const vouched = fetchSite === 'same-origin';
  const originOk = origin === null || origin === 'null' ? vouched : allowed.has(origin);
  if (!originOk || fetchSite === 'cross-site') return json(403, { error: 'forbidden' });
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const kind: BodyKind | null = type === 'application/json' ? 'json' : type === 'application/x-www-form-urlencoded' ? 'form' : null;
  if (!kind) return json(415, { error: 'unsupported_media_type' });
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return json(413, { error: 'too_large' });
  return kind;
}

/** Reads at most 64 KiB; a longer body (also without Content-Length) is refused unparsed. */
export async function readCapped(req: Request): Promise<string | 'too_large' | 'bad_request'> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return 'bad_request';
  }
}

/** Drops `__proto__` keys while parsing, so no body can replace an object's prototype. */
const noProto = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

/** Parses JSON (an object at the top) or form data; null when it is neither. */
export function parseBody(text: string, kind: BodyKind, decodeForm: (p: URLSearchParams) => Record<string, unknown> | null): Record<string, unknown> | null {
  if (kind === 'form') return decodeForm(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text, noProto);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The fields that travel with a form but are not part of it: id, honeypot and step. */
export interface Envelope {
  submissionId: string | null;
  /** What a bot typed into the honeypot ('' for people), carried through the no-JS steps. */
  honeypot: string;
  step: 'check' | 'edit' | 'send';
  /** The enhanced form's solved proof of work (guard/proof.ts), or null. */
  proof: string | null;
}

const ENVELOPE_KEYS = new Set(['submissionId', 'website', 'step', 'proof']);

/** Splits the envelope from the form's own fields (a new object: the body is not changed). */
export function takeEnvelope(body: Record<string, unknown>, idPattern: RegExp): { envelope: Envelope; fields: Record<string, unknown> } | null {
  const { submissionId: rawId, website, step, proof } = body;
  // The static page carries an empty id field that the script fills; without JS it stays empty.
  const submissionId = rawId === '' ? undefined : rawId;
  if (submissionId !== undefined && (typeof submissionId !== 'string' || !idPattern.test(submissionId))) return null;
  if (website !== undefined && typeof website !== 'string') return null;
  if (step !== undefined && step !== 'check' && step !== 'edit' && step !== 'send') return null;
  if (proof !== undefined && (typeof proof !== 'string' || proof.length > 1024)) return null;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (!ENVELOPE_KEYS.has(key)) Object.defineProperty(fields, key, { value: body[key], enumerable: true, writable: true, configurable: true });
  return {
    envelope: { submissionId: (submissionId as string | undefined) ?? null, honeypot: (website as string | undefined) ?? '', step: (step as Envelope['step']) ?? 'check', proof: (proof as string | undefined) || null },
    fields,
  };
}
