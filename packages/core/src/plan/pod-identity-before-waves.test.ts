import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBash } from '../testing/bash.js';
import { anAutoModeCluster, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from './build-plan.js';

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
    expect(step.manifests.map((m) => m.file)).toEqual(['irsa-api-default.json']);
  });

  /** The step's IRSA commands run by bash against a stubbed AWS CLI and kubectl; returns the calls that change something, in order. */
  function run(association: string, roleExists: boolean): { changes: string[]; stdout: string } {
    const stubs = [
      'aws() {',
      '  echo "aws $*" >> calls.log',
      '  case "$1 $2" in',
      `    "eks list-pod-identity-associations") echo ${association} ;;`,
      '    "eks describe-pod-identity-association") echo arn:aws:iam::111122223333:role/teams/orders-pod-identity ;;',
      `    "iam get-role") return ${roleExists ? 0 : 254} ;;`,
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
    expect(result.status).toBe(0);
    const calls = result.status === 0 && existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];
    return { changes: calls.filter((c) => !/^aws \S+ (list|describe|get)-/.test(c)), stdout: result.stdout };
  }

  it('changes nothing for a service account without a Pod Identity association', () => {
    const { changes, stdout } = run('None', false);
    expect(changes).toEqual([]);
    expect(stdout).toContain('api/default: no Pod Identity association, nothing to do');
  });

  it("gives the IRSA role the associated role's policies before the service account is annotated", () => {
    const { changes } = run('a-0123456789abcdef', false);
    expect(changes).toEqual([
      'aws iam create-role --role-name demo-api-default --assume-role-policy-document file://irsa-api-default.json',
      'aws iam attach-role-policy --role-name demo-api-default --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'aws iam attach-role-policy --role-name demo-api-default --policy-arn arn:aws:iam::111122223333:policy/orders',
      'aws iam put-role-policy --role-name demo-api-default --policy-name orders-inline --policy-document {"Version":"2012-10-17"}',
      'kubectl annotate serviceaccount default -n api eks.amazonaws.com/role-arn=arn:aws:iam::111122223333:role/demo-api-default',
    ]);
  });

  it('gives a role the stack already created its permissions without creating it again', () => {
    const { changes } = run('a-0123456789abcdef', true);
    expect(changes.some((c) => c.startsWith('aws iam create-role'))).toBe(false);
    expect(changes.at(-1)).toMatch(/^kubectl annotate serviceaccount default -n api /);
  });
});
