import { UserError } from '../errors.js';
import type { Plan, Step } from '@modeshift/plan';
import type { RuleContext } from '../rules/engine/types.js';
import { applyEffect, emptyImpact, type Impact } from './apply.js';
import { describeEffect } from './describe.js';
import { ingressServer, serviceServer, unserved } from './load-balancers.js';
import type { Ownership } from '../analysis/load-balancer-owner.js';
import { COREDNS, ClusterModel, type SimWorkload } from './model.js';
import { baselineOf, logCache, needsCoreDns, podProblems, where, type LogCache } from './pod-checks.js';
import type { Invariant, Simulation, StepReplay, Violation } from './types.js';

/**
 * Steps in the order they can run: every step after the steps it depends on (across stages), ties
 * broken by plan order. A dependency on a step the plan does not have is bad input, as is a cycle.
 */
export function replayOrder(plan: Plan): Step[] {
  const steps = plan.stages.flatMap((s) => s.steps);
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const waiting = steps.map(() => 0);
  const dependents = steps.map((): number[] => []);
  steps.forEach((step, i) => {
    for (const dep of new Set(step.dependsOn)) {
      const j = index.get(dep);
      if (j === undefined) throw new UserError('input', `step ${step.id} depends on ${dep}, which the plan does not have`);
      waiting[i]! += 1;
      dependents[j]!.push(i);
    }
  });
  // Ready steps by plan position; a sorted insert keeps it simple and plans have few ready steps at once.
  const ready = steps.flatMap((_, i) => (waiting[i] === 0 ? [i] : []));
  const order: Step[] = [];
  while (ready.length > 0) {
    const i = ready.shift()!;
    order.push(steps[i]!);
    for (const d of dependents[i]!) {
      waiting[d]! -= 1;
      if (waiting[d] === 0) ready.splice(sortedIndex(ready, d), 0, d);
    }
  }
  if (order.length < steps.length) {
    const stuck = steps.filter((_, i) => waiting[i]! > 0).map((s) => s.id);
    throw new UserError('input', `the plan's steps depend on each other in a cycle: ${stuck.slice(0, 5).join(', ')}`);
  }
  return order;
}

