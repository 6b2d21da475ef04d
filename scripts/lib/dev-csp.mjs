// `astro dev` sends the site's Content-Security-Policy without the hashes a build
// computes (Astro collects them only when building), so `style-src 'self'` blocks the
// <style> the dev server inlines and the ones Vite's client adds: unstyled pages, a
// console full of violations. Under `astro dev` only, this gives each HTML response a
// fresh nonce, puts it on every <style> and <script> the dev server wrote, adds it to
// script-src and style-src, and hands it to Vite's client through
// <meta property="csp-nonce"> for the styles it inserts later. The policy stays as
// strict as production's otherwise (no 'unsafe-inline'); the build is untouched.
import { randomBytes } from 'node:crypto';

/** Adds `'nonce-…'` to script-src and style-src of a CSP header value. */
export function withNonce(policy, nonce) {
  return policy
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/^(script|style)-src(\s|$)/.test(part) ? `${part} 'nonce-${nonce}'` : part))
    .join('; ');
}

/** Puts the nonce on every <script> and <style> tag and announces it to Vite's client. */
export function nonceHtml(html, nonce) {
  const tagged = html.replace(/<(script|style)\b(?![^>]*\snonce=)/gi, `<$1 nonce="${nonce}"`);
  return tagged.replace(/<head\b[^>]*>/i, (head) => `${head}<meta property="csp-nonce" nonce="${nonce}">`);
}

/** Astro integration: only its `astro:server:setup` hook, so builds never see it. */
export function devCsp() {
  return {
    name: 'ifg:dev-csp',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((_req, res, next) => {
          const writeHead = res.writeHead.bind(res);
          const write = res.write.bind(res);
          const end = res.end.bind(res);
          let held = null; // status of an HTML response whose body is being collected
          const chunks = [];
          res.writeHead = (status, ...rest) => {
            const headers = rest.find((r) => r && typeof r === 'object') ?? {};
            // Raw header arrays are left alone (Astro and Vite pass objects or use setHeader).
            if (Array.isArray(headers)) return writeHead(status, ...rest);
            for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
            const type = String(res.getHeader('content-type') ?? '');
            if (type.includes('text/html') && res.getHeader('content-security-policy')) {
              held = status;
              return res;
            }
            return writeHead(status);
          };
          res.write = (chunk, ...rest) => {
            if (held === null) return write(chunk, ...rest);
            if (chunk) chunks.push(Buffer.from(chunk));
            return true;
          };
          res.end = (chunk, ...rest) => {
            if (held === null) return end(chunk, ...rest);
            if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
            const nonce = randomBytes(16).toString('base64');
            const body = nonceHtml(Buffer.concat(chunks).toString('utf8'), nonce);
            res.setHeader('content-security-policy', withNonce(String(res.getHeader('content-security-policy')), nonce));
            res.setHeader('content-length', Buffer.byteLength(body));
            writeHead(held);
            return end(body);
          };
          next();
        });
      },
    },
  };
}
