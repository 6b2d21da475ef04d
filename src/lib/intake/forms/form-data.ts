/**
 * Turns urlencoded form data with dotted names (`adults.0.role`) into the nested object
 * the schemas expect. A name that is not a plain path (odd characters, `__proto__`, an
 * index over 99) stays a flat key, so the strict schema reports it as an unknown field.
 */
const SEGMENT = /^[A-Za-z][A-Za-z0-9]{0,40}$/;
const INDEX = /^\d{1,2}$/;
const MAX_FIELDS = 400;

type Tree = Record<string, unknown>;

export function decodeForm(params: URLSearchParams, multiFields: readonly string[] = []): Tree | null {
  const root: Tree = {};
  let count = 0;
  for (const [name, value] of params) {
    if (++count > MAX_FIELDS) return null;
    const parts = name.split('.');
    const plain = parts.every((p, i) => (i === 0 ? SEGMENT.test(p) : SEGMENT.test(p) || INDEX.test(p)));
    if (!plain) {
      Object.defineProperty(root, name, { value, enumerable: true, configurable: true, writable: true });
      continue;
    }
    let node: Tree | unknown[] = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i];
      const wantArray = INDEX.test(parts[i + 1]);
      const current = (node as Tree)[key];
      if (current === undefined) (node as Tree)[key] = wantArray ? [] : {};
      else if (typeof current !== 'object' || Array.isArray(current) !== wantArray) return null;
      node = (node as Tree)[key] as Tree;
    }
    const leaf = parts[parts.length - 1];
    const existing = (node as Tree)[leaf];
    if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return null;
    if (multiFields.includes(name)) (node as Tree)[leaf] = [...((existing as string[]) ?? []), value];
    else if (existing !== undefined) (node as Tree)[leaf] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    else (node as Tree)[leaf] = value;
  }
  for (const name of multiFields) if (!(name in root)) root[name] = [];
  return root;
}

/** The reverse: a nested value as dotted name/value pairs, for hidden fields on the check page. */
export function encodeForm(value: unknown, prefix = ''): Array<[string, string]> {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => (typeof item === 'object' ? encodeForm(item, `${prefix}.${i}`) : [[prefix, String(item)] as [string, string]]));
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => encodeForm(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, String(value)]];
}
