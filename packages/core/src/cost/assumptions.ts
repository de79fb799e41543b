// Every assumption behind the estimate, said in every output: a number without its assumptions is
// one nobody should put in front of a manager.
import { MAX_PODS_PER_NODE } from './pack.js';
import type { PriceFile } from './price-file.js';

export function assumptionsFor(o: { prices: PriceFile; spotPools: boolean; spotWithoutPrices: boolean }): string[] {
  const fee = o.prices.autoModeFee;
  const list = [
    `Prices: ${o.prices.region}, as of ${o.prices.asOf}, list prices in USD (no Savings Plans, Reserved Instances or credits); 730 hours a month.`,
    'Pods per workload: the HorizontalPodAutoscaler’s minReplicas where one scales it, else spec.replicas; a bare Pod is one pod.',
    'Fargate: each pod billed for the smallest vCPU/memory combination that holds its requests plus 256 MB (0.25 vCPU / 0.5 GB when nothing is requested), plus ephemeral storage above the 20 GB included.',
    `Auto Mode: pods packed onto the cheapest instance types each NodePool allows, at most ${MAX_PODS_PER_NODE} pods a node; every node carries every DaemonSet pod that runs on Auto Mode and the kubelet’s reserve (allocatable capacity from the price file).`,
    `Auto Mode fee: ${fee.note ? fee.note : `${fee.percentOfOnDemand} % of the On-Demand price`}${Object.values(o.prices.instances).some((i) => i.autoModeFeeHour !== undefined) ? '; per-type fees from the price file where it gives one' : ''}.`,
    'Left out on both sides: EBS volumes, load balancers, data transfer, NAT and the cluster fee (the same either way).',
  ];
  if (o.spotPools) {
    list.push(
      o.spotWithoutPrices
        ? 'Spot: the price file has no Spot prices, so Spot pools are priced On-Demand (Spot discount not included).'
        : 'Spot: Spot pools priced at the price file’s Spot prices.',
    );
  }
  return list;
}
