import type { Effect } from '@modeshift/plan';
import type { Plan, Step } from '@modeshift/plan';
import { IRSA_FROM_POD_IDENTITY, readIrsaFromPodIdentityCall } from './irsa-from-pod-identity.js';
import { functionDefinitionEnd, shellSegments, withoutAssignments } from './shell-segments.js';

/**
 * Whether every command of a step that changes something is covered by one of the step's effects.
 * Read-only commands (get, describe, wait, rollout status, list) and comments change nothing. A
 * command this does not recognise and that is not read-only is reported too: a plan must not do
 * what its effects do not say.
 */
export interface UncoveredCommand {
  step: string;
  command: string;
  /** What the command does, as far as it could be read. */
  action: string;
}

/** What a command does, as a predicate over effects; null for commands that change nothing. */
interface CommandAction {
  action: string;
  coveredBy(effect: Effect): boolean;
}

const READ_ONLY = [
  /^kubectl (get|describe|logs|top|wait|auth can-i|explain|rollout status|rollout history|run dns-check)\b/,
  /^aws [a-z0-9-]+ (describe|list|get|wait)-/,
  /^aws [a-z0-9-]+ wait\b/,
  /^helm (repo|list|status|get|template)\b/,
  /^argocd app (get|list|diff|history)\b/,
  /^flux (get|tree|trace|check|diff)\b/,
];

/** A flag's value: `--name value` or `--name=value`. */
function flag(words: readonly string[], name: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === name) return words[i + 1];
    if (w.startsWith(`${name}=`)) return w.slice(name.length + 1);
  }
  return undefined;
}

const lower = (s: string) => s.toLowerCase();

/** `deployment/coredns`, `deployment coredns` → ["deployment", "coredns"]. */
function kubectlTarget(words: readonly string[], at: number): [string, string] {
  const first = words[at] ?? '';
  if (first.includes('/')) {
    const [kind = '', name = ''] = first.split('/');
    return [lower(kind), name];
  }
  return [lower(first), words[at + 1] ?? ''];
}

/** Workload keys are `Kind/namespace/name`; kubectl says `kind name -n namespace`. */
function workloadMatches(key: string, kind: string, name: string, namespace: string | undefined): boolean {
  const [k = '', ns = '', n = ''] = key.split('/');
  return lower(k) === kind && n === name && (namespace === undefined || ns === namespace);
}

function objectMatches(ref: { kind: string; namespace: string | null; name: string }, kind: string, name: string, namespace: string | undefined): boolean {
  return lower(ref.kind) === kind && ref.name === name && (namespace === undefined || ref.namespace === null || ref.namespace === namespace);
}

function kubectlAction(words: string[]): CommandAction | null {
  const verb = words[1] ?? '';
  const ns = flag(words, '-n') ?? flag(words, '--namespace');
  const file = flag(words, '-f');
  switch (verb) {
    case 'apply':
    case 'create':
      return { action: `apply ${file ?? '?'}`, coveredBy: (e) => e.type === 'create-object' && e.manifest === file };
    case 'patch': {
      const [kind, name] = kubectlTarget(words, 2);
      return {
        action: `patch ${kind} ${name}`,
        coveredBy: (e) =>
          ((e.type === 'patch-pod-template' || e.type === 'restart-workload') && workloadMatches(e.workload, kind, name, ns)) ||
          ((e.type === 'annotate-object' || e.type === 'patch-object') && objectMatches(e.object, kind, name, ns)) ||
          (e.type === 'retire-load-balancer' && objectMatches(e.service, kind, name, ns)),
      };
    }
    case 'annotate':
    case 'label': {
      const [kind, name] = kubectlTarget(words, 2);
      return { action: `${verb} ${kind} ${name}`, coveredBy: (e) => e.type === 'annotate-object' && objectMatches(e.object, kind, name, ns) };
    }
    case 'scale': {
      const [kind, name] = kubectlTarget(words, 2);
      const replicas = Number(flag(words, '--replicas'));
      return {
        action: `scale ${kind} ${name} to ${replicas}`,
        coveredBy: (e) => e.type === 'scale-workload' && e.replicas === replicas && workloadMatches(e.workload, kind, name, ns),
      };
    }
    case 'rollout': {
      const sub = words[2] ?? '';
      const [kind, name] = kubectlTarget(words, 3);
      return {
        action: `rollout ${sub} ${kind} ${name}`,
        coveredBy: (e) =>
          sub === 'restart' && (e.type === 'restart-workload' || e.type === 'patch-pod-template') && workloadMatches(e.workload, kind, name, ns),
      };
    }
    case 'delete': {
      if (file !== undefined) return { action: `delete ${file}`, coveredBy: () => false };
      const [kind, name] = kubectlTarget(words, 2);
      // Deleting a ReplicaSet's pods is how its patched template reaches them.
      if (kind === 'pods' || kind === 'pod')
        return {
          action: 'delete pods',
          coveredBy: (e) => (e.type === 'patch-pod-template' || e.type === 'restart-workload') && e.workload.startsWith('ReplicaSet/'),
        };
      return {
        action: `delete ${kind} ${name}`,
        coveredBy: (e) =>
          (e.type === 'delete-object' && objectMatches(e.object, kind, name, ns)) ||
          (e.type === 'delete-workload' && workloadMatches(e.workload, kind, name, ns)),
      };
    }
    default:
      return { action: `kubectl ${verb}`, coveredBy: () => false };
  }
}

