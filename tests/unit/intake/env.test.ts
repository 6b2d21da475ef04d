import { describe, expect, it } from 'vitest';
import { readEnv } from '../../../src/lib/intake/env';

const key = Buffer.alloc(32, 3).toString('base64');

describe('the intake environment', () => {
  it('works out of the box: no Resend key means the local outbox folder and a development key', () => {
    const env = readEnv({});
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.MAIL_OUTBOX_DIR).toBe('.outbox');
    expect(env.MAIL_RETRY_BUDGET_MS).toBe(4000);
    expect(env.redirect).toBe(false);
  });

  it('outside production a Resend key needs MAIL_REDIRECT_TO, so no preview mails a real centre', () => {
    expect(() => readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', CONTEXT: 'deploy-preview' })).toThrow(/MAIL_REDIRECT_TO/);
    expect(readEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', CONTEXT: 'deploy-preview', MAIL_REDIRECT_TO: 'test@b.be' }).redirect).toBe(true);
  });

  it('production needs Resend, a sender and its own outbox key, and names what is wrong without showing values', () => {
    expect(() => readEnv({ CONTEXT: 'production', RESEND_API_KEY: 're_secretvalue' })).toThrow(/MAIL_FROM[\s\S]*OUTBOX_KEY/);
    expect(() => readEnv({ CONTEXT: 'production', RESEND_API_KEY: 're_secretvalue' })).not.toThrow(/secretvalue/);
    expect(() => readEnv({ CONTEXT: 'production', RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.be', OUTBOX_KEY: 'short' })).toThrow(/OUTBOX_KEY/);
    expect(readEnv({ CONTEXT: 'production', RESEND_API_KEY: 're_x', MAIL_FROM: 'Veilig Huis <a@b.be>', OUTBOX_KEY: key }).OUTBOX_KEY).toBe(key);
  });

  it('refuses a budget that would keep a referrer waiting too long', () => {
    expect(() => readEnv({ MAIL_RETRY_BUDGET_MS: '60000' })).toThrow(/MAIL_RETRY_BUDGET_MS/);
  });
});
