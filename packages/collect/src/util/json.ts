// Readers for Kubernetes objects the collector only passes through: a missing or mistyped field reads
// as empty, so one odd object never stops a collect.
export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
