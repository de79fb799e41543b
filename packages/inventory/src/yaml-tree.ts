import type { Document, Node as YamlNode } from 'yaml';

/**
 * At most this many aliases in one document. Kubernetes manifests rarely use any (kubectl and Helm
 * never write them); the YAML library resolves each alias by scanning the whole document, so many
 * thousands of them cost quadratic time before any expansion limit is reached.
 */
export const MAX_ALIASES_PER_DOCUMENT = 1000;

export interface TreeFindings {
  /** Offsets of keys that repeat an earlier key of the same mapping. */
  duplicateKeys: number[];
  /** The offset of the first alias that names no earlier anchor, if any. */
  unresolvedAlias: number | null;
  /** The offset of the alias that went over MAX_ALIASES_PER_DOCUMENT, if any. */
  tooManyAliases: number | null;
}

type Library = typeof import('yaml');

/**
 * One walk over a composed document, in document order, linear in its size. It does the checks the
 * YAML library would otherwise do (or fail to report usefully): repeated keys (the library's own
 * check compares every key with every earlier one, which took seconds on one large mapping) and
 * aliases that point nowhere (the library's error names the alias, which may be a Secret's value).
 */
export function inspectDocument(library: Library, doc: Document.Parsed): TreeFindings {
  const { isAlias, isMap, isPair, isScalar, isSeq } = library;
  const found: TreeFindings = { duplicateKeys: [], unresolvedAlias: null, tooManyAliases: null };
  const anchors = new Set<string>();
  let aliases = 0;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const item = stack.pop();
    if (isPair(item)) {
      const pair = item;
      stack.push(pair.value, pair.key);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const node = item as YamlNode;
    if (isAlias(node)) {
      aliases++;
      const at = node.range?.[0] ?? 0;
      if (aliases > MAX_ALIASES_PER_DOCUMENT && found.tooManyAliases === null) found.tooManyAliases = at;
      if (!anchors.has(node.source) && found.unresolvedAlias === null) found.unresolvedAlias = at;
      continue;
    }
    if (node.anchor) anchors.add(node.anchor);
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const text = `${typeof key.value}:${String(key.value)}`;
          if (keys.has(text)) found.duplicateKeys.push(key.range?.[0] ?? 0);
          keys.add(text);
        }
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return found;
}
