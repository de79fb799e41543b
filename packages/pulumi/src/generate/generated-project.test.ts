// The generated project as a user gets it: type-checked by tsc against the real @pulumi packages, and its
// index.ts run under Pulumi's mocks. It is written to a temporary directory whose only tie to this checkout
// is a node_modules symlink standing in for `npm install`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { infraFromPlan } from '../model/infra-from-plan.js';
import { schemaErrors } from '../testing/checks.js';
import { examplePlan, REPO_ROOT, type ExampleName } from '../testing/examples.js';
import { clearRegistered, installMocks, settle } from '../testing/mocks.js';
import { generateProject } from './project.js';
import { readShippedSources } from './shipped.js';

const shipped = readShippedSources();

function writeProject(name: ExampleName, edit?: (files: Map<string, string>) => void): string {
  const files = generateProject(examplePlan(name), { stack: 'migration', shipped });
  edit?.(files);
  const dir = mkdtempSync(join(tmpdir(), `modeshift-stack-${name}-`));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The stack file the project ships with, as the flat config map Pulumi gives a program, plus overrides. */
function stackConfig(dir: string, overrides: Record<string, string> = {}): Record<string, string> {
  const yaml = parse(readFileSync(join(dir, 'Pulumi.migration.yaml'), 'utf8')) as { config: Record<string, unknown> };
  const flat = Object.fromEntries(Object.entries(yaml.config).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return { ...flat, ...overrides };
}

/** Runs the program's index.ts under mocks with the given stack config; resolves to what it registered. */
async function runProgram(dir: string, config: Record<string, string>) {
  clearRegistered();
  await installMocks(config, 'generated');
  await import(pathToFileURL(join(dir, 'index.ts')).href);
  return settle();
}

describe.each(['fargate-to-auto-mode', 'auto-mode-to-fargate'] as const)('the generated %s project', (name) => {
  it('type-checks with tsc against the real @pulumi packages', { timeout: 180_000 }, () => {
    const dir = writeProject(name);
    const tsc = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const run = () => execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });
});

describe('the generated programs under mocks', () => {
  beforeEach(() => clearRegistered());

  it('fargate-to-auto-mode: IAM first, then (autoModeEnabled) every NodePool, NodeClass and object of the plan', async () => {
    const model = infraFromPlan(examplePlan('fargate-to-auto-mode'));
    const dir = writeProject('fargate-to-auto-mode');
    const first = await runProgram(dir, stackConfig(dir));
    expect(first.some((r) => r.type === 'aws:iam/role:Role' && r.inputs.name === 'shop-prod-eks-auto-node')).toBe(true);
    expect(first.some((r) => r.type.startsWith('kubernetes:'))).toBe(false);

    const again = writeProject('fargate-to-auto-mode');
    const res = await runProgram(again, stackConfig(again, { 'modeshift:autoModeEnabled': 'true' }));
    const k8s = res.filter((r) => r.type.startsWith('kubernetes:'));
    expect(k8s.map((r) => r.name).sort()).toEqual(model.kubernetes.map((o) => o.logicalName).sort());
    expect(k8s.filter((r) => r.type === 'kubernetes:karpenter.sh/v1:NodePool').length).toBeGreaterThan(0);
    expect(k8s.filter((r) => r.type === 'kubernetes:eks.amazonaws.com/v1:NodeClass').length).toBeGreaterThan(0);
    for (const r of k8s) expect(schemaErrors(r.inputs)).toEqual([]);
    expect(res.filter((r) => r.type === 'aws:iam/rolePolicyAttachment:RolePolicyAttachment')).toHaveLength(2 + model.autoMode!.clusterRole!.policies.length);
    expect(res.some((r) => r.type === 'eks:index:Cluster')).toBe(false);
  });

  it('fargate-to-auto-mode with newCluster: an eks.Cluster with Auto Mode and API authentication', async () => {
    const dir = writeProject('fargate-to-auto-mode');
    const res = await runProgram(
      dir,
      stackConfig(dir, { 'modeshift:newCluster': 'true', 'modeshift:vpcId': 'vpc-0abc', 'modeshift:privateSubnetIds': '["subnet-a","subnet-b"]' }),
    );
    const cluster = res.find((r) => r.type === 'eks:index:Cluster')!;
    expect(cluster.inputs).toMatchObject({
      name: 'shop-prod-auto',
      vpcId: 'vpc-0abc',
      privateSubnetIds: ['subnet-a', 'subnet-b'],
      authenticationMode: 'API',
      version: '1.31',
      autoMode: { enabled: true },
    });
    expect(cluster.inputs).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: false });
    expect(cluster.inputs.publicAccessCidrs).toBeUndefined();
    expect(res.filter((r) => r.type === 'kubernetes:karpenter.sh/v1:NodePool').length).toBeGreaterThan(0);
  });

  it('fargate-to-auto-mode with newCluster and publicAccessCidrs: a public endpoint for those ranges only', async () => {
    const dir = writeProject('fargate-to-auto-mode');
    const res = await runProgram(
      dir,
      stackConfig(dir, { 'modeshift:newCluster': 'true', 'modeshift:vpcId': 'vpc-0abc', 'modeshift:publicAccessCidrs': '["198.51.100.7/32"]' }),
    );
    expect(res.find((r) => r.type === 'eks:index:Cluster')!.inputs).toMatchObject({ endpointPublicAccess: true, publicAccessCidrs: ['198.51.100.7/32'] });
  });

  it('fargate-to-auto-mode with newCluster refuses the REQUIRED marker the stack file ships with', async () => {
    const dir = writeProject('fargate-to-auto-mode');
    await installMocks(stackConfig(dir, { 'modeshift:newCluster': 'true' }), 'generated');
    await expect(import(pathToFileURL(join(dir, 'index.ts')).href)).rejects.toThrow(/Set modeshift:vpcId/);
  });

  it('auto-mode-to-fargate: role, profiles and aws-logging, nothing for what stays, SecurityGroupPolicies left to the waves', async () => {
    const plan = examplePlan('auto-mode-to-fargate');
    const model = infraFromPlan(plan);
    const dir = writeProject('auto-mode-to-fargate');
    const res = await runProgram(dir, stackConfig(dir));
    expect(res.find((r) => r.type === 'aws:iam/role:Role')!.inputs.name).toBe(model.fargate!.podExecutionRole!.name);
    const profiles = res.filter((r) => r.type === 'aws:eks/fargateProfile:FargateProfile');
    expect(profiles.map((p) => p.inputs.fargateProfileName).sort()).toEqual(model.fargate!.profiles.map((p) => p.name).sort());
    expect(res.filter((r) => r.type === 'kubernetes:vpcresources.k8s.aws/v1beta1:SecurityGroupPolicy')).toEqual([]);
    expect(res.some((r) => r.type === 'kubernetes:core/v1:ConfigMap' && r.inputs.metadata?.name === 'aws-logging')).toBe(true);
    const stayingOnly = new Set(plan.workloads.filter((w) => w.outcome === 'stays').map((w) => w.workload.split('/')[1]));
    for (const w of plan.workloads) if (w.outcome !== 'stays') stayingOnly.delete(w.workload.split('/')[1]);
    for (const r of res) {
      expect(stayingOnly.has(r.inputs?.metadata?.namespace)).toBe(false);
      for (const s of r.inputs?.selectors ?? []) expect(stayingOnly.has(s.namespace)).toBe(false);
    }
  });
});
