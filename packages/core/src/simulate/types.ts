import type { Effect } from '@modeshift/plan';

/** The properties a plan must keep after every step, assuming any pod may restart at that moment. */
export type Invariant = 'capacity' | 'dns' | 'load-balancers' | 'security-groups' | 'identity' | 'logs' | 'network-policy' | 'end-state';

export const INVARIANTS: readonly Invariant[] = ['capacity', 'dns', 'load-balancers', 'security-groups', 'identity', 'logs', 'network-policy', 'end-state'];

export interface Violation {
  /** The step after which the invariant no longer holds. */
  step: string;
  invariant: Invariant;
  /** "Deployment/shop/cart", "Service/payments-eu/payments-api", "FargateProfile/shop". */
  resource: string;
  /** What breaks, in a sentence. */
  breaks: string;
  /** Why, in a sentence: the change that caused it. */
  because: string;
}

export interface StepReplay {
  step: string;
  title: string;
  /** What the step changed, one line per effect. */
  changes: string[];
  violations: Violation[];
}

export interface Simulation {
  verdict: 'holds' | 'broken';
  /** Steps in the order they were replayed. */
  steps: StepReplay[];
  violations: Violation[];
}

export type { Effect };
