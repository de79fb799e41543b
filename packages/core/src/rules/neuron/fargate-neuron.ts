import type { Rule } from '../engine/types.js';
import { neuronEvidence } from '../../analysis/evidence.js';
import { describeWorkload } from '../../analysis/workload.js';
import { keepsCapacity, stayDraft } from '../../analysis/stay-drafts.js';
import { blockedBy } from '../../analysis/fargate-scope.js';

/** Inferentia and Trainium are not available on Fargate; those pods keep their EC2 capacity. */
export const fargateNeuronRule: Rule = {
  id: 'fargate-neuron',
  title: 'Neuron (Inferentia, Trainium)',
  capability: 'neuron',
  targets: ['fargate'],
  check(ctx, row) {
    return blockedBy(ctx, 'neuron').flatMap((w) => {
      const evidence = neuronEvidence(w.template.spec);
      if (!evidence) return [];
      // A toleration alone allows GPU nodes without requiring them: say how to clear a false alarm.
      const hint = evidence.startsWith('it tolerates') ? ' If it does not need Neuron devices, remove the toleration and plan again.' : '';
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} cannot run on Fargate: ${evidence}. ${row.summary}`,
          `${keepsCapacity(ctx, w, 'a NodePool with inf or trn instances')}${hint}`,
        ),
      ];
    });
  },
};
