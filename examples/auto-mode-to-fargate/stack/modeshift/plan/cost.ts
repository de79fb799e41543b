// Part of @modeshift/plan: shipped unchanged into generated projects, so it imports nothing outside this package.
import type { Mode, SourceMode } from './capabilities.js';

/** Monthly amounts in the price file's currency, rounded to cents. */
export interface NamespaceCost {
  namespace: string;
  source: number;
  target: number;
}

export interface WaveCost {
  /** The wave's step id. */
  step: string;
  namespaces: string[];
  source: number;
  target: number;
}

/** How one Auto Mode NodePool's pods were packed onto instances, and how close that is to the cheapest possible. */
export interface PoolPacking {
  side: 'source' | 'target';
  pool: string;
  nodes: { type: string; count: number }[];
  pods: number;
  monthly: number;
  /** The cheapest price per vCPU and per GiB the pool allows, times the pods' requests: no packing can cost less. */
  lowerBound: number;
  /** monthly ÷ lowerBound (1 is perfect). */
  efficiency: number;
  /** Capacity type of the pool; Spot without Spot prices is priced On-Demand. */
  capacity: 'on-demand' | 'spot';
}

/** How long a Job or CronJob runs a month, as the operator gave it (`--job-hours` or the annotation). */
export interface RunTimeUsed {
  workload: string;
  /** Pod-hours a month: all runs and all their pods together. */
  hoursPerMonth: number;
  /** Pod runs a month, when given as runs times their length; null when only hours were given. */
  runs: number | null;
  from: 'option' | 'annotation';
}

export interface CostEstimate {
  currency: 'USD';
  hoursPerMonth: number;
  prices: { region: string; asOf: string; sources: string[] };
  source: { mode: SourceMode; monthly: number };
  target: { mode: Mode; monthly: number; monthlySpot?: number };
  byNamespace: NamespaceCost[];
  byWave: WaveCost[];
  packing: PoolPacking[];
  /** The Jobs and CronJobs priced, each for the run time given; the others are in `excluded`, saying how to give one. */
  runTimes: RunTimeUsed[];
  /** Jobs and CronJobs left out for want of a usable run time (each also in `excluded`, saying how to give one). */
  withoutRunTime: string[];
  excluded: { workload: string; reason: string }[];
  assumptions: string[];
}

/** The plan's cost section: an estimate, or why none could be made. */
export type PlanCost = { estimate: CostEstimate; unavailable: null } | { estimate: null; unavailable: string };
