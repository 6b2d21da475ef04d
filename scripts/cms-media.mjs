// The editor's media folder (public/media, served at /media/ on the public site's own origin)
// may hold images only. A script or HTML page there would run with the site's rights: an
// uploaded page read an editor's GitHub token from the browser's storage. The editor offers no
// uploads (src/lib/cms/decap-config.ts), and /media/* is served under a sandbox policy
// (netlify.toml); this check, run by prebuild, refuses anything else that lands in the folder
// by any other way (a commit, a merged pull request). Messages are Dutch: editors read them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Raster image types by extension, each with the bytes its files start with. No SVG: it can hold script. */
const IMAGES = {
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38, 0x37, 0x61], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  webp: [[0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]],
  avif: [[null, null, null, null, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66]],
};
const startsWith = (bytes, signature) => signature.every((b, i) => b === null || bytes[i] === b);
/** A file that starts like an image but holds markup further on could still be sniffed as a page by an old browser. */
const MARKUP = /<\s*(script|html|svg|iframe|object|body|meta|!doctype)/i;

/**
 * Every file in the media folder that is not an image of the type its name says.
 * @param {string} dir the folder on disk
 * @param {string} shown how the folder is named to the editor
 * @returns {string[]}
 */
export function checkMediaFolder(dir, shown = 'public/media') {
  if (!existsSync(dir)) return [];
  const problems = [];
  const allowed = Object.keys(IMAGES).join(', ');
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const file = `${shown}/${relative(dir, path).split('\\').join('/')}`;
    const extension = /\.([a-z0-9]+)$/i.exec(entry.name)?.[1];
    const signatures = extension && !entry.name.startsWith('.') ? IMAGES[extension] : undefined;
    if (!signatures) {
      problems.push(`${file}: alleen afbeeldingen (${allowed}) mogen in ${shown}. Dit bestand kan als pagina of script uitgevoerd worden op de website. Haal het weg.`);
      continue;
    }
    const bytes = readFileSync(path);
    if (!signatures.some((signature) => startsWith(bytes, signature)) || MARKUP.test(bytes.toString('latin1'))) {
      problems.push(`${file}: dit is geen echte ${extension.toUpperCase()}-afbeelding (de inhoud past niet bij de naam). Haal het bestand weg en bewaar de afbeelding opnieuw als ${extension}.`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const problems = checkMediaFolder(join(root, 'public/media'));
  if (problems.length) {
    console.error(`cms-media: de map public/media bevat bestanden die geen afbeelding zijn:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log('cms-media: public/media bevat alleen afbeeldingen');
}
