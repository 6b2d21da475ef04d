// A namespace import lets the bundler drop what is unused (the named `z` pulls in all of zod, ~450 KB).
import * as z from 'zod';
import settings from '../../../content/settings/receipt-domains.json';

/**
 * Who may get an automatic receipt mail. The service never mails an address a visitor
 * typed unless editors confirmed its domain as a professional one: otherwise anyone could
 * make it send branded mail to any mailbox (mail-bombing, a message in a victim's mailbox
 * that the abuser reads, a threat to the Resend account that carries real referrals).
 * Without a confirmed domain the confirmation page is the receipt.
 */
export const receiptDomainsSchema = z.strictObject({
  /**
   * Mail domains of organisations whose functional mailboxes may get a receipt, lower
   * case, without `@`, e.g. `politie.be`. Add one only when a source confirms it.
   */
  domains: z.array(z.string().regex(/^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'een domein in kleine letters, zoals politie.be')),
});

export type ReceiptDomains = z.infer<typeof receiptDomainsSchema>['domains'];

export const receiptDomains: ReceiptDomains = receiptDomainsSchema.parse(settings).domains;

/** True only for an address on a confirmed domain (exactly that domain, not a look-alike or a subdomain). */
export function receiptAllowed(address: string, domains: readonly string[] = receiptDomains): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  return domains.includes(address.slice(at + 1).trim().toLowerCase());
}
