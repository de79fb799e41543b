// Test helpers for packages that drive `collect` end to end (the CLI): fake Kubernetes, EKS and EC2 APIs
// on 127.0.0.1 that play any inventory directory. Not part of the library's API.
export { apiGroup, type ApiGroup, type AwsData, type KubeData, type KubeObject, type WorldData } from './data.js';
export { startFakeAws, type AwsRequest, type FakeAws, type FakeAwsOptions } from './fake-aws.js';
export { startFakeKube, type FakeKube, type FakeKubeOptions, type KubeRequest } from './fake-kube.js';
export { inventoryData, resourceOf } from './inventory-data.js';
export { readmeDocuments, roleNamed } from './policy.js';
export { ACCESS_KEY_ID, CONTEXT, kubeconfigYaml, SECRET_ACCESS_KEY, startInventoryWorld, startWorld, TOKEN, type World, type WorldSetup } from './world.js';
