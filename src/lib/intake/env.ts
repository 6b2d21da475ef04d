import { tmpdir } from 'node:os';
import { join } from 'node:path';
// A namespace import lets the bundler drop what is unused (the named `z` pulls in all of zod, ~450 KB).
import * as z from 'zod';
import { deployContextOf, type DeployContext } from './kinds';

/**
 * The one reader of the intake's environment. Every variable is validated here; a wrong
 * setting stops delivery with a message naming the variable (never its value). The deploy
 * context is an argument: it comes from the handler's `context.deploy.context`, because
 * Netlify exposes CONTEXT to builds only, never to a running function.
 */
const blankIsMissing = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsMissing, schema.optional());
const millis = (fallback: number) => z.preprocess(blankIsMissing, z.coerce.number().int().min(0).max(25_000).default(fallback));
const count = (fallback: number, max: number) => z.preprocess(blankIsMissing, z.coerce.number().int().min(1).max(max).default(fallback));

const DEV_OUTBOX_KEY = Buffer.from('ifg-portaal dev outbox key, NOT for production!!'.slice(0, 32)).toString('base64');
/** Only outside production: references made with it can be predicted by anyone who reads this file. */
const DEV_REFERENCE_SECRET = 'ifg-portaal development reference secret, NOT for production';

export const envSchema = z.object({
  /** Resend API key; without it mails become .eml files in MAIL_OUTBOX_DIR. */
  RESEND_API_KEY: optional(z.string().regex(/^re_[A-Za-z0-9_-]+$/, 'RESEND_API_KEY begint met re_')),
  /** Read by the Resend SDK itself; tests point it at a fake on 127.0.0.1. */
  RESEND_BASE_URL: optional(z.url()),
  /** Sender, e.g. `Veilig Huis <intake@veilighuis.be>`, on a domain verified in Resend. */
  MAIL_FROM: optional(z.string().regex(/^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, 'MAIL_FROM is "Naam <adres@domein>" of een adres')),
  /** Outside production: the one test inbox that gets every mail. */
  MAIL_REDIRECT_TO: optional(z.email()),
  /** The file mailer's folder: outside the project, so `astro dev` never serves a mail. */
  MAIL_OUTBOX_DIR: z.preprocess(blankIsMissing, z.string().default(join(tmpdir(), 'ifg-portaal-outbox'))),
  /** 32 bytes in base64 (openssl rand -base64 32): encrypts the outbox at rest. */
  OUTBOX_KEY: optional(z.base64().refine((k) => Buffer.from(k, 'base64').length === 32, 'OUTBOX_KEY is 32 bytes in base64 (openssl rand -base64 32)')),
  /** Base name of the Blobs store; production and the other contexts each get their own suffix. */
  OUTBOX_STORE: z.preprocess(blankIsMissing, z.string().regex(/^[a-z0-9-]+$/).default('intake-outbox')),
  /** HMAC key for references (openssl rand -base64 32): a client cannot choose its reference. */
  REFERENCE_SECRET: optional(z.string().min(32, 'REFERENCE_SECRET heeft minstens 32 tekens (openssl rand -base64 32)')),
  MAIL_RETRY_BUDGET_MS: millis(4000),
  MAIL_ATTEMPT_TIMEOUT_MS: millis(1500),
  /** Operator address: the retry run's digest when mail waits, a budget or quota is hit, an entry is dropped. */
  OPS_ALERT_TO: optional(z.email()),
  /** Submissions per client address per 10 minutes with a solved proof of work (the enhanced form). */
  CLIENT_LIMIT_PER_10_MIN: count(10, 1000),
  /** The same without one (no JavaScript, or a script of its own): stricter. */
  CLIENT_LIMIT_NO_PROOF_PER_10_MIN: count(4, 1000),
  /** Centre mails per centre per hour; beyond it submissions wait in the outbox and an operator is told. */
  CENTRE_MAILS_PER_HOUR: count(20, 10_000),
  /** Work of the proof of work: the largest number the browser may have to try (SHA-256 each). */
  PROOF_MAX_NUMBER: count(10_000, 10_000_000),
  /** Time one retry run may take; well inside Netlify's 30 s for a scheduled function. */
  RETRY_RUN_BUDGET_MS: z.preprocess(blankIsMissing, z.coerce.number().int().min(1_000).max(20_000).default(15_000)),
  /** At most one retry run starts per this many ms, whoever calls the function (a lease in the guard's store). */
  RETRY_MIN_INTERVAL_MS: z.preprocess(blankIsMissing, z.coerce.number().int().min(0).max(600_000).default(60_000)),
  /** Extra origins allowed to post, comma-separated; the site's own origin always is. */
  ALLOWED_ORIGINS: z.preprocess(blankIsMissing, z.string().default('').transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)).pipe(z.array(z.url()))),
  /** Netlify sets URL (main site) and DEPLOY_PRIME_URL for functions too; both are allowed origins. */
  URL: optional(z.url()),
  DEPLOY_PRIME_URL: optional(z.url()),
});

