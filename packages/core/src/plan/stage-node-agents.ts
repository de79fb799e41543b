import type { LogOutput, NodeAgentChange, Step } from '@modeshift/plan';
import { resourceKey } from '../rules/engine/run.js';
import { awsLoggingManifests, awsLoggingProblems, logAgentManifests, logShippingPolicy, logShippingTrustPolicy } from './manifests/index.js';
import { clusterRoleName } from './stage-capacity.js';
import { assertNever } from '../util/never.js';
import { groupBy, ids, ofKind, withAction, type PlanInput } from './plan-input.js';
import { applyEffects } from './effect-builders.js';
import { makeStep } from './step.js';
import { sh, shellComment } from '../util/shell.js';

type Change<K extends NodeAgentChange['kind']> = Extract<NodeAgentChange, { kind: K }>;

const TRUST_FILE = 'log-shipping-role-trust.json';
const POLICY_FILE = 'log-shipping-policy.json';
const POLICY_NAME = 'modeshift-log-shipping';

/** Sections of every change, each once, in the order first seen (filters run in order). */
function uniqueSections(lists: readonly (readonly LogOutput[] | undefined)[]): LogOutput[] {
  return [...new Map(lists.flatMap((l) => l ?? []).map((f) => [JSON.stringify([f.plugin, Object.entries(f.params)]), f])).values()];
}

function uniqueOutputs(changes: (Change<'log-agent-daemonset'> | Change<'aws-logging-configmap'>)[]) {
  const seen = new Map<string, Change<'log-agent-daemonset'>['outputs'][number]>();
  for (const change of changes) for (const o of change.outputs) seen.set(JSON.stringify([o.plugin, Object.entries(o.params).sort()]), o);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, o]) => o);
}

export function nodeAgentSteps(input: PlanInput, after: string[]): Step[] {
  const changes = withAction(input, 'node-agent').map(({ finding, action }) => ({ finding, what: action.change }));
  const steps: Step[] = [];
  for (const [kind, items] of groupBy(changes, (x) => x.what.kind)) {
    const findings = ids(items);
    switch (kind) {
      case 'log-agent-daemonset': {
        const changes = ofKind(items, kind).map((i) => i.what);
        const outputs = uniqueOutputs(changes);
        const filters = uniqueSections(changes.map((c) => c.filters));
        const parsers = uniqueSections(changes.map((c) => c.parsers));
        const agent = logAgentManifests(outputs, { clusterName: input.cluster, region: input.region, filters, parsers });
        // The agent writes with a role of its own, where Fargate's router used the pod execution role.
        // Named after the cluster and its Region: IAM is account-wide, and a cluster of the same name elsewhere has its own outputs.
        const role = clusterRoleName(input.region.startsWith('<') ? input.cluster : `${input.cluster}-${input.region}`, '-log-shipping');
        const roleArn = `arn:aws:iam::${input.accountId}:role/${role}`;
        const shipping = logShippingPolicy(outputs);
        steps.push(
          makeStep({
            id: 'node-agents/log-agent',
            title: 'Run a Fluent Bit DaemonSet with the outputs of aws-logging',
            kind: 'log-agent',
            why:
              "Fargate's built-in log router does not exist on Auto Mode nodes; without an agent, application logs stop when pods move." +
              (filters.length > 0
                ? ` aws-logging's filters (${filters.map((f) => f.plugin).join(', ')}) run in the agent in the same order, its kubernetes filter with Fargate's settings.`
                : '') +
              (parsers.length > 0 ? ` Its parsers (${parsers.map((p) => p.plugin).join(', ')}) are in the agent's parsers.conf.` : '') +
              ` The agent writes with role ${role}, where Fargate's router used the pod execution role: a destination that names that role (an output's role_arn trusting it, an OpenSearch domain's access policy, a KMS key policy) must name this one too.`,
            findings,
            dependsOn: after,
            // The role and its association first: EKS Pod Identity gives credentials to pods created after it, so agents started before it would run without them.
            commands: [
              `${sh`aws iam get-role --role-name ${role}`} >/dev/null 2>&1 || ${sh`aws iam create-role --role-name ${role} --assume-role-policy-document file://${TRUST_FILE}`}`,
              sh`aws iam wait role-exists --role-name ${role}`,
              ...(shipping.policy
                ? [sh`aws iam put-role-policy --role-name ${role} --policy-name ${POLICY_NAME} --policy-document file://${POLICY_FILE}`]
                : []),
              ...(shipping.unknown.length > 0
                ? [
                    shellComment(
                      `add to ${role} what the ${shipping.unknown.join(', ')} output${shipping.unknown.length === 1 ? '' : 's'} write${shipping.unknown.length === 1 ? 's' : ''} with`,
                    ),
                  ]
                : []),
              sh`aws eks create-pod-identity-association --cluster-name ${input.cluster} --namespace modeshift-logging --service-account fluent-bit --role-arn ${roleArn}`,
              agent.length ? 'kubectl apply -f log-agent.yaml' : '# no output could be carried over: deploy a log agent with the destinations you need',
              'kubectl rollout status daemonset/fluent-bit -n modeshift-logging',
            ],
            manifests: [
              ...(agent.length ? [{ file: 'log-agent.yaml', object: { apiVersion: 'v1', kind: 'List', items: agent } }] : []),
              { file: TRUST_FILE, object: logShippingTrustPolicy() },
              ...(shipping.policy ? [{ file: POLICY_FILE, object: shipping.policy }] : []),
            ],
            effects: [
              { type: 'create-role', role, trustPolicy: TRUST_FILE },
              ...(shipping.policy ? [{ type: 'attach-role-policies' as const, role, policies: [POLICY_NAME] }] : []),
              ...(agent.length ? applyEffects({ file: 'log-agent.yaml', object: { apiVersion: 'v1', kind: 'List', items: agent } }) : []),
              {
                type: 'install-addon',
                addon: 'fluent-bit',
                runs: { on: 'daemonset', namespace: 'modeshift-logging', name: 'fluent-bit', serviceAccount: 'fluent-bit' },
                identity: { via: 'pod-identity', serviceAccount: 'modeshift-logging/fluent-bit', role },
              },
              {
                type: 'create-pod-identity-association',
                namespace: 'modeshift-logging',
                serviceAccount: 'fluent-bit',
                role: roleArn,
              },
            ],
            verify: {
              command: 'kubectl get daemonset fluent-bit -n modeshift-logging',
              expect: 'DESIRED equals READY on every Auto Mode node, and new log streams appear at the same destinations',
            },
            rollback: {
              description: 'Delete the agent; Fargate pods keep logging through aws-logging. The role and its association stay, unused.',
              commands: ['kubectl delete -f log-agent.yaml'],
            },
          }),
        );
        break;
      }
      case 'aws-logging-configmap':
        // Fargate's log router is configured in the prerequisites (awsLoggingStep), before any pod lands on Fargate.
        break;
      case 'sidecar':
        steps.push(
          makeStep({
            id: 'node-agents/sidecars',
            title: 'Re-deploy node agents as sidecars',
            kind: 'sidecar',
            why: 'Fargate runs no DaemonSets; agents that observe pods must run inside the pods they observe.',
            findings,
            dependsOn: after,
            commands: ofKind(items, kind).map((i) =>
              shellComment(
                `${resourceKey(i.finding.resource)}: add the ${i.what.agent} container to each moving workload (see the vendor's Fargate instructions)`,
              ),
            ),
            verify: {
              command: 'kubectl get pods -A -o jsonpath=\'{range .items[*]}{.metadata.namespace}/{.metadata.name}: {.spec.containers[*].name}{"\\n"}{end}\'',
              expect: 'the agent container next to each application container',
            },
            rollback: { description: 'Remove the sidecar containers; the DaemonSets still run on EC2 nodes.', commands: [] },
          }),
        );
        break;
      case 'retire':
        break; // retired in the decommission stage, once nothing runs on nodes any more
      default:
        assertNever(kind, 'node agent change');
    }
  }
  return steps;
}

