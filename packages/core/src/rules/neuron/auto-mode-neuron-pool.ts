import { sortedClone } from '../../util/sorted-clone.js';
import { NEURON_RESOURCES, needsNeuron } from '../../placement/pod-needs.js';
import type { Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { onReplacedKarpenterPool } from '../../analysis/karpenter.js';
import { describeWorkload } from '../../analysis/workload.js';
import { neuronPool } from './facts.js';
import { perPod, poolFindings } from '../../analysis/pool-findings.js';

/** Inferentia and Trainium workloads get an Auto Mode Neuron NodePool (aws-facts §2 Neuron row). */
export const autoModeNeuronPoolRule: Rule = {
  id: 'auto-mode-neuron-pool',
  title: 'Neuron NodePool',
  capability: 'neuron',
  targets: ['auto-mode'],
  check(ctx) {
    const users = movers(ctx).filter((w) => needsNeuron(w.template.spec) && !onReplacedKarpenterPool(ctx, w));
    if (users.length === 0) return [];
    const limits: Record<string, string> = {};
    for (const resource of NEURON_RESOURCES) {
      const total = users.reduce((sum, w) => sum + perPod(w, resource) * Math.max(w.replicas ?? 1, 1), 0);
      if (total > 0) limits[resource] = String(total);
    }
    const pool = sortedClone(neuronPool(limits));
    return users.flatMap((w) =>
      poolFindings(
        w,
        pool,
        `${describeWorkload(w)} requests AWS Neuron devices; Auto Mode runs it on a NodePool of Inferentia/Trainium instances.`,
        `The plan adds NodePool ${pool.name} (inf1, inf2, trn1, trn1n, trn2; on-demand; tainted aws.amazon.com/neuron:NoSchedule). Do not install the Neuron device plugin on Auto Mode nodes.`,
      ),
    );
  },
};
