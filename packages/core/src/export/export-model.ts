import type { Plan, Step } from '@modeshift/plan';
import { stringify } from 'yaml';
import type { Workload } from '../inventory/types.js';
import type { RuleContext } from '../rules/engine/types.js';
import { collectMoves, type Move } from '../plan/moves.js';
import { planInput } from '../plan/plan-input.js';
import { manifestText } from '../render/markdown/manifests.js';
import { manifestUses } from '../plan/manifest-use.js';
import type { RawDocument } from '../inventory/documents.js';
import type { JsonPatchOp } from './json-patch.js';
import { baseObject, overlayPatches } from './objects.js';
import { SourceObjects } from './source-objects.js';
import { detectOwner, type Owner } from './ownership.js';
import { exportReadme } from './readme.js';

/** One file of an export: a path relative to the export directory (always `/`-separated) and its text. */
export interface ExportFile {
  path: string;
  content: string;
}

/** A folder of the export and the plan step it carries out, in plan order: what the README lists. */
export interface ExportFolder {
  /** Null for a step with no files (pausing or resuming Argo CD or Flux): the README lists its commands in its place. */
  folder: string | null;
  step: Step;
  /** For waves: the moves it patches, each with who manages the workload. */
  moves: { move: Move; owner: Owner | null; patched: boolean }[];
  /** Secrets the step names: never written. */
  skipped: string[];
  /** Files that are not Kubernetes objects (IAM policy and trust documents), which the step's commands read: beside its manifests, outside its kustomization. */
  commandFiles: string[];
  /** Objects as they are before the step, which only its rollback applies: applied with the folder, they would undo it. */
  rollbackOnly: string[];
}

const KUSTOMIZATION_HEAD = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' };

/** A path segment from inventory text: lower-case letters, digits, '.', '-' and never '.' or '..' alone. */
function segment(text: string): string {
  const safe = text
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  return safe === '' ? 'unnamed' : safe;
}

const pad = (n: number, count: number) => String(n).padStart(Math.max(2, String(count).length), '0');

function yaml(object: Record<string, unknown>, comment?: string): string {
  const text = manifestText({ file: 'object.yaml', object }).text;
  return comment === undefined ? text : `# ${comment.replace(/[\r\n\u2028\u2029]+/g, ' ')}\n${text}`;
}

/** A JSON 6902 patch as kustomize reads it: a YAML list of operations. */
function jsonPatchText(ops: readonly JsonPatchOp[], comment: string): string {
  // As manifestText writes YAML: 1.1, so a value such as `on` or `yes` is quoted and stays a string.
  return `# ${comment.replace(/[\r\n\u2028\u2029]+/g, ' ')}\n${stringify(ops, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 })}`;
}

/** File names unique within one folder, whatever the sources call them. */
function uniqueNames(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let name = wanted;
    for (let i = 2; used.has(name); i++) name = wanted.replace(/(\.[a-z]+)?$/, (ext) => `-${i}${ext}`);
    used.add(name);
    return name;
  };
}

const isKubeObject = (object: Record<string, unknown>): boolean => typeof object.apiVersion === 'string' && typeof object.kind === 'string';

const workloadFile = (w: Workload) => `${w.kind.toLowerCase()}-${segment(w.metadata.name)}.yaml`;

function waveFiles(step: Step, folder: string, moves: Move[], sources: SourceObjects, files: ExportFile[]): ExportFolder {
  const namespace = step.namespaces[0] ?? '';
  const baseDir = `base/${segment(namespace)}`;
  const baseNames = uniqueNames();
  const patchNames = uniqueNames();
  const resources: string[] = [];
  const patches: Record<string, unknown>[] = [];
  const listed: ExportFolder['moves'] = [];
  for (const move of moves) {
    const w = move.workload;
    // An operator's custom resource is changed in its own object (the wave step says how); modeshift
    // read only its pod template, too little to render it, so it has no overlay here.
    if (baseObject(w) === null) continue;
    const source = sources.objectOf(w);
    const base = source ?? baseObject(w)!;
    const baseName = baseNames(workloadFile(w));
    const what = `${w.kind} ${namespace}/${w.metadata.name}`;
    const said = source
      ? `${what} as the inventory has it (status and server-set metadata left out, credentials redacted)`
      : `${what} as modeshift read it (the inventory's own document was not at hand)`;
    files.push({ path: `${baseDir}/${baseName}`, content: yaml(base, said) });
    resources.push(baseName);
    const { strategic, json } = overlayPatches(w, base, move.edits);
    const target = { kind: w.kind, namespace, name: w.metadata.name };
    const name = patchNames(workloadFile(w));
    if (strategic) {
      files.push({ path: `${folder}/patches/${name}`, content: yaml(strategic, `the change plan step ${step.id} makes to ${what}`) });
      patches.push({ path: `patches/${name}`, target });
    }
    if (json.length > 0) {
      const path = `patches/${name.replace(/\.yaml$/, '.json-patch.yaml')}`;
      files.push({
        path: `${folder}/${path}`,
        content: jsonPatchText(json, `list elements plan step ${step.id} changes in ${what} (JSON 6902: each test checks the element first)`),
      });
      patches.push({ path, target });
    }
    listed.push({ move, owner: detectOwner(w.metadata), patched: strategic !== null || json.length > 0 });
  }
  files.push({
    path: `${baseDir}/kustomization.yaml`,
    content: yaml({ ...KUSTOMIZATION_HEAD, resources }, `the workloads of namespace ${namespace} that plan step ${step.id} moves`),
  });
  const kustomization = { ...KUSTOMIZATION_HEAD, resources: [`../../${baseDir}`], ...(patches.length > 0 ? { patches } : {}) };
  files.push({ path: `${folder}/kustomization.yaml`, content: yaml(kustomization, `plan step ${step.id}: ${step.title}`) });
  return { folder, step, moves: listed, skipped: [], rollbackOnly: [], commandFiles: [] };
}

