// `astro dev` sends the site's Content-Security-Policy without the hashes a build
// computes (Astro collects them only when building), so `style-src 'self'` blocks the
// <style> the dev server inlines and the ones Vite's client adds: unstyled pages, a
// console full of violations. Under `astro dev` only, this gives each HTML response a
// fresh nonce, puts it on every <style> and <script> the dev server wrote, adds it to
// script-src and style-src, and hands it to Vite's client through
// <meta property="csp-nonce"> for the styles it inserts later. The policy stays as
// strict as production's otherwise (no 'unsafe-inline'); the build is untouched.
// The editor at /admin/ is not an Astro page: it keeps its own policy from netlify.toml, as
// in production (a nonce there would switch off the 'unsafe-inline' its styles need). Only
// when `npm run cms` runs Decap's local proxy on another port than 8081 (CMS_PROXY_ORIGIN)
// does that origin take the place of 127.0.0.1:8081 in its connect-src.
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

/** The editor's production policy, with the local proxy's origin when it is not the default. */
export function editorConnectSrc(policy, proxyOrigin) {
  if (!proxyOrigin) return policy;
  return policy.replace(/(connect-src[^;]*?)http:\/\/127\.0\.0\.1:8081/, `$1${proxyOrigin}`);
}

function editorPolicy(res, next) {
  const proxy = process.env.CMS_PROXY_ORIGIN;
  if (proxy) {
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (...args) => {
      const policy = res.getHeader('content-security-policy');
      if (policy) res.setHeader('content-security-policy', editorConnectSrc(String(policy), proxy));
      for (const headers of args.filter((a) => a && typeof a === 'object' && !Array.isArray(a))) {
        for (const name of Object.keys(headers)) {
          if (name.toLowerCase() === 'content-security-policy') headers[name] = editorConnectSrc(String(headers[name]), proxy);
        }
      }
      return writeHead(...args);
    };
  }
  next();
}

/** Astro integration: only its `astro:server:setup` hook, so builds never see it. */
export function devCsp() {
  return {
    name: 'ifg:dev-csp',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (req.url?.startsWith('/admin/')) return editorPolicy(res, next);
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
          // Node writes the head of a response that never called writeHead (Netlify's function
          // emulation sets statusCode and headers, then writes) from inside write()/end(),
          // through the writeHead above: decide on holding before that, or the body goes out
          // with no status line at all (ERR_INVALID_HTTP_RESPONSE, HTTP/0.9 to curl).
          const decide = () => {
            if (held === null && !res.headersSent) res.writeHead(res.statusCode);
          };
          res.write = (chunk, ...rest) => {
            decide();
            if (held === null) return write(chunk, ...rest);
            if (chunk) chunks.push(Buffer.from(chunk));
            return true;
          };
          res.end = (chunk, ...rest) => {
            decide();
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
