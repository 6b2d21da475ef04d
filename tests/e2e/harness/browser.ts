import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core: no browser download anywhere.
 * Playwright turns the back/forward cache off by default; the quick-exit test
 * needs it on, as it is for real users.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
}
