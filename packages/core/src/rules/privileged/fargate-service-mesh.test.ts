import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube.js';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargatePrivilegedRule } from './fargate-privileged.js';
import { fargateServiceMeshRule } from './fargate-service-mesh.js';

// The shape istioctl kube-inject gives a pod: the proxy, its iptables init container adding
// NET_ADMIN and NET_RAW, and the status annotation.
const injected = aWorkload({
  name: 'reviews',
  podAnnotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"]}' },
  containers: [
    { name: 'reviews', image: 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.1' },
    { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.0' },
  ],
  spec: {
    initContainers: [
      { name: 'istio-init', image: 'docker.io/istio/proxyv2:1.24.0', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] } } },
    ],
  },
});

const namespace = (name: string, labels: Record<string, string>, annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels, annotations },
  spec: {},
  origin: { file: 'ns.yaml', line: 1 },
});

describe('fargate-service-mesh', () => {
  it('keeps an Istio-injected pod on Auto Mode instead of stripping the NET_ADMIN its mesh needs', () => {
    const inventory = anAutoModeInventory([injected]);
    const [mesh] = runRule(fargateServiceMeshRule, inventory, { target: 'fargate' });
    expect(mesh).toMatchObject({ severity: 'blocker', capability: 'privileged', action: { type: 'stay', on: 'auto-mode' } });
    expect(mesh?.message).toContain('Istio service mesh (container istio-init)');
    expect(runRule(fargatePrivilegedRule, inventory, { target: 'fargate' })).toEqual([]);
  });

  it('recognises Linkerd and App Mesh proxies by their containers', () => {
    const linkerd = aWorkload({
      name: 'web',
      containers: [
        { name: 'web', image: 'web' },
        { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10' },
      ],
    });
    const appMesh = aWorkload({
      name: 'color',
      containers: [
        { name: 'color', image: 'color' },
        { name: 'envoy', image: '840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod' },
      ],
    });
    const plainEnvoy = aWorkload({ name: 'edge', containers: [{ name: 'envoy', image: 'envoyproxy/envoy:v1.31.0' }] });
    const findings = runRule(fargateServiceMeshRule, anAutoModeInventory([linkerd, appMesh, plainEnvoy]), { target: 'fargate' });
    expect(findings.map((f) => [f.resource?.name, f.message.match(/the (.*) service mesh/)?.[1]])).toEqual([
      ['color', 'App Mesh'],
      ['web', 'Linkerd'],
    ]);
  });

  it('reads injection from the namespace label, and honours a pod that opts out', () => {
    const optedOut = aWorkload({ name: 'batch', podLabels: { app: 'batch', 'sidecar.istio.io/inject': 'false' } });
    const inventory = anAutoModeInventory([aWorkload({ name: 'cart' }), optedOut], { namespaces: [namespace('shop', { 'istio-injection': 'enabled' })] });
    const findings = runRule(fargateServiceMeshRule, inventory, { target: 'fargate' });
    expect(findings.map((f) => f.resource?.name)).toEqual(['cart']);
    expect(findings[0]?.message).toContain('namespace label istio-injection=enabled');
  });

  it('counts the mesh objects that configure a namespace’s proxies as evidence', () => {
    const inventory = anAutoModeInventory([aWorkload({ name: 'cart' })], {
      other: [{ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', namespace: 'shop', name: 'strict', origin: { file: 'mesh.yaml', line: 1 } }],
    });
    const [f] = runRule(fargateServiceMeshRule, inventory, { target: 'fargate' });
    expect(f?.message).toContain('Istio PeerAuthentication shop/strict in its namespace');
  });

  it('leaves workloads outside any mesh alone', () => {
    expect(runRule(fargateServiceMeshRule, anAutoModeInventory([aWorkload()]), { target: 'fargate' })).toEqual([]);
  });
});
