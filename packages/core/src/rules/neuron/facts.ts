import { AMD64, nodePoolRequest, ON_DEMAND, type NodePoolRequest } from '../../analysis/node-pool-requests.js';

/** §2 Neuron row: the families Auto Mode lists. */
export function neuronPool(limits: Record<string, string>): NodePoolRequest {
  return nodePoolRequest(
    'neuron',
    'neuron',
    [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['inf1', 'inf2', 'trn1', 'trn1n', 'trn2'] }, AMD64, ON_DEMAND],
    { key: 'aws.amazon.com/neuron', effect: 'NoSchedule' },
    limits,
  );
}
