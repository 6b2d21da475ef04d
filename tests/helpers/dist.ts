import { resolve } from 'node:path';

/** Folder of the build under test: dist/, or DIST_DIR when a run builds elsewhere. */
export const distDir = resolve(process.env.DIST_DIR || 'dist');
