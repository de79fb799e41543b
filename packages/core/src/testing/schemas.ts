// Schema validation for tests: emitted manifests are checked against the CRDs in ../shared/schemas.
// Test-only (node:fs, ajv); exported from "@modeshift/core/testing", never from the main entry point.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;

/** ../shared/ of the repository; src/testing and dist/testing sit at the same depth, so both resolve. */
export const SHARED_DIR = new URL('../../../../../shared/', import.meta.url);

// strict: false because CRD schemas carry Kubernetes keywords (x-kubernetes-*) ajv does not know; formats
// such as int64 are Kubernetes' own and not what the checks here are about.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
const compiled = new Map<string, ValidateFunction>();

/**
 * The OpenAPI schema of a CRD file in ../shared/schemas: a `.json` file is the schema itself; a CRD `.yaml`
 * yields `openAPIV3Schema` of `version` (default: the storage version).
 *
 * For CRD YAML, object schemas with properties are closed (`additionalProperties: false`) unless they say
 * `x-kubernetes-preserve-unknown-fields`: the API server prunes unknown fields and kubectl's default strict
 * field validation rejects them, so a misspelt field is an error here too, not a silent no-op.
 */
export function loadCrdSchema(crdFileName: string, version?: string): Schema {
  const text = readFileSync(new URL(`schemas/${crdFileName}`, SHARED_DIR), 'utf8');
  if (crdFileName.endsWith('.json')) return JSON.parse(text) as Schema;
  const crd = parse(text) as { spec: { versions: { name: string; storage?: boolean; schema: { openAPIV3Schema: Schema } }[] } };
  const versions = crd.spec.versions;
  const chosen = version !== undefined ? versions.find((v) => v.name === version) : (versions.find((v) => v.storage) ?? versions[0]);
  if (!chosen) throw new Error(`${crdFileName} has no version ${version ?? '(any)'}; it has ${versions.map((v) => v.name).join(', ')}`);
  return closeObjects(chosen.schema.openAPIV3Schema) as Schema;
}

/** ajv errors as `<path>: <message>` lines; empty means valid. */
export function validateAgainstSchema(object: unknown, schema: Schema): string[] {
  return run(ajv.compile(schema), object);
}

/**
 * Validate one object against a CRD file in ../shared/schemas (e.g. "karpenter.sh_nodepools.yaml"). For CRD
 * YAML the version comes from the object's apiVersion, so a v1beta1 object is not checked against v1.
 */
export function validateAgainstCrd(object: unknown, crdFileName: string): string[] {
  const apiVersion = (object as { apiVersion?: unknown } | null)?.apiVersion;
  const version = crdFileName.endsWith('.json') || typeof apiVersion !== 'string' ? undefined : apiVersion.split('/').pop();
  const key = `${crdFileName}#${version ?? ''}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(loadCrdSchema(crdFileName, version));
    compiled.set(key, validate);
  }
  return run(validate, object);
}

function run(validate: ValidateFunction, object: unknown): string[] {
  if (validate(object)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `${e.instancePath === '' ? '/' : e.instancePath}: ${e.message ?? e.keyword}${extra}`;
  });
}

/**
 * The community NodeClass schema (datree, Feb 2025) extended with the fields AWS documented later
 * (aws-facts §4.2): it predates pod subnets / pod security groups, advancedNetworking, advancedSecurity,
 * certificateBundles, capacityReservationSelectorTerms and ephemeralStorage.kmsKeyID, and is closed
 * (additionalProperties: false), so without these it would reject valid NodeClasses.
 */
export function autoModeNodeClassSchema(): Schema {
  const schema = loadCrdSchema('eks.amazonaws.com_nodeclass_v1.schema.json');
  const spec = (schema['properties'] as Record<string, Schema>)['spec'] as Schema;
  const props = spec['properties'] as Record<string, Schema>;
  const tags = { type: 'object', additionalProperties: { type: 'string' } };
  const idTerm = (pattern: string): Schema => ({
    type: 'array',
    minItems: 1,
    items: { type: 'object', additionalProperties: false, properties: { id: { type: 'string', pattern }, tags } },
  });
  props['podSubnetSelectorTerms'] = idTerm('subnet-[0-9a-z]+');
  props['podSecurityGroupSelectorTerms'] = idTerm('sg-[0-9a-z]+');
  props['advancedNetworking'] = {
    type: 'object',
    additionalProperties: false,
    properties: {
      associatePublicIPAddress: { type: 'boolean' },
      httpsProxy: { type: 'string', maxLength: 255 },
      noProxy: { type: 'array', maxItems: 50, items: { type: 'string' } },
      ipv4PrefixSize: { type: 'string' },
    },
  };
  props['advancedSecurity'] = {
    type: 'object',
    additionalProperties: false,
    properties: { fips: { type: 'boolean' }, kernelLockdown: { type: 'string', enum: ['integrity', 'none'] } },
  };
  props['certificateBundles'] = {
    type: 'array',
    items: { type: 'object', additionalProperties: false, required: ['name', 'data'], properties: { name: { type: 'string' }, data: { type: 'string' } } },
  };
  props['capacityReservationSelectorTerms'] = {
    type: 'array',
    items: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, owner: { type: 'string' }, tags } },
  };
  const ephemeral = props['ephemeralStorage'] as Schema;
  (ephemeral['properties'] as Record<string, Schema>)['kmsKeyID'] = { type: 'string' };
  return schema;
}

function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = closeObjects(value);
  const open = out['x-kubernetes-preserve-unknown-fields'] === true || 'additionalProperties' in out;
  if (out['type'] === 'object' && out['properties'] !== undefined && !open) out['additionalProperties'] = false;
  return out;
}
