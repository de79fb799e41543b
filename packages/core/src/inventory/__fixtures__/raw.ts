// Minimal valid Kubernetes documents for normaliser tests, written the way a manifest would be.
import type { RawDocument } from '../documents.js';
import { normalizeDocuments, type NormalizeResult } from '../normalize.js';

export const podSpec = (image = 'public.ecr.aws/nginx/nginx:1.27') => ({ containers: [{ name: 'main', image }] });

export const template = (labels: Record<string, string> = { app: 'web' }) => ({ metadata: { labels }, spec: podSpec() });

export function object(apiVersion: string, kind: string, name: string, namespace?: string, rest: Record<string, unknown> = {}) {
  return { apiVersion, kind, metadata: namespace === undefined ? { name } : { name, namespace }, ...rest };
}

export const deployment = (name: string, namespace?: string, spec: Record<string, unknown> = {}) =>
  object('apps/v1', 'Deployment', name, namespace, { spec: { template: template({ app: name }), ...spec } });

/** Each value becomes one document of inventory.yaml, on line 10 × its position, so lines are easy to predict. */
export function documents(...values: unknown[]): RawDocument[] {
  return values.map((value, i) => ({ value, origin: { file: 'inventory.yaml', line: (i + 1) * 10 } }));
}

export const normalize = (...values: unknown[]): NormalizeResult => normalizeDocuments(documents(...values));
