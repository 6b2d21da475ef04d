import { describe, expect, it } from 'vitest';
import { readEnv } from '../../../src/lib/intake/env';

const key = Buffer.alloc(32, 3).toString('base64');
const secret = 'a-reference-secret-of-at-least-32-chars';

describe('the intake environment', () => {
  it('works out of the box locally: no Resend key means the local outbox folder and development keys', () => {
    const env = readEnv({}, 'dev');
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.MAIL_RETRY_BUDGET_MS).toBe(4000);
    expect(env.redirectTo).toBeNull();
    expect(env.outboxStore).toBe('intake-outbox-preview');
  });

  it('outside production a Resend key needs MAIL_REDIRECT_TO, so no preview mails a real centre', () => {
    for (const context of ['deploy-preview', 'branch-deploy', 'dev'] as const) {
      expect(() => readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be' }, context)).toThrow(/MAIL_REDIRECT_TO/);
    }
    expect(readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', MAIL_REDIRECT_TO: 'test@b.be' }, 'deploy-preview').redirectTo).toBe('test@b.be');
  });

  it('production needs Resend, a sender, its own outbox key and reference secret, and names what is wrong without showing values', () => {
    expect(() => readEnv({ RESEND_API_KEY: 're_secretvalue' }, 'production')).toThrow(/MAIL_FROM[\s\S]*OUTBOX_KEY[\s\S]*REFERENCE_SECRET/);
    expect(() => readEnv({ RESEND_API_KEY: 're_secretvalue' }, 'production')).not.toThrow(/secretvalue/);
    expect(() => readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', OUTBOX_KEY: 'short', REFERENCE_SECRET: secret }, 'production')).toThrow(/OUTBOX_KEY/);
    const env = readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'Veilig Huis <a@b.be>', OUTBOX_KEY: key, REFERENCE_SECRET: secret }, 'production');
    expect(env).toMatchObject({ OUTBOX_KEY: key, REFERENCE_SECRET: secret, outboxStore: 'intake-outbox-production', redirectTo: null, production: true });
  });

  it('refuses a budget that would keep a referrer waiting too long', () => {
    expect(() => readEnv({ MAIL_RETRY_BUDGET_MS: '60000' }, 'dev')).toThrow(/MAIL_RETRY_BUDGET_MS/);
  });

  it('production refuses the public development secrets by value, naming the variable and never the value', () => {
    const dev = readEnv({}, 'dev');
    const base = { RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', OUTBOX_KEY: key, REFERENCE_SECRET: secret };
    expect(() => readEnv({ ...base, OUTBOX_KEY: dev.OUTBOX_KEY }, 'production')).toThrow(/OUTBOX_KEY/);
    expect(() => readEnv({ ...base, REFERENCE_SECRET: dev.REFERENCE_SECRET }, 'production')).toThrow(/REFERENCE_SECRET/);
    expect(() => readEnv({ ...base, REFERENCE_SECRET: dev.REFERENCE_SECRET }, 'production')).not.toThrow(new RegExp(dev.REFERENCE_SECRET.slice(0, 20)));
    // Outside production the public defaults stay what they are for: local work and previews.
    expect(readEnv({ OUTBOX_KEY: dev.OUTBOX_KEY, REFERENCE_SECRET: dev.REFERENCE_SECRET }, 'deploy-preview').production).toBe(false);
  });

  it('production never redirects: MAIL_REDIRECT_TO is ignored there and named, so the handler logs it as an error', () => {
    const env = readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', OUTBOX_KEY: key, REFERENCE_SECRET: secret, MAIL_REDIRECT_TO: 'test@b.be' }, 'production');
    expect(env.redirectTo).toBeNull();
    expect(env.ignored).toEqual(['MAIL_REDIRECT_TO']);
  });

  it('previews get stores scoped to their deploy; production the site-wide -production ones', () => {
    expect(readEnv({}, 'deploy-preview', '65a1f0c2d3e4b5a6c7d8e9f1')).toMatchObject({ deployId: '65a1f0c2d3e4b5a6c7d8e9f1', outboxStore: 'intake-outbox-preview' });
    expect(readEnv({}, 'branch-deploy', '65a1f0c2d3e4b5a6c7d8e9f2').deployId).toBe('65a1f0c2d3e4b5a6c7d8e9f2');
    const prod = readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', OUTBOX_KEY: key, REFERENCE_SECRET: secret }, 'production', '65a1f0c2d3e4b5a6c7d8e9f0');
    expect(prod).toMatchObject({ deployId: null, outboxStore: 'intake-outbox-production', guardStore: 'intake-outbox-guard-production' });
  });
});