function manifestFiles(step: Step, folder: string, files: ExportFile[]): ExportFolder | null {
  const names = uniqueNames();
  const resources: string[] = [];
  const skipped: string[] = [];
  const rollbackOnly: string[] = [];
  const commandFiles: string[] = [];
  const use = manifestUses(step);
  for (const manifest of step.manifests) {
    // What `aws … file://<name>` reads: written as the plan has it, under the name its commands use.
    if (!isKubeObject(manifest.object)) {
      const name = segment(manifest.file);
      const json = /\.json$/i.test(name);
      files.push({ path: `${folder}/${name}`, content: json ? `${JSON.stringify(manifest.object, null, 2)}\n` : yaml(manifest.object) });
      commandFiles.push(name);
      continue;
    }
    // Secrets never leave the plan as files; modeshift creates none, and none is copied from an inventory.
    if (manifest.object.kind === 'Secret') {
      skipped.push(manifest.file);
      continue;
    }
    // The object as it is before the step, for its rollback: kept apart, as `kubectl apply -k` of the folder must not apply it.
    if (use(manifest.file) === 'rollback') {
      // Named as the rollback's commands name it (the plan's own names are already safe path segments).
      const name = segment(manifest.file);
      files.push({ path: `${folder}/rollback/${name}`, content: yaml(manifest.object) });
      rollbackOnly.push(name);
      continue;
    }
    const name = names(segment(manifest.file.replace(/\.(ya?ml|json)$/i, '')) + '.yaml');
    files.push({ path: `${folder}/${name}`, content: yaml(manifest.object) });
    resources.push(name);
  }
  if (resources.length === 0 && rollbackOnly.length === 0 && commandFiles.length === 0) return null;
  if (resources.length > 0)
    files.push({ path: `${folder}/kustomization.yaml`, content: yaml({ ...KUSTOMIZATION_HEAD, resources }, `plan step ${step.id}: ${step.title}`) });
  return { folder, step, moves: [], skipped, rollbackOnly, commandFiles };
}

/**
 * The plan's Kubernetes side as files for Git: one kustomize overlay per wave over `base/` (the moving
 * workloads as they are today), and one folder per step that creates objects, numbered in plan order,
 * with a README mapping each folder to its step. Pure and deterministic: the same plan gives the same files,
 * sorted by path.
 */
export function buildExport(ctx: RuleContext, plan: Plan, documents: readonly RawDocument[] = []): ExportFile[] {
  return exportFiles(plan, collectMoves(planInput(ctx, plan.findings)), new SourceObjects(documents));
}

/** The export of a plan whose moves are known (tests give their own, one edit at a time). */
export function exportFiles(plan: Plan, moves: readonly Move[], sources: SourceObjects): ExportFile[] {
  const byNamespace = new Map<string, Move[]>();
  for (const m of moves) {
    const list = byNamespace.get(m.workload.metadata.namespace);
    if (list) list.push(m);
    else byNamespace.set(m.workload.metadata.namespace, [m]);
  }
  const files: ExportFile[] = [];
  const folders: ExportFolder[] = [];
  const waveCount = plan.stages.reduce((n, s) => n + s.steps.filter((step) => step.kind === 'wave').length, 0);
  let wave = 0;
  plan.stages.forEach((stage, stageIndex) => {
    const stageDir = `stages/${pad(stageIndex + 1, plan.stages.length)}-${stage.id}`;
    let number = 0;
    for (const step of stage.steps) {
      if (step.kind === 'wave') {
        wave++;
        const namespace = step.namespaces[0] ?? '';
        folders.push(waveFiles(step, `waves/${pad(wave, waveCount)}-${segment(namespace)}`, byNamespace.get(namespace) ?? [], sources, files));
        continue;
      }
      // Pausing Argo CD or Flux is commands only, but its place in the order is what keeps a live patch from being undone.
      if (step.kind === 'pause-sync' || step.kind === 'resume-sync') {
        folders.push({ folder: null, step, moves: [], skipped: [], rollbackOnly: [], commandFiles: [] });
        continue;
      }
      if (step.manifests.length === 0) continue;
      const folder = manifestFiles(step, `${stageDir}/${pad(number + 1, stage.steps.length)}-${segment(step.id.slice(step.id.indexOf('/') + 1))}`, files);
      if (folder) {
        number++;
        folders.push(folder);
      }
    }
  });
  files.push({ path: 'README.md', content: exportReadme(plan, folders) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
