import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Mailer, OutgoingMail } from './mailer';

/**
 * The embedded default without RESEND_API_KEY: every mail becomes one .eml file in a local
 * folder (nothing leaves the machine). The file is named after the idempotency key, so a
 * resubmit overwrites nothing and adds nothing.
 */
export function createFileMailer(options: { dir: string; from: string; print?: (line: string) => void }): Mailer {
  const print = options.print ?? ((line: string) => console.info(line));
  return {
    async send(mail: OutgoingMail) {
      const dir = resolve(options.dir);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${mail.idempotencyKey.replace(/[^A-Za-z0-9-]/g, '_')}.eml`);
      try {
        await writeFile(path, toEml(options.from, mail), { flag: 'wx', mode: 0o600 });
        print(`[intake] mail geschreven naar ${path}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, kind: 'unknown' } as const;
      }
      return { ok: true, id: `file:${mail.idempotencyKey}` } as const;
    },
  };
}

/** A MIME message with a text and an HTML part, both base64 so no line can break the format. */
export function toEml(from: string, mail: OutgoingMail): string {
  const boundary = `ifg-${mail.idempotencyKey.replace(/[^A-Za-z0-9-]/g, '')}`;
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const header = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
  return [
    `From: ${from}`,
    `To: ${mail.to}`,
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${header(mail.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64(mail.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64(mail.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