function sortedIndex(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Problems that hold now, by `invariant|resource`: reported when they appear, not on every later step. */
type Problems = Map<string, { invariant: Invariant; resource: string; breaks: string }>;

/** The order a workload's own problems are reported in. */
const POD_INVARIANTS = ['capacity', 'security-groups', 'identity', 'logs', 'network-policy'] as const;

class Replayer {
  readonly model: ClusterModel;
  private logs: LogCache;
  /** The cluster-wide problems that hold now (dns, load balancers). */
  private readonly current: Problems = new Map();
  /** Each workload's own problems that hold now, by invariant; workloads without any are absent. */
  private readonly podCurrent = new Map<string, Map<Invariant, string>>();
  private offAutoMode = 0;

  constructor(ctx: RuleContext) {
    this.model = new ClusterModel(ctx);
    this.logs = logCache(this.model);
    this.model.lbcAssumed = this.model.lbc.size === 0 && servedByController(this.model);
    for (const sim of this.model.workloads.values()) {
      sim.now = this.model.capacity.land(sim.workload);
      sim.baseline = baselineOf(this.model, sim, this.logs);
      if (needsCoreDns(sim)) this.offAutoMode++;
    }
    this.model.markBeforePlan();
    // What is already wrong before the first step is the cluster's, not the plan's: it is not reported.
    this.check(emptyImpact(), true, []);
  }

  private relabel(sim: SimWorkload): void {
    if (needsCoreDns(sim)) this.offAutoMode--;
    sim.now = sim.deleted ? { type: 'pending', reason: 'deleted' } : this.model.capacity.land(sim.workload);
    if (needsCoreDns(sim)) this.offAutoMode++;
  }

  private set(key: string, invariant: Invariant, resource: string, breaks: string | null, found: Problems): void {
    const id = `${invariant}|${key}`;
    if (breaks === null) this.current.delete(id);
    else found.set(id, { invariant, resource, breaks });
  }

  /** Re-checks what the impact can have changed; returns the problems that were not there before. */
  check(impact: Impact, everything: boolean, out: Omit<Violation, 'step'>[]): void {
    const found: Problems = new Map();
    const sims = everything || impact.all ? [...this.model.workloads.values()] : this.affected(impact);
    if (impact.all || impact.logs) this.logs = logCache(this.model);
    // Before the first step the pods were landed by the constructor; afterwards every affected one is landed again.
    if (!everything) for (const sim of sims) this.relabel(sim);
    for (const sim of sims) {
      const problems = podProblems(this.model, sim, this.logs);
      const before = this.podCurrent.get(sim.key);
      if (problems.size === 0) {
        if (before) this.podCurrent.delete(sim.key);
        continue;
      }
      if (!everything)
        for (const inv of POD_INVARIANTS) {
          const breaks = problems.get(inv);
          if (breaks !== undefined && before?.has(inv) !== true) out.push({ invariant: inv, resource: sim.key, breaks, because: '' });
        }
      this.podCurrent.set(sim.key, problems);
    }
    const coredns = this.model.workloads.get(COREDNS);
    this.set(
      'cluster',
      'dns',
      COREDNS,
      this.offAutoMode > 0 && !this.model.coreDnsServing()
        ? `${this.offAutoMode} workload${this.offAutoMode === 1 ? '' : 's'} outside Auto Mode would have no cluster DNS: CoreDNS ${coredns?.replicas === 0 ? 'is scaled to 0' : `cannot run (${coredns ? where(coredns.now) : 'missing'})`}`
        : null,
      found,
    );
    this.checkLoadBalancers(everything || impact.loadBalancers || sims.some((s) => this.model.lbc.has(s.key)), impact, found);
    for (const [id, p] of found) {
      if (!this.current.has(id) && !everything) out.push({ invariant: p.invariant, resource: p.resource, breaks: p.breaks, because: '' });
      this.current.set(id, p);
    }
  }

  /** The workloads an impact can have changed; pods a Fargate profile takes do not see EC2 capacity. */
  private affected(impact: Impact): SimWorkload[] {
    const keys = new Set(impact.workloads);
    if (impact.ec2 || impact.logs)
      for (const sim of this.model.workloads.values())
        if ((impact.ec2 && sim.now.type !== 'fargate') || (impact.logs && sim.baseline.logs.length > 0)) keys.add(sim.key);
    return [...keys].flatMap((k) => this.model.workloads.get(k) ?? []);
  }

  private checkLoadBalancers(all: boolean, impact: Impact, found: Problems): void {
    const visit = (kind: 'Service' | 'Ingress', ns: string, name: string) => {
      const key = `${kind}/${ns}/${name}`;
      const server = kind === 'Service' ? this.serviceServer(ns, name) : this.ingressServer(ns, name);
      const why = server ? unserved(this.model, server) : null;
      this.set(key, 'load-balancers', key, why ? `no controller serves its load balancer: ${why}` : null, found);
    };
    if (all) {
      for (const [ns, byName] of this.model.services) for (const name of byName.keys()) visit('Service', ns, name);
      for (const [ns, byName] of this.model.ingresses) for (const name of byName.keys()) visit('Ingress', ns, name);
    }
    for (const key of impact.objects) {
      const [kind, ns = '', name = ''] = key.split('/');
      if (kind === 'Service' || kind === 'Ingress') visit(kind, ns, name);
    }
  }

  /** Who serves the Service's load balancer now, or null when it has none (or is gone). */
  private serviceServer(ns: string, name: string): Ownership | null {
    const svc = this.model.services.get(ns)?.get(name);
    return svc ? serviceServer(this.model, svc) : null;
  }

  private ingressServer(ns: string, name: string): Ownership | null {
    const ing = this.model.ingresses.get(ns)?.get(name);
    return ing ? ingressServer(this.model, ing) : null;
  }

  endState(plan: Plan): Omit<Violation, 'step'>[] {
    const target = plan.to === 'auto-mode' ? 'auto-mode' : 'fargate';
    const out: Omit<Violation, 'step'>[] = [];
    for (const outcome of plan.workloads) {
      if (outcome.outcome !== 'moves' && outcome.outcome !== 'starts') continue;
      const sim = this.model.workloads.get(outcome.workload);
      // A workload with nowhere to run is the capacity invariant's to report.
      if (!sim || sim.deleted || sim.replicas === 0 || sim.now.type === target || sim.now.type === 'pending') continue;
      // A one-off Job left as it is has finished where it ran; only re-creating it would move it (and run it again).
      if (sim.workload.kind === 'Job') continue;
      out.push({
        invariant: 'end-state',
        resource: sim.key,
        breaks: `the plan says it moves to ${target === 'auto-mode' ? 'Auto Mode' : 'Fargate'}, but after the last step its pods land on ${where(sim.now)}`,
        because: 'no step changes what keeps it where it runs',
      });
    }
    for (const paused of this.model.reconciliation.stillPaused())
      out.push({
        invariant: 'end-state',
        resource: paused.resource,
        breaks: `${paused.name} is still paused after the last step: the cluster no longer follows its source`,
        because: 'a sync paused for a wave must be resumed once the source has the change',
      });
    return out;
  }
}

/** Replays the plan's effects on a model of the cluster and checks every invariant after every step. */
export function simulate(ctx: RuleContext, plan: Plan): Simulation {
  const replayer = new Replayer(ctx);
  const steps: StepReplay[] = [];
  const order = replayOrder(plan);
  order.forEach((step, i) => {
    const impact = emptyImpact();
    const changes: string[] = [];
    for (const effect of step.effects) {
      applyEffect(replayer.model, step, effect, impact);
      changes.push(describeEffect(effect));
    }
    const found: Omit<Violation, 'step'>[] = impact.direct.map((d) => ({ ...d }));
    replayer.check(impact, false, found);
    // A loop: a broken plan for a very large estate can leave more workloads than a call takes arguments.
    if (i === order.length - 1) for (const v of replayer.endState(plan)) found.push(v);
    const violations = found.map((v) => ({
      step: step.id,
      invariant: v.invariant,
      resource: v.resource,
      breaks: v.breaks,
      because: v.because || becauseOf(step),
    }));
    steps.push({ step: step.id, title: step.title, changes, violations });
  });
  const violations = steps.flatMap((s) => s.violations);
  return { verdict: violations.length === 0 ? 'holds' : 'broken', steps, violations };
}

/** Whether any load balancer in the inventory is the AWS Load Balancer Controller's: evidence that it runs. */
function servedByController(model: ClusterModel): boolean {
  const controllers = (o: Ownership | null) => o?.owners.length === 1 && o.owners[0] === 'load-balancer-controller';
  for (const byName of model.services.values()) for (const s of byName.values()) if (controllers(serviceServer(model, s))) return true;
  for (const byName of model.ingresses.values()) for (const i of byName.values()) if (controllers(ingressServer(model, i))) return true;
  return false;
}

function becauseOf(step: Step): string {
  return `after "${step.title}", a pod restarted at that moment (Fargate patching, Auto Mode expiry or consolidation) lands this way`;
}
