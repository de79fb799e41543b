import { describe, expect, it } from 'vitest';
import { jsonPatchOps } from './json-patch.js';

const deployment = (spec: Record<string, unknown>) => ({ kind: 'Deployment', spec: { template: { spec } } });
const at = '/spec/template/spec';
const spot = { key: 'modeshift.io/spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' };

describe('JSON 6902 operations for list edits', () => {
  it('adds a toleration to a list, or the list when there is none, and never twice', () => {
    expect(jsonPatchOps(deployment({ tolerations: [{ key: 'a', operator: 'Exists' }] }), at, [{ op: 'add-toleration', toleration: spot }])).toEqual([
      { op: 'add', path: `${at}/tolerations/-`, value: spot },
    ]);
    expect(
      jsonPatchOps(deployment({}), at, [
        { op: 'add-toleration', toleration: spot },
        { op: 'add-toleration', toleration: spot },
      ]),
    ).toEqual([{ op: 'add', path: `${at}/tolerations`, value: [spot] }]);
    expect(jsonPatchOps(deployment({ tolerations: [spot] }), at, [{ op: 'add-toleration', toleration: spot }])).toEqual([]);
  });

  it('removes tolerations last first, testing each, so the indices stay right', () => {
    const tolerations = [{ key: 'a' }, { key: 'b' }, { key: 'a', effect: 'NoExecute' }];
    expect(jsonPatchOps(deployment({ tolerations }), at, [{ op: 'remove-tolerations', keys: ['a'] }])).toEqual([
      { op: 'test', path: `${at}/tolerations/2`, value: { key: 'a', effect: 'NoExecute' } },
      { op: 'remove', path: `${at}/tolerations/2` },
      { op: 'test', path: `${at}/tolerations/0`, value: { key: 'a' } },
      { op: 'remove', path: `${at}/tolerations/0` },
    ]);
  });

  it('takes the host port and host IP out of the ports of the named container, an init container too', () => {
    const spec = {
      containers: [{ name: 'app', ports: [{ containerPort: 8080 }] }],
      initContainers: [{ name: 'init', ports: [{ containerPort: 53, hostPort: 53, hostIP: '10.0.0.1' }] }],
    };
    expect(jsonPatchOps(deployment(spec), at, [{ op: 'remove-host-ports', container: 'init' }])).toEqual([
      { op: 'test', path: `${at}/initContainers/0/ports/0/containerPort`, value: 53 },
      { op: 'remove', path: `${at}/initContainers/0/ports/0/hostPort` },
      { op: 'remove', path: `${at}/initContainers/0/ports/0/hostIP` },
    ]);
    expect(jsonPatchOps(deployment(spec), at, [{ op: 'remove-host-ports', container: 'app' }])).toEqual([]);
  });

  it('leaves the edits a strategic-merge patch says exactly to it', () => {
    expect(jsonPatchOps(deployment({}), at, [{ op: 'set-node-selector', key: 'k', value: 'v' }])).toEqual([]);
  });
});