function awsAction(words: string[]): CommandAction {
  const service = words[1] ?? '';
  const op = words[2] ?? '';
  const role = flag(words, '--role-name');
  const policy = flag(words, '--policy-arn')?.split('/').pop();
  const profile = flag(words, '--fargate-profile-name');
  const addon = flag(words, '--addon-name');
  const action = `aws ${service} ${op}`;
  const is = (s: string, o: string) => service === s && op === o;
  if (is('eks', 'create-fargate-profile')) return { action, coveredBy: (e) => e.type === 'create-fargate-profile' && e.name === profile };
  if (is('eks', 'delete-fargate-profile')) return { action, coveredBy: (e) => e.type === 'delete-fargate-profile' && e.name === profile };
  if (is('eks', 'create-addon')) return { action, coveredBy: (e) => e.type === 'install-addon' && e.addon === addon };
  if (is('eks', 'delete-addon')) return { action, coveredBy: (e) => e.type === 'remove-addon' && e.addon === addon };
  if (is('eks', 'update-addon')) return { action, coveredBy: (e) => e.type === 'upgrade-addon' && e.addon === addon };
  if (is('waf-regional', 'create-web-acl-migration-stack')) {
    const acl = flag(words, '--web-acl-id');
    return { action, coveredBy: (e) => e.type === 'migrate-web-acl' && e.classicWebAcl === acl };
  }
  // The load balancer's ARN is only known once it exists; the step's effect names whose load balancer it is.
  if (is('wafv2', 'associate-web-acl')) return { action, coveredBy: (e) => e.type === 'associate-web-acl' };
  if (is('eks', 'update-cluster-version')) return { action, coveredBy: (e) => e.type === 'upgrade-kubernetes' };
  if (is('eks', 'create-pod-identity-association')) {
    const sa = flag(words, '--service-account');
    return { action, coveredBy: (e) => e.type === 'create-pod-identity-association' && e.serviceAccount === sa && e.namespace === flag(words, '--namespace') };
  }
  if (is('eks', 'update-cluster-config')) {
    const compute = flag(words, '--compute-config') ?? '';
    const access = flag(words, '--access-config');
    if (/enabled=true/.test(compute)) return { action: `${action} (enable Auto Mode)`, coveredBy: (e) => e.type === 'enable-auto-mode' };
    if (/enabled=false/.test(compute)) return { action: `${action} (disable Auto Mode)`, coveredBy: (e) => e.type === 'disable-auto-mode' };
    if (access !== undefined)
      return { action: `${action} (authentication mode)`, coveredBy: (e) => e.type === 'set-authentication-mode' && access.endsWith(`=${e.mode}`) };
    return { action, coveredBy: () => false };
  }
  if (is('iam', 'attach-role-policy'))
    return { action, coveredBy: (e) => e.type === 'attach-role-policies' && e.role === role && policy !== undefined && e.policies.includes(policy) };
  if (is('iam', 'detach-role-policy'))
    return { action, coveredBy: (e) => e.type === 'detach-role-policies' && e.role === role && policy !== undefined && e.policies.includes(policy) };
  if (is('iam', 'put-role-policy')) {
    const name = flag(words, '--policy-name');
    return { action, coveredBy: (e) => e.type === 'attach-role-policies' && e.role === role && name !== undefined && e.policies.includes(name) };
  }
  if (is('iam', 'create-role')) return { action, coveredBy: (e) => e.type === 'create-role' && e.role === role };
  if (is('iam', 'update-assume-role-policy')) return { action, coveredBy: (e) => e.type === 'update-role-trust' && e.role === role };
  if (is('iam', 'create-open-id-connect-provider')) return { action, coveredBy: (e) => e.type === 'create-oidc-provider' };
  return { action, coveredBy: () => false };
}

function helmAction(words: string[]): CommandAction {
  const sub = words[1] ?? '';
  const release = words[2] ?? '';
  if (sub === 'install' || sub === 'upgrade') return { action: `helm ${sub} ${release}`, coveredBy: (e) => e.type === 'install-addon' && e.addon === release };
  if (sub === 'uninstall') return { action: `helm uninstall ${release}`, coveredBy: (e) => e.type === 'remove-addon' && (e.release ?? e.addon) === release };
  return { action: `helm ${sub}`, coveredBy: () => false };
}

