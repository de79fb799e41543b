import type { NotCollected } from '@modeshift/core';

export interface CollectOptions {
  /** The inventory directory to write. Must not exist, be empty, or `force` must be set. */
  out: string;
  /** Kube context; defaults to the kubeconfig's current context. */
  context?: string;
  /** Kubeconfig file; defaults to $KUBECONFIG (a path list) and then ~/.kube/config. */
  kubeconfig?: string;
  /** EKS cluster name; defaults from the context (EKS ARN, or the `aws eks get-token` arguments). */
  cluster?: string;
  region?: string;
  profile?: string;
  /** Replace a non-empty --out directory. */
  force?: boolean;
  /** Bound on each single HTTP request (default 15 s). */
  timeoutMs?: number;
  /** Most HTTP requests in flight at once, per API (default 4). */
  concurrency?: number;
  /** Items per Kubernetes list page (default 500). */
  pageSize?: number;
  /**
   * Most items one Kubernetes list may hold (default 1,000,000). With pageSize it caps the pages per
   * list, so a server whose continue tokens never end cannot keep the collect going.
   */
  maxItemsPerKind?: number;
  /**
   * Bound on the whole collect, from the first request to the last file (default 10 minutes). When it
   * passes, the collect stops with an API error naming what it was still waiting for.
   */
  deadlineMs?: number;
  /** First retry delay for 429/5xx; doubles per attempt with jitter (default 250 ms). */
  retryBaseMs?: number;
  /** Aborting it stops the collect and removes anything half-written. */
  signal?: AbortSignal;
  /** Where KUBECONFIG, HOME, AWS_* are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export type NotCollectedEntry = NotCollected;

export interface CollectReport {
  /** Absolute path of the directory written. */
  out: string;
  context: string;
  cluster: { name: string; region: string };
  /** When reading started (RFC 3339, whole seconds, UTC), as written to collection.json. */
  collectedAt: string;
  /** Objects collected per kind (Kubernetes kinds and AWS resources), keys sorted. */
  counts: Record<string, number>;
  notCollected: NotCollectedEntry[];
  /** Files written, relative to `out`, sorted. */
  files: string[];
}

export type ProgressEvent =
  | { type: 'phase'; phase: 'kubernetes' | 'aws' | 'writing' }
  /** A running total for a kind, sent after each page. `kind` is the KindSpec's label. */
  | { type: 'count'; kind: string; count: number }
  | { type: 'done'; kind: string; count: number }
  | { type: 'not-collected'; entry: NotCollectedEntry };

export type ProgressListener = (event: ProgressEvent) => void;
