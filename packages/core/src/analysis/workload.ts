// How rules of both directions name a workload in messages and recognise CoreDNS.
import type { Workload } from '../inventory/types.js';

/** "Deployment shop/web": the workload as findings name it. */
export const describeWorkload = (w: Workload) => `${w.kind} ${w.metadata.namespace}/${w.metadata.name}${w.operator?.part ? ` (${w.operator.part})` : ''}`;

/** CoreDNS is moved by its own capacity step (the coredns rules), never as an ordinary workload. */
export const isCoreDns = (w: Workload) => w.kind === 'Deployment' && w.metadata.namespace === 'kube-system' && w.metadata.name === 'coredns';
