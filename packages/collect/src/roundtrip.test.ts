// What collect writes must load through @modeshift/inventory without a single problem: the two sides
// of the contract's formats, checked against each other.
import { loadInventory } from '@modeshift/inventory';
import { expect, it } from 'vitest';
import { collect } from './collect.js';
import { startWorld } from './__fixtures__/world.js';

it('writes an inventory that the loader reads without problems', async () => {
  const world = await startWorld({ kube: { forbid: (a) => a.resource === 'networkpolicies' } });
  try {
    await collect(world.options());
    const { inventory, problems } = await loadInventory([world.out]);
    expect(problems).toEqual([]);
    expect(inventory.collectedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(inventory.cluster).toMatchObject({ name: 'demo', region: 'eu-west-1', version: '1.31', vpcId: 'vpc-0demo' });
    expect(inventory.fargateProfiles.map((p) => p.name).sort()).toEqual(['fp-default', 'fp-observability', 'fp-shop']);
    expect(inventory.nodegroups.map((n) => n.name)).toEqual(['general']);
    expect(inventory.securityGroups).toHaveLength(4);
    expect(inventory.subnets.filter((s) => s.public).map((s) => s.id)).toEqual(['subnet-0pub1']);
    expect(inventory.workloads.map((w) => w.key)).toEqual(
      expect.arrayContaining(['DaemonSet/kube-system/aws-node', 'Deployment/kube-system/coredns', 'Deployment/shop/cart', 'StatefulSet/shop/web']),
    );
    expect(inventory.nodePools).toHaveLength(1);
    expect(inventory.nodeClasses).toHaveLength(1);
    expect(inventory.securityGroupPolicies).toHaveLength(1);
    expect(inventory.secrets).toEqual([
      { namespace: 'shop', name: 'db-password', type: null },
      { namespace: 'shop', name: 'tls-cart', type: null },
    ]);
    expect(inventory.notCollected).toEqual([{ kind: 'NetworkPolicy', namespace: null, reason: 'forbidden' }]);
    expect(inventory.other).toEqual([]);
  } finally {
    await world.close();
  }
});
