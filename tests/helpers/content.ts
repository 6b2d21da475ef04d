import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import yaml from 'js-yaml';

/** Root of the content collections. */
export const contentDir = resolve('src/content');

/** The frontmatter of a .md/.mdx file (or a whole .yaml file), parsed the way Astro does (js-yaml). */
export function readFrontmatter(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  if (extname(path) === '.yaml') return yaml.load(text);
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new Error(`${path}: no frontmatter`);
  return yaml.load(match[1]);
}

/** Every entry of a folder collection as { id, file, data } (data is unparsed frontmatter). */
export function readEntries(collection: string, extensions: string[]) {
  const dir = join(contentDir, collection);
  return readdirSync(dir)
    .filter((f) => extensions.includes(extname(f)))
    .map((f) => ({ id: basename(f, extname(f)), file: join(dir, f), data: readFrontmatter(join(dir, f)) }));
}
