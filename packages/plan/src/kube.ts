// Part of @modeshift/plan: `modeshift stack` copies this file unchanged into generated projects, so it
// imports nothing outside this package.
// The Kubernetes shapes a plan carries inside findings' actions. Field names follow the Kubernetes API.

export type StringMap = Record<string, string>;

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: StringMap;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