/**
 * Fargate's built-in log router (aws-observability/aws-logging), configured before any pod lands on
 * Fargate: CoreDNS and the load balancer controller move there in the capacity stage, and a pod that
 * starts before the ConfigMap exists ships no logs until it restarts.
 */
export function awsLoggingStep(input: PlanInput): Step | null {
  const items = withAction(input, 'node-agent').flatMap(({ finding, action }) =>
    action.change.kind === 'aws-logging-configmap' ? [{ finding, what: action.change }] : [],
  );
  if (items.length === 0) return null;
  const findings = ids(items);

  const configMaps = items.map((i) => i.what);
  const outputs = uniqueOutputs(configMaps);
  const filters = uniqueSections(configMaps.map((c) => c.filters));
  const parsers = uniqueSections(configMaps.map((c) => c.parsers));
  const problems = [...new Set([...configMaps.flatMap((c) => c.unsupported), ...awsLoggingProblems(outputs, filters, parsers)])].sort();
  const logging = awsLoggingManifests(outputs, filters, parsers);
  return makeStep({
    id: 'prerequisites/aws-logging',
    title: "Configure Fargate's built-in log router (aws-observability/aws-logging)",
    kind: 'aws-logging',
    why: `Fargate runs no log agent DaemonSet; its built-in Fluent Bit ships the same outputs.${problems.length ? ` Not carried over: ${problems.join('; ')}.` : ''}`,
    findings,
    dependsOn: [],
    commands: [
      logging.length ? 'kubectl apply -f aws-logging.yaml' : '# no output fits aws-logging: write its [OUTPUT] sections by hand',
      '# grant the pod execution role write access to the log destinations (e.g. CloudWatch Logs PutLogEvents)',
    ],
    manifests: logging.length ? [{ file: 'aws-logging.yaml', object: { apiVersion: 'v1', kind: 'List', items: logging } }] : [],
    effects: logging.length ? applyEffects({ file: 'aws-logging.yaml', object: { apiVersion: 'v1', kind: 'List', items: logging } }) : [],
    verify: {
      command: 'kubectl get configmap aws-logging -n aws-observability -o yaml',
      expect: 'the [OUTPUT] sections listed here; new Fargate pods carry the annotation "Logging: LoggingEnabled" in their events',
    },
    rollback: {
      description: 'Delete the ConfigMap; the DaemonSet agents keep shipping logs from EC2 nodes.',
      commands: ['kubectl delete configmap aws-logging -n aws-observability'],
    },
  });
}
