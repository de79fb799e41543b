// The filters and parsers of a log router move with its outputs, in both directions: into the Fluent Bit
// DaemonSet the plan creates on Auto Mode, and into aws-observability/aws-logging on Fargate, there only in
// the sections and filters Fargate's router accepts ([FILTER], [OUTPUT], [PARSER]; aws-facts §2 Logging row).
import { describe, expect, it } from 'vitest';
import { remediationOf, type Plan, type Step } from '@modeshift/plan';
import { aDaemonSet, aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aConfigMap } from '../testing/kube-objects.js';
import { parseFluentBitSections } from '../analysis/fluent-bit.js';
import { AWS_LOGGING } from '../rules/logging/facts.js';
import { buildPlan } from './build-plan.js';

const steps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);
type Obj = { kind: string; metadata: { name: string }; data?: Record<string, string> };
const configMapIn = (step: Step | undefined, name: string) =>
  ((step?.manifests[0]?.object as { items: Obj[] } | undefined)?.items ?? []).find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);

describe("aws-logging's filters.conf and parsers.conf, on the way to Auto Mode", () => {
  const awsLogging = aConfigMap(
    'aws-logging',
    {
      'filters.conf': `[FILTER]
    Name parser
    Match *
    Key_name log
    Parser crio
[FILTER]
    Name kubernetes
    Match kube.*
    Merge_Log On
    Keep_Log Off
    Kube_Meta_Cache_TTL 300s
[FILTER]
    Name grep
    Match kube.*
    Exclude log ^.*GET /healthz.*$
`,
      'output.conf': `[OUTPUT]
    Name cloudwatch_logs
    Match kube.*
    region eu-west-1
    log_group_name /eks/demo/workloads
    log_stream_prefix fargate-
`,
      'parsers.conf': `[PARSER]
    Name crio
    Format Regex
    Regex ^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>P|F) (?<log>.*)$
    Time_Key time
`,
    },
    { namespace: 'aws-observability' },
  );
  const plan = buildPlan(contextFor(aFargateInventory([aWorkload()], { configMaps: [awsLogging] }), 'auto-mode'));
  const agentStep = steps(plan).find((s) => s.id === 'node-agents/log-agent');
  const agentConfig = configMapIn(agentStep, 'fluent-bit-config')?.data ?? {};

  it("are carried into the agent's configuration in their order, Fargate's kubernetes filter becoming the agent's with the same settings", () => {
    const filters = parseFluentBitSections(agentConfig['fluent-bit.conf'] ?? '', 'FILTER');
    expect(filters.map((f) => f.plugin)).toEqual(['parser', 'kubernetes', 'grep']);
    expect(filters[0]?.params).toMatchObject({ key_name: 'log', parser: 'crio' });
    expect(filters[1]?.params).toMatchObject({ kube_tag_prefix: 'kube.var.log.containers.', merge_log: 'On', kube_meta_cache_ttl: '300s' });
    expect(filters[2]?.params).toMatchObject({ match: 'kube.*', exclude: 'log ^.*GET /healthz.*$' });
  });

  it("put the parsers in the agent's parsers.conf and name that file in its [SERVICE] section", () => {
    expect(parseFluentBitSections(agentConfig['parsers.conf'] ?? '', 'PARSER')).toEqual([
      { plugin: 'crio', params: { format: 'Regex', regex: '^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>P|F) (?<log>.*)$', time_key: 'time' } },
    ]);
    expect(agentConfig['fluent-bit.conf']).toMatch(/\[SERVICE\][^[]*Parsers_File +\/fluent-bit\/etc\/parsers\.conf/);
  });

  it('start the agent only once its Pod Identity association exists: pods created before it get no credentials', () => {
    const commands = agentStep?.commands ?? [];
    const association = commands.findIndex((c) => c.startsWith('aws eks create-pod-identity-association'));
    expect(association).toBeGreaterThanOrEqual(0);
    expect(association).toBeLessThan(commands.indexOf('kubectl apply -f log-agent.yaml'));
  });

  it('create the role the agent writes with, allowed what its outputs write with, before the association names it', () => {
    const commands = agentStep?.commands ?? [];
    expect(commands.join('\n')).not.toMatch(/<[a-z-]+>/);
    const create = commands.findIndex((c) =>
      c.includes('aws iam create-role --role-name demo-eu-west-1-log-shipping --assume-role-policy-document file://log-shipping-role-trust.json'),
    );
    const allow = commands.indexOf(
      'aws iam put-role-policy --role-name demo-eu-west-1-log-shipping --policy-name modeshift-log-shipping --policy-document file://log-shipping-policy.json',
    );
    const association = commands.findIndex((c) => c.startsWith('aws eks create-pod-identity-association'));
    expect([create, allow].every((i) => i >= 0 && i < association)).toBe(true);
    expect(commands[association]).toContain('--role-arn arn:aws:iam::111122223333:role/demo-eu-west-1-log-shipping');
    const policy = agentStep?.manifests.find((m) => m.file === 'log-shipping-policy.json')?.object as { Statement: { Action: string[] }[] };
    expect(policy.Statement[0]?.Action).toEqual([
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:DescribeLogStreams',
      'logs:PutLogEvents',
      'logs:PutRetentionPolicy',
    ]);
    expect(commands).toContain('aws iam wait role-exists --role-name demo-eu-west-1-log-shipping');
    expect(agentStep?.manifests.find((m) => m.file === 'log-shipping-role-trust.json')?.object).toMatchObject({
      Statement: [{ Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
  });

  it('do not leave the porting to the operator', () => {
    const finding = plan.findings.find((f) => f.rule === 'auto-mode-fargate-logging');
    const remediation = finding && remediationOf(plan.rules, finding);
    expect(remediation).not.toMatch(/Port filters\.conf/);
    expect(remediation).toContain(
      "The plan carries filters.conf into the agent's configuration: its 3 [FILTER] sections, in order (parser, kubernetes and grep)",
    );
    expect(agentStep?.why).toContain("aws-logging's filters (parser, kubernetes, grep) run in the agent in the same order");
  });
});

describe("a log agent's filters and the parsers they use, on the way to Fargate", () => {
  const agent = aDaemonSet({
    namespace: 'logging',
    name: 'fluent-bit',
    containers: [{ name: 'fluent-bit', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:3.0.1' }],
    spec: { volumes: [{ name: 'config', configMap: { name: 'fluent-bit-config' } }] },
  });
  const config = aConfigMap(
    'fluent-bit-config',
    {
      'fluent-bit.conf': `[INPUT]
    Name tail
    Tag application.*
    Path /var/log/containers/*.log
[FILTER]
    Name parser
    Match application.*
    Key_Name log
    Parser app_json
[FILTER]
    Name parser
    Match application.*
    Key_Name message
    Parser docker
[OUTPUT]
    Name cloudwatch_logs
    Match application.*
    region eu-west-1
    log_group_name /eks/demo/app
`,
      'parsers.conf': `[PARSER]
    Name app_json
    Format json
    Time_Key ts
[PARSER]
    Name unused
    Format logfmt
`,
    },
    { namespace: 'logging' },
  );
  const plan = buildPlan(contextFor(anAutoModeInventory([agent, aWorkload()], { configMaps: [config] }), 'fargate'));
  const step = steps(plan).find((s) => s.id === 'prerequisites/aws-logging');
  const data = configMapIn(step, 'aws-logging')?.data ?? {};

  it('carry the parsers the filters name into parsers.conf, and only those', () => {
    expect(parseFluentBitSections(data['parsers.conf'] ?? '', 'PARSER')).toEqual([{ plugin: 'app_json', params: { format: 'json', time_key: 'ts' } }]);
    expect(parseFluentBitSections(data['filters.conf'] ?? '', 'FILTER').map((f) => [f.plugin, f.params['match'], f.params['parser']])).toEqual([
      ['parser', 'kube.*', 'app_json'],
      ['parser', 'kube.*', 'docker'],
    ]);
  });

  it('say which parser they name is not in the agent’s configuration', () => {
    expect(step?.why).toContain('parser docker: its [PARSER] section is in none of the agent');
  });

  it("hold only the sections and filters Fargate's router accepts", () => {
    expect(Object.keys(data).sort()).toEqual(['filters.conf', 'output.conf', 'parsers.conf']);
    for (const text of Object.values(data)) {
      const sections = [...text.matchAll(/^\[([A-Z_]+)\]$/gm)].map((m) => m[1]);
      expect(sections.every((s) => s === 'FILTER' || s === 'OUTPUT' || s === 'PARSER')).toBe(true);
    }
    for (const f of parseFluentBitSections(data['filters.conf'] ?? '', 'FILTER')) expect(AWS_LOGGING.filters).toContain(f.plugin);
  });
});
