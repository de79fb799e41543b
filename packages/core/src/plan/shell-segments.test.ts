import { describe, expect, it } from 'vitest';
import { shellSegments } from './shell-segments.js';

describe('the simple commands of a shell line', () => {
  it('splits at ;, &&, || and | but not inside quotes', () => {
    expect(shellSegments(`aws iam get-role --role-name r >/dev/null 2>&1 || aws iam create-role --role-name r; echo 'a; b || c'`)).toEqual([
      'aws iam get-role --role-name r >/dev/null 2>&1',
      'aws iam create-role --role-name r',
      "echo 'a; b || c'",
    ]);
    expect(shellSegments(`kubectl patch deployment/x -n y -p '{"a":"b|c;d"}' || true`)).toEqual([`kubectl patch deployment/x -n y -p '{"a":"b|c;d"}'`, 'true']);
  });

  it('reads the commands inside substitutions, nested ones and those in double quotes included', () => {
    expect(shellSegments(`id=$(aws eks update-cluster-config --name c --query update.id --output text)`)).toEqual([
      'id=$(aws eks update-cluster-config --name c --query update.id --output text)',
      'aws eks update-cluster-config --name c --query update.id --output text',
    ]);
    expect(shellSegments(`kubectl get cm -A -o yaml | grep -nF "$(kubectl get svc a -o jsonpath='{.x}' && kubectl delete svc b)"`)).toEqual([
      'kubectl get cm -A -o yaml',
      `grep -nF "$(kubectl get svc a -o jsonpath='{.x}' && kubectl delete svc b)"`,
      "kubectl get svc a -o jsonpath='{.x}'",
      'kubectl delete svc b',
    ]);
    expect(shellSegments('echo "$(a "$(kubectl delete ns x)")"')).toEqual([
      'echo "$(a "$(kubectl delete ns x)")"',
      'a "$(kubectl delete ns x)"',
      'kubectl delete ns x',
    ]);
  });

  it('drops reserved words, case patterns and the parentheses of a jsonpath filter in quotes', () => {
    const line = `for j in a b; do until s=$(kubectl get job "$j" -o jsonpath='{.status.conditions[?(@.status=="True")].type}') && case "$s" in '') echo gone; true ;; *' true '*) echo suspended ;; *) false ;; esac; do sleep 30; done; done`;
    expect(shellSegments(line)).toEqual([
      'for j in a b',
      `s=$(kubectl get job "$j" -o jsonpath='{.status.conditions[?(@.status=="True")].type}')`,
      'echo gone',
      'true',
      'echo suspended',
      'false',
      'sleep 30',
      `kubectl get job "$j" -o jsonpath='{.status.conditions[?(@.status=="True")].type}'`,
    ]);
    expect(shellSegments('if [ -n "$x" ]; then kubectl delete ingress a -n b; else echo kept; fi')).toEqual([
      '[ -n "$x" ]',
      'kubectl delete ingress a -n b',
      'echo kept',
    ]);
  });

  it('reads every command of a subshell, its last one included', () => {
    expect(shellSegments('(cd x && kubectl delete ns y) || true')).toEqual(['cd x', 'kubectl delete ns y', 'true']);
  });
});
