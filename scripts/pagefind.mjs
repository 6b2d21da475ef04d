// Indexes dist/ with Pagefind's Node API and fails the build on any indexing error.
// One index per <html lang> (nl, fr, en, ar, tr, pl): a search page loads the index of
// its own language, so a reader searching in Arabic finds the Arabic pages. Easy-read
// Dutch is lang="nl" and is found from the Dutch search.
import * as pagefind from 'pagefind';

const { index, errors } = await pagefind.createIndex();
if (errors.length) fail(errors);
const dist = process.env.DIST_DIR || 'dist';
const added = await index.addDirectory({ path: dist });
if (added.errors.length) fail(added.errors);
if (added.page_count === 0) fail(['no pages were indexed']);
const written = await index.writeFiles({ outputPath: `${dist}/pagefind` });
if (written.errors.length) fail(written.errors);
console.log(`pagefind: indexed ${added.page_count} pages`);
await pagefind.close();

function fail(messages) {
  console.error(`pagefind failed:\n- ${messages.join('\n- ')}`);
  process.exit(1);
}
