import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBash } from '../testing/bash.js';
import { anAutoModeCluster, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from './build-plan.js';
import { exportFiles } from '../export/export-model.js';
import { SourceObjects } from '../export/source-objects.js';

describe('Pod Identity on the way to Fargate', () => {
  const inventory = anAutoModeInventory([aWorkload({ namespace: 'api', name: 'orders' })], {
    cluster: anAutoModeCluster({ version: '1.32', oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC123' }),
  });
  const plan = buildPlan(contextFor(inventory, 'fargate'));
  const stageOf = (id: string) => plan.stages.find((s) => s.steps.some((st) => st.id === id))?.id;

  it('moves service accounts to IRSA in the prerequisites, before any wave, not in the review after them', () => {
    expect(stageOf('prerequisites/pod-identity-to-irsa')).toBe('prerequisites');
    const finding = plan.findings.find((f) => f.rule === 'fargate-pod-identity');
    expect(finding?.action).toEqual({ type: 'prerequisite', task: { kind: 'pod-identity-to-irsa', serviceAccounts: ['api/default'] } });
  });

  const step = plan.stages.flatMap((s) => s.steps).find((s) => s.id === 'prerequisites/pod-identity-to-irsa')!;

  it('creates the OIDC provider only when missing', () => {
    expect(step.commands).toContain(
      'aws iam list-open-id-connect-providers --output text | grep -F ABC123 || aws iam create-open-id-connect-provider --url https://oidc.eks.us-east-1.amazonaws.com/id/ABC123 --client-id-list sts.amazonaws.com',
    );
    expect(step.manifests.map((m) => m.file)).toEqual(['irsa-api.default.json']);
  });

  const ROLE = 'demo.eu-west-1.api.default';

  interface Account {
    /** What list-pod-identity-associations prints. */
    association: string;
    /** The association's target role in another account, if any. */
    target?: string;
    /** Whether a role of the IRSA role's name exists, and whom it trusts. */
    existing?: 'none' | 'this account' | 'another account' | 'this account of another cluster';
    boundary?: string;
    /** An IAM call that fails (AccessDenied). */
    failing?: string;
  }

  /** The step's IRSA commands run by bash against a stubbed AWS CLI and kubectl: the calls that change something, in order. */
  function run(account: Account): { changes: string[]; stdout: string; status: number } {
    const existing = account.existing ?? 'none';
    const stubs = [
      'aws() {',
      '  echo "aws $*" >> calls.log',
      `  [ "$1 $2" = "iam ${account.failing ?? 'none'}" ] && return 254`,
      '  case "$1 $2" in',
      `    "eks list-pod-identity-associations") echo ${account.association} ;;`,
      `    "eks describe-pod-identity-association") printf 'arn:aws:iam::111122223333:role/teams/orders-pod-identity\t%s\n' ${account.target ?? 'None'} ;;`,
      '    "iam get-role") case "$*" in',
      `        *PermissionsBoundary*) echo ${account.boundary ?? 'None'} ;;`,
      `        *AssumeRolePolicyDocument*) echo '{"Condition":{"StringEquals":{"oidc.eks.${existing === 'this account of another cluster' ? 'eu-west-1' : 'us-east-1'}.amazonaws.com/id/${existing === 'this account of another cluster' ? 'DEF456' : 'ABC123'}:sub":"system:serviceaccount:${existing === 'another account' ? 'other:app' : 'api:default'}"}}}' ;;`,
      `        *${ROLE}*) return ${existing === 'none' ? 254 : 0} ;;`,
      '      esac ;;',
      '    "iam list-attached-role-policies") echo "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess arn:aws:iam::111122223333:policy/orders" ;;',
      '    "iam list-role-policies") echo orders-inline ;;',
      `    "iam get-role-policy") echo '{"Version":"2012-10-17"}' ;;`,
      '  esac',
      '}',
      'kubectl() { echo "kubectl $*" >> calls.log; }',
    ];
    const irsa = step.commands.filter((c) => c.startsWith('irsa_from_pod_identity'));
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-irsa-'));
    const result = runBash([...stubs, ...irsa].join('\n'), { cwd: dir });
    const calls = existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];
    return { changes: calls.filter((c) => !/^aws \S+ ((list|describe|get)-|wait )/.test(c)), stdout: result.stdout, status: result.status };
  }

  const ANNOTATE =
    'kubectl annotate --overwrite serviceaccount default -n api eks.amazonaws.com/role-arn=arn:aws:iam::111122223333:role/demo.eu-west-1.api.default';
  const POLICIES = [
    'aws iam attach-role-policy --role-name demo.eu-west-1.api.default --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    'aws iam attach-role-policy --role-name demo.eu-west-1.api.default --policy-arn arn:aws:iam::111122223333:policy/orders',
    'aws iam put-role-policy --role-name demo.eu-west-1.api.default --policy-name orders-inline --policy-document {"Version":"2012-10-17"}',
  ];

  it('changes nothing for a service account without a Pod Identity association', () => {
    const { changes, stdout, status } = run({ association: 'None' });
    expect({ changes, status }).toEqual({ changes: [], status: 0 });
    expect(stdout).toContain('api/default: no Pod Identity association, nothing to do');
  });

  it("gives the IRSA role the associated role's policies before the service account is annotated", () => {
    expect(run({ association: 'a-0123' })).toMatchObject({
      status: 0,
      changes: ['aws iam create-role --role-name demo.eu-west-1.api.default --assume-role-policy-document file://irsa-api.default.json', ...POLICIES, ANNOTATE],
    });
  });

  it("carries the associated role's permissions boundary", () => {
    const { changes } = run({ association: 'a-0123', boundary: 'arn:aws:iam::111122223333:policy/boundary' });
    expect(changes[1]).toBe(
      'aws iam put-role-permissions-boundary --role-name demo.eu-west-1.api.default --permissions-boundary arn:aws:iam::111122223333:policy/boundary',
    );
    expect(changes.at(-1)).toBe(ANNOTATE);
  });

  it('reuses a role of that name only when it trusts this service account of this cluster, and leaves its trust as it is', () => {
    // Its trust may name other accounts too: replacing it with the step's would cut them off.
    expect(run({ association: 'a-0123', existing: 'this account' })).toMatchObject({ status: 0, changes: [...POLICIES, ANNOTATE] });
    const other = run({ association: 'a-0123', existing: 'another account' });
    expect(other).toMatchObject({ status: 1, changes: [] });
    expect(other.stdout).toContain(`${ROLE} exists and trusts no api/default of this cluster: not touched`);
    // The same names in a cluster of the same name elsewhere (another Region's OIDC provider): never taken over.
    expect(run({ association: 'a-0123', existing: 'this account of another cluster' })).toMatchObject({ status: 1, changes: [] });
  });

  it('stops, and annotates nothing, when an IAM call fails or the association assumes a role in another account', () => {
    const denied = run({ association: 'a-0123', failing: 'list-attached-role-policies' });
    expect(denied.status).toBe(1);
    expect(denied.changes).not.toContain(ANNOTATE);
    const crossAccount = run({ association: 'a-0123', target: 'arn:aws:iam::444455556666:role/orders' });
    expect(crossAccount).toMatchObject({ status: 1, changes: [] });
    expect(crossAccount.stdout).toContain('its association assumes arn:aws:iam::444455556666:role/orders in another account');
  });

  it('has its trust policies written by the export, under the names its commands read', () => {
    const files = exportFiles(plan, [], new SourceObjects([]));
    const trust = files.find((f) => f.path.endsWith('-pod-identity-to-irsa/irsa-api.default.json'));
    expect(JSON.parse(trust?.content ?? 'null')).toEqual(step.manifests[0]!.object);
    expect(files.find((f) => f.path === 'README.md')?.content).toContain(
      "what the step's commands read (`file://…`), so run them from this folder: `irsa-api.default.json`",
    );
  });
});