/** `argocd app set <app> --sync-policy none|automated`: pausing or resuming an Application's automated sync. */
function argocdAction(words: string[]): CommandAction {
  const [, noun = '', verb = '', app = ''] = words;
  const policy = flag(words, '--sync-policy');
  if (noun !== 'app' || verb !== 'set' || policy === undefined) return { action: `argocd ${noun} ${verb}`, coveredBy: () => false };
  const type = policy === 'none' ? 'suspend-reconciliation' : 'resume-reconciliation';
  return {
    action: `argocd app set ${app} --sync-policy ${policy}`,
    coveredBy: (e) => e.type === type && e.reconciler.tool === 'argo-cd' && e.reconciler.name.replace('_', '/') === app,
  };
}

/** `flux suspend|resume kustomization|helmrelease <name> -n <namespace>`. */
function fluxAction(words: string[]): CommandAction {
  const [, verb = '', kind = '', name = ''] = words;
  const ns = flag(words, '-n') ?? flag(words, '--namespace');
  const type = verb === 'suspend' ? 'suspend-reconciliation' : verb === 'resume' ? 'resume-reconciliation' : null;
  if (type === null) return { action: `flux ${verb}`, coveredBy: () => false };
  return {
    action: `flux ${verb} ${kind} ${name}`,
    coveredBy: (e) =>
      e.type === type &&
      e.reconciler.tool === 'flux' &&
      lower(e.reconciler.kind) === kind &&
      e.reconciler.name === name &&
      (e.reconciler.namespace === null || e.reconciler.namespace === ns),
  };
}

/** Shell builtins and utilities the plan's lines use that change nothing in the cluster or in AWS. */
const READ_ONLY_UTILITIES = new Set([
  '[',
  'test',
  'echo',
  'printf',
  'grep',
  'awk',
  'cut',
  'head',
  'sort',
  'sleep',
  'true',
  'false',
  ':',
  'return',
  'break',
  'set',
]);

/**
 * What one shell line does: one action per part that changes something (`a || b`, `a; b`, `x=$(a)`,
 * loops and conditions are read part by part), none for a line that changes nothing.
 */
export function commandActions(command: string): CommandAction[] {
  const line = command.trim();
  if (line === '' || line.startsWith('#')) return [];
  // A function's definition changes nothing (its body acts on its arguments); each call is read as a command,
  // and so is whatever follows the definition on its line.
  const defined = functionDefinitionEnd(line);
  if (defined >= 0) return commandActions(line.slice(defined).replace(/^\s*;/, ''));
  return shellSegments(line).flatMap((part) => segmentAction(part) ?? []);
}

/** What one simple command does; null when it changes nothing. */
function segmentAction(segment: string): CommandAction | null {
  // `id=$(…)` alone is no command (the substitution is read as a part of its own); `A=1 cmd` runs cmd.
  const part = withoutAssignments(segment);
  if (part === '') return null;
  if (/^(for|case) /.test(part)) return null;
  if (READ_ONLY.some((re) => re.test(part))) return null;
  const words = part.split(/\s+/);
  if (READ_ONLY_UTILITIES.has(words[0] ?? '')) return null;
  const irsa = readIrsaFromPodIdentityCall(words);
  if (irsa) return { action: `${IRSA_FROM_POD_IDENTITY} ${irsa.namespace}/${irsa.name}`, coveredBy: (e) => e.type === 'create-role' && e.role === irsa.role };
  switch (words[0]) {
    case 'kubectl':
      return kubectlAction(words);
    case 'aws':
      return awsAction(words);
    case 'helm':
      return helmAction(words);
    case 'argocd':
      return argocdAction(words);
    case 'flux':
      return fluxAction(words);
    case 'eksctl':
      return {
        action: `eksctl ${words.slice(1, 3).join(' ')}`,
        coveredBy: (e) => e.type === 'create-oidc-provider' && /associate-iam-oidc-provider/.test(part),
      };
    case undefined: // unreachable (split always yields a first word), kept so the switch is exhaustive
    default:
      return { action: words[0] ?? '', coveredBy: () => false };
  }
}

/** The step's commands that change something no effect of the step says. */
export function uncoveredCommands(step: Step): UncoveredCommand[] {
  const out: UncoveredCommand[] = [];
  for (const command of step.commands)
    for (const action of commandActions(command))
      if (!step.effects.some((e) => action.coveredBy(e))) out.push({ step: step.id, command, action: action.action });
  return out;
}

export function planCoverage(plan: Plan): UncoveredCommand[] {
  return plan.stages.flatMap((stage) => stage.steps.flatMap(uncoveredCommands));
}
