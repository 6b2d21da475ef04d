import { z } from 'zod';

/**
 * The one reader of the intake's environment. Every variable is validated here; a wrong
 * setting stops the function with a message naming the variable (never its value).
 */
const blankIsMissing = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsMissing, schema.optional());
const millis = (fallback: number) => z.preprocess(blankIsMissing, z.coerce.number().int().min(0).max(25_000).default(fallback));

const DEV_OUTBOX_KEY = Buffer.from('ifg-portaal dev outbox key, NOT for production!!'.slice(0, 32)).toString('base64');

export const envSchema = z
  .object({
    /** Netlify deploy context: production, deploy-preview, branch-deploy, dev. */
    CONTEXT: optional(z.string()),
    RESEND_API_KEY: optional(z.string().regex(/^re_[A-Za-z0-9_-]+$/, 'RESEND_API_KEY begint met re_')),
    /** Read by the Resend SDK itself; tests point it at a fake on 127.0.0.1. */
    RESEND_BASE_URL: optional(z.url()),
    MAIL_FROM: optional(z.string().regex(/^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, 'MAIL_FROM is "Naam <adres@domein>" of een adres')),
    MAIL_REDIRECT_TO: optional(z.email()),
    MAIL_OUTBOX_DIR: z.preprocess(blankIsMissing, z.string().default('.outbox')),
    OUTBOX_KEY: optional(z.base64().refine((k) => Buffer.from(k, 'base64').length === 32, 'OUTBOX_KEY is 32 bytes in base64 (openssl rand -base64 32)')),
    OUTBOX_STORE: z.preprocess(blankIsMissing, z.string().regex(/^[a-z0-9-]+$/).default('intake-outbox')),
    MAIL_RETRY_BUDGET_MS: millis(4000),
    MAIL_ATTEMPT_TIMEOUT_MS: millis(1500),
    /** Extra origins allowed to post, comma-separated; the site's own origin always is. */
    ALLOWED_ORIGINS: z.preprocess(blankIsMissing, z.string().default('').transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)).pipe(z.array(z.url()))),
    /** Netlify sets URL (main site) and DEPLOY_PRIME_URL; both are allowed origins. */
    URL: optional(z.url()),
    DEPLOY_PRIME_URL: optional(z.url()),
  })
  .superRefine((env, ctx) => {
    const production = env.CONTEXT === 'production';
    if (env.RESEND_API_KEY && !env.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'MAIL_FROM is verplicht met RESEND_API_KEY' });
    if (production && !env.RESEND_API_KEY) ctx.addIssue({ code: 'custom', path: ['RESEND_API_KEY'], message: 'productie verstuurt via Resend: zet RESEND_API_KEY' });
    if (production && !env.OUTBOX_KEY) ctx.addIssue({ code: 'custom', path: ['OUTBOX_KEY'], message: 'productie heeft een eigen OUTBOX_KEY nodig' });
    if (!production && env.RESEND_API_KEY && !env.MAIL_REDIRECT_TO) {
      ctx.addIssue({ code: 'custom', path: ['MAIL_REDIRECT_TO'], message: 'buiten productie gaat alle mail naar MAIL_REDIRECT_TO: zet die' });
    }
  });

export interface IntakeEnv extends Omit<z.infer<typeof envSchema>, 'OUTBOX_KEY'> {
  OUTBOX_KEY: string;
  /** Mail goes to MAIL_REDIRECT_TO instead of the centre. */
  redirect: boolean;
}

let cached: { source: string; env: IntakeEnv } | undefined;

/** Reads and validates the environment; throws one message listing every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): IntakeEnv {
  const fingerprint = JSON.stringify(Object.keys(envSchema.shape).map((k) => source[k]));
  if (cached?.source === fingerprint) return cached.env;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`intake: ongeldige omgevingsvariabelen\n- ${names.join('\n- ')}`);
  }
  const env: IntakeEnv = {
    ...parsed.data,
    OUTBOX_KEY: parsed.data.OUTBOX_KEY ?? DEV_OUTBOX_KEY,
    redirect: Boolean(parsed.data.MAIL_REDIRECT_TO) || (parsed.data.CONTEXT !== 'production' && Boolean(parsed.data.RESEND_API_KEY)),
  };
  cached = { source: fingerprint, env };
  return env;
}
