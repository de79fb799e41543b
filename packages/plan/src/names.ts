// Part of @modeshift/plan: `modeshift stack` copies this file unchanged into generated projects, so it
// imports nothing outside this package.
// Naming and small string helpers. Names derive from plan content only, never from position or time,
// so the same plan always registers the same resources and a second `pulumi up` changes nothing.

/** A DNS-label-ish fragment for step ids and object names: lower case, [a-z0-9-]. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

const PLACEHOLDER = /<[a-z][a-z0-9-]*>/g;

/** True for the planner's `<what>` placeholders: values an operator must fill in. */
export function isPlaceholder(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '' || /^<[^>]*>$/.test(value.trim());
}

/** Every distinct `<what>` placeholder inside a JSON-like value, sorted. */
export function placeholdersIn(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.match(PLACEHOLDER) ?? []) found.add(m);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return [...found].sort();
}

/** A copy with each placeholder replaced by its value; placeholders without a value are kept. */
export function fillPlaceholders<T>(value: T, values: Readonly<Record<string, string>>): T {
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(PLACEHOLDER, (m) => values[m] ?? m);
    if (Array.isArray(v)) return v.map(fill);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(value) as T;
}

/** `Kind/namespace/name` → namespace; the plan's workload keys. */
export function namespaceOfWorkload(key: string): string | null {
  const parts = key.split('/');
  return parts.length === 3 ? (parts[1] ?? null) : null;
}

/** Resource name for a Kubernetes object: kind, namespace and name, all of which Kubernetes keeps stable. */
export function kubernetesLogicalName(object: Record<string, unknown>): string {
  const meta = (object['metadata'] ?? {}) as { name?: string; namespace?: string };
  const kind = (typeof object['kind'] === 'string' ? object['kind'] : 'object').toLowerCase();
  return [kind, meta.namespace, meta.name].filter((x): x is string => typeof x === 'string' && x !== '').join('-');
}
