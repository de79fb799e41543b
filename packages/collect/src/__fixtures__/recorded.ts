// The recorded cluster in ./kube and ./aws: lists as a real API server answered them (items without
// apiVersion and kind, with managedFields and uids), and AWS API output.
import { readdirSync, readFileSync } from 'node:fs';
import type { ApiGroup, AwsData, Json, KubeData, KubeObject, WorldData } from '../testing/data.js';

const read = <T>(relative: string): T => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;

function recordedKube(): KubeData {
  const lists = new Map<string, KubeObject[]>();
  let groups: ApiGroup[] | undefined;
  for (const file of readdirSync(new URL('./kube/', import.meta.url))) {
    if (file === 'apis.json') {
      groups = read<{ groups: ApiGroup[] }>(`./kube/${file}`).groups;
      continue;
    }
    const list = read<{ apiVersion: string; items: KubeObject[] }>(`./kube/${file}`);
    lists.set(`${list.apiVersion}/${file.replace(/\.json$/, '')}`, list.items);
  }
  if (groups === undefined) throw new Error('apis.json fixture missing');
  return { groups, lists };
}

function recordedAws(): AwsData {
  return {
    cluster: read<Json>('./aws/cluster.json'),
    fargateProfiles: read<Json[]>('./aws/fargate-profiles.json'),
    nodegroups: read<Json[]>('./aws/nodegroups.json'),
    securityGroups: read<Json[]>('./aws/security-groups.json'),
    subnets: read<Json[]>('./aws/subnets.json'),
  };
}

export function recorded(): WorldData {
  return { kube: recordedKube(), aws: recordedAws() };
}
