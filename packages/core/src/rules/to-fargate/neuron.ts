import type { Rule } from '../types.js';
import { describeWorkload, neuronEvidence } from './detect.js';
import { keepsCapacity, stayDraft } from './drafts.js';
import { blockedBy } from './scope.js';

/** Inferentia and Trainium are not available on Fargate; those pods keep their EC2 capacity. */
export const fargateNeuron: Rule = {
  id: 'fargate-neuron',
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
