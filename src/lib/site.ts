/**
 * Site-wide settings read at build time. The quick-exit target is a neutral,
 * everyday site; tests build with QUICK_EXIT_URL pointing at a local page.
 */
export const quickExitUrl: string = import.meta.env?.QUICK_EXIT_URL || process.env.QUICK_EXIT_URL || 'https://www.meteo.be/nl';
