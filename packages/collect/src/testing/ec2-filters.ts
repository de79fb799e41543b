// EC2's Filter.N.Name / Filter.N.Value.M parameters, applied to the fake's data the way EC2 documents
// them: a resource matches when every filter has some value matching (values ORed, filters ANDed),
// values may use the * and ? wildcards, and a filter name the resource type does not know is an error.
import type { Json } from './data.js';

export interface Ec2Filter {
  name: string;
  values: string[];
}

export type Ec2Resource = 'security-group' | 'subnet';

/** The filters of a Query request, in the order sent. */
export function filtersOf(params: Record<string, string>): Ec2Filter[] {
  const filters = new Map<number, Ec2Filter>();
  for (const [key, value] of Object.entries(params)) {
    const match = /^Filter\.(\d+)\.(Name|Value\.\d+)$/.exec(key);
    if (!match) continue;
    const n = Number(match[1]);
    const filter = filters.get(n) ?? { name: '', values: [] };
    filters.set(n, filter);
    if (match[2] === 'Name') filter.name = value;
    else filter.values.push(value);
  }
  return [...filters.entries()].sort(([a], [b]) => a - b).map(([, filter]) => filter);
}

const ID_FILTER: Record<Ec2Resource, [string, string]> = { 'security-group': ['group-id', 'GroupId'], subnet: ['subnet-id', 'SubnetId'] };

/** What a filter compares against on one resource; null when EC2 would reject the filter name. */
function candidates(resource: Ec2Resource, item: Json, name: string): string[] | null {
  const tags = Array.isArray(item.Tags) ? (item.Tags as { Key: string; Value: string }[]) : [];
  if (name === ID_FILTER[resource][0]) return [String(item[ID_FILTER[resource][1]])];
  if (name === 'vpc-id') return [String(item.VpcId)];
  if (name === 'group-name' && resource === 'security-group') return [String(item.GroupName)];
  if (name === 'tag-key') return tags.map((tag) => tag.Key);
  if (name.startsWith('tag:')) return tags.filter((tag) => tag.Key === name.slice('tag:'.length)).map((tag) => tag.Value);
  return null;
}

const wildcard = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );

/** The items every filter matches, or the name of the first filter EC2 would call invalid. */
export function applyFilters(resource: Ec2Resource, items: readonly Json[], filters: readonly Ec2Filter[]): Json[] | { invalid: string } {
  for (const filter of filters) if (candidates(resource, {}, filter.name) === null) return { invalid: filter.name };
  const compiled = filters.map((filter) => ({ name: filter.name, patterns: filter.values.map(wildcard) }));
  return items.filter((item) =>
    compiled.every(({ name, patterns }) => (candidates(resource, item, name) ?? []).some((value) => patterns.some((p) => p.test(value)))),
  );
}
