import type { Manifest, Mode, Plan, StepProgress } from '@modeshift/core';
import type { LoadResult } from '@modeshift/inventory';
import type { VerifyResult } from './verify-runner.js';

/** A bundled inventory the Source screen offers. */
export interface Example {
  label: string;
  paths: string[];
  /** Where progress on it is saved (outside the repository that ships it), wherever it is opened from. */
  statePath: string;
}

/** Everything the wizard does to the outside world besides its state file, so tests can stand in for it. */
export interface WizardDeps {
  cwd: string;
  load(paths: string[]): Promise<LoadResult>;
  examples: Example[];
  /** Reads the current kube context into `out`; absent until a collector is available. */
  collect?: (out: string, onProgress: (text: string) => void) => Promise<void>;
  runVerify(command: string, signal?: AbortSignal): Promise<VerifyResult>;
  writeFile(path: string, text: string): void;
  /**
   * Puts text on the terminal's clipboard with the OSC 52 escape; false where there is no terminal to ask.
   * Whether the terminal honours it cannot be read back, so the wizard keeps a file as well.
   */
  copyToClipboard?: (text: string) => boolean;
  /** The user's home directory, to show paths under it as ~/…; absent where there is none. */
  home?: string;
  renderJson(plan: Plan): string;
  /** Absent when the caller offers no Markdown export (the bench); the Export screen then says so. */
  renderMarkdown?: (plan: Plan, options: { progress: Record<string, StepProgress> }) => string;
  /** Absent when the caller offers no stack export (the bench). Resolves to a one-line report. */
  exportStack?: (request: { paths: string[]; target: Mode; clusterVersion: string | null; out: string }) => Promise<string>;
  /** `modeshift export` into a directory: kustomize folders of the plan's Kubernetes changes. */
  exportKustomize?: (request: { paths: string[]; target: Mode; clusterVersion: string | null; out: string }) => Promise<string>;
  /** A manifest as the operator would save it (redacted where the renderer redacts). */
  manifestText: (manifest: Manifest) => string;
}

/** What the command line asked for. */
export interface WizardInit {
  paths?: string[];
  target?: Mode;
  clusterVersion?: string | null;
  statePath?: string;
}

export interface Size {
  columns: number;
  rows: number;
}
