// The shapes of the model's parts that screens read; the behaviour is in model.ts.
import type { LoadResult } from '@modeshift/inventory';
import type { LoadedState } from './state-file.js';
import type { VerifyResult } from './verify-runner.js';

export type Notice =
  | { kind: 'state-problem'; path: string; loaded: Extract<LoadedState, { kind: 'corrupt' | 'foreign' }> }
  | { kind: 'plan-changed'; added: string[]; gone: string[]; goneWithProgress: string[]; carried: number };

export interface SourceState {
  view: 'menu' | 'path' | 'loading' | 'loaded' | 'collecting';
  cursor: number;
  path: string;
  completions: string[];
  paths: string[];
  result: LoadResult | null;
  error: string | null;
  progress: string;
}

export interface WalkState {
  cursor: number;
  detail: boolean;
  scroll: number;
  mode: 'browse' | 'note' | 'confirm' | 'running' | 'result';
  note: string;
  result: VerifyResult | null;
}
