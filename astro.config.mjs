// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import netlify from '@astrojs/netlify';
import intakeDevPaths from './scripts/dev-api-paths.mjs';
import { devCsp } from './scripts/lib/dev-csp.mjs';
import { LOADER_HASH, afterPaintScripts } from './scripts/lib/after-paint.mjs';
import { contentWithoutCode } from './scripts/lib/content-code.mjs';

export default defineConfig({
  site: process.env.SITE_URL || 'https://veilighuis.example',
  output: 'static',
  // DIST_DIR lets a test run or a benchmark build somewhere else without touching dist/.
  outDir: process.env.DIST_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  adapter: netlify({
    // Everything below reaches for the network under `astro dev`: keep it off.
    devFeatures: { edgeFunctions: false, images: false, environmentVariables: false },
    imageCDN: false,
    staticHeaders: true,
  }),
  // intakeDevPaths: `npm start` answers POST /api/referral and /api/advice as Netlify does.
  // devCsp: the dev server's CSP admits the styles and scripts the dev server injects (nonce per page).
  // afterPaintScripts: built pages fetch their scripts after the first paint, not before it.
  // contentWithoutCode: a content body (editable in /admin/) holds no code but our own components.
  integrations: [contentWithoutCode(), mdx(), intakeDevPaths(), devCsp(), afterPaintScripts()],
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  prefetch: false,
  security: {
    csp: {
      algorithm: 'SHA-256',
      // The after-paint loader that afterPaintScripts puts on pages with scripts.
      scriptDirective: { hashes: [LOADER_HASH] },
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ],
    },
  },
});
