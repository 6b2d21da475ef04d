// js-yaml ships no types and @types/js-yaml is not installed: the tests only need `load`.
declare module 'js-yaml' {
  /** Parses one YAML document (dates become Date, as in Astro's frontmatter). */
  export function load(text: string): unknown;
  const yaml: { load: typeof load };
  export default yaml;
}