export interface IntakeEnv extends Omit<z.infer<typeof envSchema>, 'OUTBOX_KEY' | 'REFERENCE_SECRET'> {
  deployContext: DeployContext;
  production: boolean;
  OUTBOX_KEY: string;
  REFERENCE_SECRET: string;
  /** The Blobs store of this context: a preview's entries never reach production's run. */
  outboxStore: string;
  /** Where this context's guard state lives (counters, events, delivered keys). */
  guardStore: string;
  /** Previews and branch deploys use stores scoped to their deploy; production the site-wide ones. */
  deployId: string | null;
  /** Mail goes to MAIL_REDIRECT_TO instead of the centre; never in production. */
  redirectTo: string | null;
  /** Variables that are set but ignored in this context (names only): callers log them as errors. */
  ignored: string[];
}

let cached: { source: string; env: IntakeEnv } | undefined;

/** Reads and validates the environment; throws one message listing every bad variable. */
export function readEnv(source: Record<string, string | undefined>, deployContext: DeployContext, deployId: string | null = null): IntakeEnv {
  const fingerprint = JSON.stringify([deployContext, deployId, ...Object.keys(envSchema.shape).map((k) => source[k])]);
  if (cached?.source === fingerprint) return cached.env;
  const production = deployContext === 'production';
  const parsed = envSchema.superRefine((env, ctx) => {
    const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (env.RESEND_API_KEY && !env.MAIL_FROM) missing('MAIL_FROM', 'MAIL_FROM is verplicht met RESEND_API_KEY');
    if (production && !env.RESEND_API_KEY) missing('RESEND_API_KEY', 'productie verstuurt via Resend: zet RESEND_API_KEY');
    if (production && !env.OUTBOX_KEY) missing('OUTBOX_KEY', 'productie heeft een eigen OUTBOX_KEY nodig');
    if (production && !env.REFERENCE_SECRET) missing('REFERENCE_SECRET', 'productie heeft een eigen REFERENCE_SECRET nodig');
    // The development secrets are public (this file): production refuses them by value too.
    if (production && env.OUTBOX_KEY === DEV_OUTBOX_KEY) missing('OUTBOX_KEY', 'productie gebruikt de publieke ontwikkelsleutel: zet een eigen OUTBOX_KEY');
    if (production && env.REFERENCE_SECRET === DEV_REFERENCE_SECRET) missing('REFERENCE_SECRET', 'productie gebruikt het publieke ontwikkelgeheim: zet een eigen REFERENCE_SECRET');
    if (!production && env.RESEND_API_KEY && !env.MAIL_REDIRECT_TO) missing('MAIL_REDIRECT_TO', 'buiten productie gaat alle mail naar MAIL_REDIRECT_TO: zet die');
  }).safeParse(source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`intake: ongeldige omgevingsvariabelen (${deployContext})\n- ${names.join('\n- ')}`);
  }
  const data = parsed.data;
  const env: IntakeEnv = {
    ...data,
    deployContext,
    production,
    OUTBOX_KEY: data.OUTBOX_KEY ?? DEV_OUTBOX_KEY,
    REFERENCE_SECRET: data.REFERENCE_SECRET ?? DEV_REFERENCE_SECRET,
    // Production's stores are site-wide and named -production; every other context gets stores
    // scoped to its own deploy (a deploy id from the platform), so no preview code path opens them.
    outboxStore: `${data.OUTBOX_STORE}-${production ? 'production' : 'preview'}`,
    guardStore: `${data.OUTBOX_STORE}-guard-${production ? 'production' : 'preview'}`,
    // Local development (`npm start`) has no deploy: its emulated site-wide `-preview` stores.
    deployId: deployContext === 'deploy-preview' || deployContext === 'branch-deploy' ? (deployId && /^\w{1,24}$/.test(deployId) ? deployId : null) : null,
    // A redirect in production would send every referral to a test inbox while the referrer
    // reads "sent": never obeyed there, and reported by name on every request (handler).
    redirectTo: production ? null : data.MAIL_REDIRECT_TO ?? null,
    ignored: production && data.MAIL_REDIRECT_TO ? ['MAIL_REDIRECT_TO'] : [],
  };
  cached = { source: fingerprint, env };
  return env;
}

/** The environment of the deploy Netlify's context names (`context.deploy`): what every intake function reads. */
export function envOf(context: { deploy?: { context?: string; id?: string } } | undefined): IntakeEnv {
  return readEnv(process.env, deployContextOf(context), context?.deploy?.id ?? null);
}
