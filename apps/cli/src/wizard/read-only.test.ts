import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/core';
import { EXAMPLES } from '../testing.js';
import { checkReadOnly } from './read-only.js';

const verifyCommands = (name: string) =>
  (JSON.parse(readFileSync(join(EXAMPLES, name, 'plan.json'), 'utf8')) as Plan).stages
    .flatMap((s) => s.steps.map((step) => step.verify.command))
    .filter((c) => c !== '');

describe('read-only allow-list', () => {
  it('accepts the verification commands of the example plans, except the one that starts a pod', () => {
    const refused = [...verifyCommands('fargate-to-auto-mode'), ...verifyCommands('auto-mode-to-fargate')].filter((c) => !checkReadOnly(c).ok);
    expect(refused).toEqual([expect.stringMatching(/^kubectl run dns-check/)]);
  });

  it.each([
    ['kubectl delete pod x', /kubectl delete/],
    ['kubectl apply -f x.yaml', /kubectl apply/],
    ['kubectl -n x get pods', /subcommand before its flags/],
    ['aws eks delete-fargate-profile --cluster-name c --fargate-profile-name p', /not a describe/],
    ['aws eks update-cluster-config --name c', /not a describe/],
    ['rm -rf /', /not on the list/],
    ['kubectl get pods; rm -rf /', /more than one command/],
    ['kubectl get pods && rm x', /more than one command/],
    ['kubectl get pods || true', /chains/],
    ['kubectl get pods > out.txt', /redirects/],
    ['kubectl get $(rm -rf /)', /expands/],
    ['kubectl get "$HOME"', /double quotes/],
    ['kubectl get `id`', /expands/],
    ['kubectl get pods | sort -o /etc/passwd', /sort -o/],
    ['kubectl get pods | sh', /not on the list/],
    ['KUBECONFIG=x kubectl get pods', /not on the list/],
    ['grep x | kubectl get pods', /start the pipeline/],
    ["kubectl get pods 'unclosed", /unclosed quote/],
    ['kubectl get pod <moved-pod> -n <namespace>', /placeholders/],
    ['', /no command/],
  ])('refuses %s', (command, reason) => {
    const verdict = checkReadOnly(command);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it.each([
    ['kubectl get nodepool spot -o jsonpath=\'{.status.conditions[?(@.type=="Ready")].status}\''],
    ["kubectl get pods -A -o wide | grep -c 'fargate-'"],
    ['aws eks wait cluster-active --name c'],
    ["aws iam list-attached-role-policies --role-name r --query 'AttachedPolicies[].PolicyName'"],
    ['kubectl auth can-i list pods'],
    ['kubectl get pods -o json | jq ".items | length"'],
  ])('accepts %s', (command) => {
    expect(checkReadOnly(command)).toEqual({ ok: true });
  });
});
