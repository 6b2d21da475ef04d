import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Mailer, OutgoingMail } from './mail';

/**
 * The embedded default without RESEND_API_KEY: every mail becomes one .eml file in a local
 * folder (nothing leaves the machine). The folder defaults to the system temp dir (see
 * env.ts): never inside the project, where `astro dev` would serve it over HTTP. The file is
 * named after the idempotency key: the same mail again adds nothing; another mail under
 * the same key is a conflict, as Resend answers it.
 */
export function createFileMailer(options: { dir: string; from: string; print?: (line: string) => void }): Mailer {
  const print = options.print ?? ((line: string) => console.info(line));
  return {
    async send(mail: OutgoingMail) {
      const dir = resolve(options.dir);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // `advice:centre:<id>` -> `advice-centre-<id>.eml`: the role stays in the name, one file per key.
      const path = join(dir, `${mail.idempotencyKey.replace(/:/g, '-').replace(/[^A-Za-z0-9-]/g, '_')}.eml`);
      const eml = toEml(options.from, mail);
      try {
        await writeFile(path, eml, { flag: 'wx', mode: 0o600 });
        print(`[intake] mail geschreven naar ${path}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, kind: 'unknown' } as const;
        if ((await readFile(path, 'utf8')) !== eml) return { ok: false, kind: 'conflict' } as const;
      }
      return { ok: true, id: `file:${mail.idempotencyKey}` } as const;
    },
  };
}

/** A MIME message with a text and an HTML part (and attachments), all base64 so no line can break the format. */
export function toEml(from: string, mail: OutgoingMail): string {
  const boundary = `ifg-${mail.idempotencyKey.replace(/[^A-Za-z0-9-]/g, '')}`;
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const header = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
  const alternative = [
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
  ];
  const files = mail.attachments ?? [];
  const body = !files.length ? alternative : [
    `Content-Type: multipart/mixed; boundary="${boundary}-mixed"`,
    '',
    `--${boundary}-mixed`,
    ...alternative,
    ...files.flatMap((f) => [
      `--${boundary}-mixed`,
      `Content-Type: ${f.contentType.replace(/[^\w./+-]/g, '')}`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${f.filename.replace(/[^\w.-]/g, '_')}"`,
      '',
      f.content.replace(/.{76}/g, '$&\r\n'),
    ]),
    `--${boundary}-mixed--`,
  ];
  return [
    `From: ${from}`,
    `To: ${mail.to}`,
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${header(mail.subject)}`,
    'MIME-Version: 1.0',
    ...body,
    '',
  ].join('\r\n');
}
