// Content bodies are MDX, and editors change them through the editor (/admin/). MDX is code:
// an expression `{...}` runs at build (it printed a build variable into a public page) and an
// `import`/`export` can run anything. So the build refuses every piece of code in a content body
// except the project's own components (src/components/content/) with fixed values. The check
// parses with the parser Astro compiles MDX with (Sätteri), so it sees what the build would run.
// Messages are Dutch: editors read them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownToMdast, mdxToMdast } from 'satteri';

/** Plain HTML elements a body may use (headings, lists, emphasis, links); no script, style, frame or form. */
const HTML = new Set(['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'br', 'abbr', 'span', 'div', 'section']);
/** A JSX attribute value in braces that is a fixed value: a number, true/false, or a quoted text. */
const FIXED_VALUE = /^\s*(?:-?\d+(?:\.\d+)?|true|false|"[^"\\{}`]*"|'[^'\\{}`]*')\s*$/;
/** `{/* ... *\/}`: a comment, the only expression a body may hold (it renders nothing). */
const COMMENT_ONLY = /^\s*(?:\/\*(?:(?!\*\/)[\s\S])*\*\/\s*)+$/;
/** The one import line a body may hold: a component of src/components/content, by its own name. */
const IMPORT = /^import\s+([A-Z][A-Za-z0-9]*)\s+from\s+(['"])([^'"]+\/components\/content\/([A-Z][A-Za-z0-9]*)\.astro)\2;?$/;

/**
 * True when a link or image address would run code when followed: browsers drop leading blanks and
 * controls and every tab and line break inside an address before they read its scheme, and a
 * character reference (&#106; or &colon;) spells the same letters.
 * @param {string} url
 */
export function runsCode(url) {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&(colon|tab|newline);?/gi, (_, name) => ({ colon: ':', tab: '\t', newline: '\n' })[name.toLowerCase()]);
  // eslint-disable-next-line no-control-regex
  const scheme = decoded.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  return /^(javascript|data|vbscript):/i.test(scheme);
}

/** Where a node is, for a message: `src/content/pages/hulp.mdx, regel 12`. */
const at = (file, node) => `${file}, regel ${node.position?.start?.line ?? '?'}`;
/** A piece of code or text short enough for one message line. */
const short = (text) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);
const USE_PLAIN_ADDRESS = 'voert code uit. Gebruik een gewoon webadres (https://...) of een pad op de site.';

/** The problem of a link, image or link definition whose address runs code, or null. */
function codeLink(file, node) {
  return runsCode(node.url ?? '') ? `${at(file, node)}: de link "${short(node.url)}" ${USE_PLAIN_ADDRESS}` : null;
}

/** The content components (src/components/content/*.astro) by name. */
function contentComponents(componentsDir) {
  return existsSync(componentsDir) ? readdirSync(componentsDir).filter((f) => f.endsWith('.astro')).map((f) => basename(f, '.astro')) : [];
}

const WHAT_TO_DO = 'Content in de editor mag geen code bevatten: de bouw zou ze uitvoeren. Schrijf gewone tekst (accolades tonen kan met \\{ en \\}) en gebruik alleen de onderdelen uit src/components/content';

/**
 * Every piece of code in one MDX body, as Dutch messages naming the file and line.
 * @param {string} file shown to the editor, e.g. `src/content/pages/hulp.mdx`
 * @param {string} source the file's text
 * @param {{ absolutePath: string, componentsDir: string, components?: string[] }} where the file and
 *   src/components/content on disk (`components`: its component names, when already read)
 * @returns {string[]}
 */
export function codeInContent(file, source, { absolutePath, componentsDir, components = contentComponents(componentsDir) }) {
  const problems = [];
  const allowed = `(${components.join(', ')})`;
  let tree;
  try {
    tree = mdxToMdast(source, { trackPositions: true });
  } catch (error) {
    return [`${file}: de tekst is geen geldige MDX (${String(error?.message ?? error).split('\n')[0]}). Kijk na of elke < en { hoort bij een onderdeel, of schrijf \\< en \\{.`];
  }
  const imported = new Set();
  const visit = (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        for (const line of node.value.split('\n').map((l) => l.trim()).filter(Boolean)) {
          const match = IMPORT.exec(line);
          const target = match && resolve(dirname(absolutePath), match[3]);
          if (match && match[1] === match[4] && components.includes(match[4]) && target === join(componentsDir, `${match[4]}.astro`)) imported.add(match[1]);
          else problems.push(`${at(file, node)}: "${short(line)}" haalt code binnen. ${WHAT_TO_DO} ${allowed}, met een regel als import Notice from '../../components/content/Notice.astro'. Haal de regel weg, of vraag een ontwikkelaar.`);
        }
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!COMMENT_ONLY.test(node.value)) problems.push(`${at(file, node)}: {${short(node.value)}} is code. ${WHAT_TO_DO} ${allowed}.`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const problem = codeLink(file, node);
        if (problem) problems.push(problem);
        break;
      }
      default:
    }
    for (const child of node.children ?? []) visit(child);
  };
  const checkElement = (node) => {
    const name = node.name ?? '<>';
    if (!HTML.has(name) && !imported.has(name)) {
      problems.push(`${at(file, node)}: <${name}> is geen toegelaten onderdeel. Gebruik gewone tekst, of een onderdeel uit src/components/content ${allowed} met de import-regel bovenaan.`);
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') {
        problems.push(`${at(file, node)}: {${short(attribute.value)}} in <${name}> is code. ${WHAT_TO_DO} ${allowed}, met vaste waarden (bv. level={3} of title="Tekst").`);
        continue;
      }
      const value = attribute.value;
      // A fixed value in braces ({"..."}) is text too.
      const text = typeof value === 'string' ? value : (/^\s*(["'])([\s\S]*)\1\s*$/.exec(value?.value ?? '')?.[2] ?? '');
      if (/^on/i.test(attribute.name) || attribute.name.includes(':') || /^(style|dangerouslySetInnerHTML|srcdoc)$/i.test(attribute.name)) {
        problems.push(`${at(file, node)}: het kenmerk ${attribute.name} van <${name}> kan code uitvoeren of de pagina veranderen. Haal het weg.`);
      } else if (value && typeof value === 'object' && !FIXED_VALUE.test(value.value)) {
        problems.push(`${at(file, node)}: ${attribute.name}={${short(value.value)}} in <${name}> is code. ${WHAT_TO_DO} ${allowed}, met vaste waarden (bv. level={3} of title="Tekst").`);
      }
      if (runsCode(text)) {
        problems.push(`${at(file, node)}: de link ${attribute.name}="${short(text)}" in <${name}> ${USE_PLAIN_ADDRESS}`);
      }
    }
  };
  visit(tree);
  return problems;
}

/**
 * Every piece of code in one Markdown body (.md: groups, events). Astro passes raw HTML in
 * Markdown through to the page, so a body holds no HTML at all, and no link that runs code.
 * @param {string} file shown to the editor
 * @param {string} source the file's text
 * @returns {string[]}
 */
export function codeInMarkdown(file, source) {
  // The front matter is data, checked by its schema: blank it out, keeping the line numbers.
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, (front) => front.replace(/[^\n]/g, ''));
  const problems = [];
  const visit = (node) => {
    if (node.type === 'html') {
      problems.push(`${at(file, node)}: ${short(node.value.trim())} is HTML, en HTML kan code uitvoeren. Schrijf gewone tekst; een link schrijf je als [tekst](https://...).`);
    } else if (['link', 'image', 'definition'].includes(node.type)) {
      const problem = codeLink(file, node);
      if (problem) problems.push(problem);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(markdownToMdast(body, { trackPositions: true }));
  return problems;
}

/** Every file with one of these extensions under a folder, sorted. */
function contentFiles(dir, extension) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/**
 * Every problem in every MDX and Markdown body under src/content of the project at `root`.
 * @param {string} root the project folder
 */
export function checkContentCode(root) {
  const componentsDir = join(root, 'src/components/content');
  const components = contentComponents(componentsDir);
  const content = join(root, 'src/content');
  return [
    ...contentFiles(content, '.mdx').flatMap((absolutePath) =>
      codeInContent(relative(root, absolutePath), readFileSync(absolutePath, 'utf8'), { absolutePath, componentsDir, components })),
    ...contentFiles(content, '.md').flatMap((absolutePath) =>
      codeInMarkdown(relative(root, absolutePath), readFileSync(absolutePath, 'utf8'))),
  ];
}

/**
 * Astro integration: the check runs before the build, the dev server and `astro check`
 * compile anything, so no expression in a content body is ever evaluated.
 * @returns {import('astro').AstroIntegration}
 */
export function contentWithoutCode() {
  return {
    name: 'ifg:content-without-code',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const problems = checkContentCode(fileURLToPath(config.root));
        if (problems.length) {
          throw new Error(`Code in de inhoud: de bouw stopt, er is niets uitgevoerd.\n- ${problems.join('\n- ')}`);
        }
      },
    },
  };
}
