// What becomes of a DaemonSet going to Fargate, which runs none: one decision, read by the rule that
// says so (fargate-daemonsets, fargate-windows, fargate-log-agents) and by everything that counts what
// stays (a DaemonSet that cannot follow stays like any blocked workload).
import type { Workload } from '../inventory/types.js';
import { classifyAgent, type AgentClass } from './agents.js';
import { arm64Evidence, gpuEvidence, neuronEvidence, windowsEvidence } from './evidence.js';
import { hostNeeds } from './host-needs.js';

export type DaemonSetFate =
  /** Windows nodes stay, and the DaemonSet with them (fargate-windows). */
  | { kind: 'windows' }
  /** Replaced by Fargate's built-in log router (fargate-log-agents). */
  | { kind: 'log-shipper'; agent: AgentClass }
  /** Node infrastructure: nothing to do on Fargate, retired with the last EC2 nodes. */
  | { kind: 'retire'; agent: AgentClass }
  /** Runs only on nodes that cannot move (GPU, Neuron, Arm): stays with them. */
  | { kind: 'pinned'; agent: AgentClass; evidence: string }
  /** Needs the node itself: cannot become a sidecar, stays on the EC2 capacity that remains. */
  | { kind: 'needs-node'; agent: AgentClass; needs: string[] }
  /** Watches pods: becomes a sidecar of the pods it observes. */
  | { kind: 'sidecar'; agent: AgentClass };

export function daemonSetFate(w: Workload): DaemonSetFate {
  const spec = w.template.spec;
  if (windowsEvidence(spec)) return { kind: 'windows' };
  const agent = classifyAgent(w);
  if (agent.role === 'log-shipper') return { kind: 'log-shipper', agent };
  if (agent.role === 'node-infrastructure') return { kind: 'retire', agent };
  const pinned = gpuEvidence(spec) ?? neuronEvidence(spec) ?? arm64Evidence(spec);
  if (pinned) return { kind: 'pinned', agent, evidence: pinned };
  const needs = hostNeeds(spec);
  return needs.length > 0 ? { kind: 'needs-node', agent, needs } : { kind: 'sidecar', agent };
}

/** Whether the DaemonSet stays on the EC2 capacity it runs on, as a blocked workload does. */
export function daemonSetStays(fate: DaemonSetFate): boolean {
  switch (fate.kind) {
    case 'windows':
    case 'pinned':
    case 'needs-node':
      return true;
    case 'log-shipper':
    case 'retire':
    case 'sidecar':
      return false;
  }
}
