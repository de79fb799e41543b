// Every assumption behind the estimate, said in every output: a number without its assumptions is
// one nobody should put in front of a manager.
import { MAX_PODS_PER_NODE } from './pack.js';
import type { PriceFile } from './price-file.js';
import { RUN_TIME_ANNOTATION } from './run-time.js';

export function assumptionsFor(o: {
  prices: PriceFile;
  spotPools: boolean;
  spotWithoutPrices: boolean;
  jobsPriced: boolean;
  jobsWithoutRunTime: boolean;
}): string[] {
  const fee = o.prices.autoModeFee;
  const list = [
    `Prices: ${o.prices.region}, as of ${o.prices.asOf}, list prices in USD (no Savings Plans, Reserved Instances or credits); 730 hours a month.`,
    'Pods per workload: the HorizontalPodAutoscaler’s minReplicas where one scales it, else spec.replicas; a bare Pod is one pod.',
    'Fargate: each pod billed for the smallest vCPU/memory combination that holds its requests plus 256 MB (0.25 vCPU / 0.5 GB when nothing is requested), plus ephemeral storage above the 20 GB included.',
    `Auto Mode: pods packed onto the cheapest instance types each NodePool allows, at most ${MAX_PODS_PER_NODE} pods a node; every node carries every DaemonSet pod that runs on Auto Mode and the kubelet’s reserve (allocatable capacity from the price file).`,
    `Auto Mode fee: ${fee.note ? fee.note : `${fee.percentOfOnDemand} % of the On-Demand price`}${Object.values(o.prices.instances).some((i) => i.autoModeFeeHour !== undefined) ? '; per-type fees from the price file where it gives one' : ''}.`,
    'Left out on both sides: EBS volumes, load balancers, data transfer, NAT and the cluster fee (the same either way).',
  ];
  // Jobs are priced only with a run time the operator gave; how each side bills part of a month is an assumption of its own.
  if (o.jobsPriced)
    list.push(
      `Jobs and CronJobs: priced for the run time given (--job-hours or the annotation ${RUN_TIME_ANNOTATION}), in pod-hours a month. On Fargate each pod run is billed per second, rounded up, with a one-minute minimum when the number of runs is given (third-party reported). On Auto Mode their pods share the pool’s nodes while they run: each pays the share of a node it takes when packed in with the pool’s other pods, for its hours only (a pool with nothing else gives it whole nodes); node start-up time and consolidation delays are not counted.`,
    );
  if (o.jobsWithoutRunTime)
    list.push(
      `Jobs and CronJobs without a run time are not priced on either side: give one with --job-hours <namespace>/<name>=<hours a month> or the annotation ${RUN_TIME_ANNOTATION}.`,
    );
  if (o.spotPools) {
    list.push(
      o.spotWithoutPrices
        ? 'Spot: the price file has no Spot prices, so Spot pools are priced On-Demand (Spot discount not included).'
        : 'Spot: Spot pools priced at the price file’s Spot prices.',
    );
  }
  return list;
}
