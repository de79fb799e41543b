/**
 * Template placeholders left in an object's strings (`$NAME`, `${NAME}`, `{{ .Values.x }}`): an inventory read
 * from manifests rather than the cluster holds them where the cluster holds values. Upper-case `$NAME` only,
 * so nginx-style `$host` or `$1` in an annotation are not taken for one.
 */
const PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Z_][A-Z0-9_]*\b|\{\{[^}]*\}\}/g;

/** The distinct placeholders in the object's strings (keys included), in the order first met. */
export function unrenderedPlaceholders(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(PLACEHOLDER)) found.add(m[0]);
    } else if (Array.isArray(v)) {
      for (const item of v) visit(item);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        visit(k);
        visit(item);
      }
    }
  };
  visit(value);
  return [...found];
}
