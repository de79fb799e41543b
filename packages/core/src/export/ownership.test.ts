import { describe, expect, it } from 'vitest';
import { describeOwner, detectOwner, pauseCommands, valuesHints, whereToChange } from './ownership.js';

const meta = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({ labels, annotations });

describe('detectOwner', () => {
  it('names the Helm release and chart from Helm labels and annotations', () => {
    const owner = detectOwner(meta({ 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'cart-1.2.0' }, { 'meta.helm.sh/release-name': 'shop' }));
    expect(owner).toEqual({ tool: 'helm', release: 'shop', chart: 'cart-1.2.0' });
    expect(describeOwner(owner!)).toBe('Helm release shop (chart cart-1.2.0)');
  });

  it('reads the Argo CD Application from the tracking annotation before the instance label', () => {
    expect(detectOwner(meta({ 'argocd.argoproj.io/instance': 'old-name' }, { 'argocd.argoproj.io/tracking-id': 'payments:apps/Deployment:pay/api' }))).toEqual({ tool: 'argo-cd', application: 'payments' });
    expect(detectOwner(meta({ 'argocd.argoproj.io/instance': 'payments' }))).toEqual({ tool: 'argo-cd', application: 'payments' });
  });

  it('prefers the Flux HelmRelease over the Helm labels it also leaves', () => {
    const owner = detectOwner(
      meta({ 'app.kubernetes.io/managed-by': 'Helm', 'helm.toolkit.fluxcd.io/name': 'podinfo', 'helm.toolkit.fluxcd.io/namespace': 'flux-system' }, { 'meta.helm.sh/release-name': 'podinfo' }),
    );
    expect(owner).toEqual({ tool: 'flux-helm-release', name: 'podinfo', namespace: 'flux-system' });
  });

  it('names the Flux Kustomization that applies the object', () => {
    expect(detectOwner(meta({ 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' }))).toEqual({ tool: 'flux-kustomization', name: 'apps', namespace: 'flux-system' });
  });

  it('finds no owner on an object applied by hand or by modeshift', () => {
    expect(detectOwner(meta({ 'app.kubernetes.io/managed-by': 'modeshift', app: 'cart' }))).toBeNull();
  });
});

describe('where a managed change belongs', () => {
  it('sends a Helm change to the release values, not the cluster', () => {
    expect(whereToChange({ tool: 'helm', release: 'shop', chart: null })).toMatch(/values of Helm release shop .*not in the cluster/);
  });

  it('gives keys to look for without claiming the chart has them', () => {
    const hints = valuesHints([
      { op: 'set-pod-annotation', key: 'eks.amazonaws.com/compute-type', value: 'ec2' },
      { op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: 'gpu' },
      { op: 'add-toleration', toleration: { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' } },
      { op: 'set-resources', container: 'app', requests: { cpu: '1' }, limits: {} },
    ]);
    expect(hints).toEqual([
      'pod annotation eks.amazonaws.com/compute-type: look for a value such as podAnnotations (or <component>.podAnnotations)',
      'nodeSelector karpenter.sh/nodepool: look for a value such as nodeSelector',
      'tolerations: look for a value such as tolerations',
      'resources of container app: look for a value such as resources (or <container>.resources)',
    ]);
  });

  it('pauses Argo CD and Flux, and has nothing to pause for plain Helm', () => {
    expect(pauseCommands({ tool: 'argo-cd', application: 'pay' })).toEqual({ pause: 'argocd app set pay --sync-policy none', resume: 'argocd app set pay --sync-policy automated' });
    expect(pauseCommands({ tool: 'flux-kustomization', name: 'apps', namespace: 'flux-system' })?.pause).toBe('flux suspend kustomization apps -n flux-system');
    expect(pauseCommands({ tool: 'helm', release: 'shop', chart: null })).toBeNull();
  });

  it('quotes a hostile Application name so it stays one argument', () => {
    expect(pauseCommands({ tool: 'argo-cd', application: 'x;rm -rf /' })?.pause).toBe("argocd app set 'x;rm -rf /' --sync-policy none");
  });
});
