import type { Plan } from '@modeshift/plan';
import { code, inline, tableRow } from '../render/markdown/syntax.js';
import { MODE_NAMES } from '../render/mode-names.js';
import type { ExportFolder } from './export-model.js';
import { describeOwner, valuesHints, whereToChange } from './ownership.js';

function after(folder: ExportFolder): string {
  return folder.step.dependsOn.length === 0 ? 'first' : folder.step.dependsOn.map(code).join(', ');
}

/** The pause and resume steps around a wave, when Argo CD or Flux applies some of its workloads. */
function syncSteps(folder: ExportFolder, folders: readonly ExportFolder[]): { pause: ExportFolder; resume: ExportFolder } | null {
  const pause = folders.find((f) => f.step.kind === 'pause-sync' && folder.step.dependsOn.includes(f.step.id));
  const resume = folders.find((f) => f.step.kind === 'resume-sync' && f.step.dependsOn.includes(folder.step.id));
  return pause && resume ? { pause, resume } : null;
}

function waveSection(folder: ExportFolder, folders: readonly ExportFolder[]): string[] {
  const lines: string[] = [];
  for (const { move, owner, patched } of folder.moves) {
    const w = move.workload;
    const what = patched ? 'patched' : 'no patch: it needs new pods only (restart it as the plan step says)';
    lines.push(`- ${code(`${w.kind} ${w.metadata.namespace}/${w.metadata.name}`)}: ${what}.`);
    if (owner === null) continue;
    lines.push(`  Managed by ${inline(describeOwner(owner))}: ${inline(whereToChange(owner))}.`);
    for (const hint of valuesHints(move.edits)) lines.push(`  - ${inline(hint)} (the chart may name it differently, or not offer it)`);
  }
  const sync = syncSteps(folder, folders);
  if (sync) {
    lines.push(
      '',
      `Argo CD or Flux applies some of these workloads. Committed to their source, this overlay's change reaches the cluster through them, and plan steps ${code(sync.pause.step.id)} and ${code(sync.resume.step.id)} are not needed (mark them not applicable). ` +
        `If you run the wave's patch commands in the cluster instead, run ${code(sync.pause.step.id)} first and ${code(sync.resume.step.id)} once the source has the change: a sync before that undoes the patches.`,
    );
  }
  return lines;
}

/** A step with no files: why it is there and the commands it runs. */
function commandSection(folder: ExportFolder): string[] {
  return ['', inline(folder.step.why), '', 'Commands (no files to apply):', '', ...folder.step.commands.map((c) => `- ${code(c)}`)];
}

const folderCell = (f: ExportFolder) => (f.folder === null ? 'none: commands only' : code(f.folder));

/** The export's README: every folder with its plan step and when to apply it, then how to use each kind. */
export function exportReadme(plan: Plan, folders: readonly ExportFolder[]): string {
  const cluster = plan.cluster.name ?? 'the cluster';
  const lines: string[] = [
    `# Kubernetes changes of the modeshift plan for ${inline(cluster)}`,
    '',
    `The plan moves workloads from ${MODE_NAMES[plan.from]} to ${MODE_NAMES[plan.to]}${plan.inventoryDate ? `; its inventory is of ${inline(plan.inventoryDate)}` : ''}. ` +
      'Every folder here carries out one step of that plan (the ids are the ones `modeshift plan` prints). Apply them in this order, each once the steps it waits for are done. ' +
      'Steps that change AWS only (roles, Fargate profiles, Auto Mode itself) and the commands around these files are in the plan.',
    '',
    tableRow(['#', 'Folder', 'Plan step', 'Apply after']),
    tableRow(['---', '---', '---', '---']),
    ...folders.map((f, i) => tableRow([String(i + 1), folderCell(f), code(f.step.id), after(f)])),
    '',
    '## How to use these files',
    '',
    "- `stages/…`: objects the plan creates. Review them with `kubectl kustomize <folder>`, then commit them where your cluster's manifests live, or apply them with `kubectl apply -k <folder>`.",
    '- `waves/…`: one kustomize overlay per wave, with a strategic-merge patch per workload (targeting it by kind, namespace and name), and a JSON 6902 patch (`*.json-patch.yaml`) where the change is to one element of a list: ' +
      'a toleration added or removed, a host port taken out. Each of its `test` operations checks that the element is the one the plan means, so on a manifest that has changed since the inventory the overlay fails to build instead of changing the wrong element. ' +
      '`base/<namespace>` holds those workloads as the inventory has them (status, server-set metadata and kubectl’s last-applied copy left out, literal credentials redacted), so `kubectl kustomize waves/<folder>` shows the changed objects without a cluster. ' +
      'In your repository, point `resources:` at your own manifests of that namespace and keep the `patches:`. An object the inventory had no document for is written as modeshift read it, which is not the whole object: its file says so; do not apply such a wave with `kubectl apply -k`.',
    "- JSON documents in a step folder are what the step's AWS commands read (`file://…`: IAM trust and permission policies), outside its kustomization: run the step's commands from its folder.",
    '- `rollback/` in a step folder: the objects as they are before that step (an Ingress it deletes), which only its rollback applies. `kubectl apply -k` leaves them out; never apply them with the step.',
    '- Jobs and bare Pods cannot be patched in place: re-create them from the rendered object.',
    '- Secrets are never written here.',
  ];
  for (const folder of folders) {
    lines.push(
      '',
      `## ${inline(folder.folder ?? folder.step.id)}`,
      '',
      `Plan step ${code(folder.step.id)}: ${inline(folder.step.title)}. Apply after: ${after(folder)}.`,
    );
    if (folder.folder === null) lines.push(...commandSection(folder));
    if (folder.step.verify.command !== '') lines.push('', `Check: ${code(folder.step.verify.command)}, expect ${inline(folder.step.verify.expect)}.`);
    if (folder.skipped.length > 0) lines.push('', `Not here (Secrets are never written; see the plan step): ${folder.skipped.map(code).join(', ')}.`);
    // A step folder with nothing for kubectl: no kustomization, only what its commands or its rollback read.
    const applied = folder.step.manifests.length - folder.skipped.length - folder.commandFiles.length - folder.rollbackOnly.length;
    if (folder.folder !== null && folder.moves.length === 0 && applied === 0) lines.push('', 'Nothing to apply with kubectl here.');
    if (folder.commandFiles.length > 0)
      lines.push(
        '',
        `Not Kubernetes objects (outside the kustomization): what the step's commands read (${code('file://…')}), so run them from this folder: ${folder.commandFiles.map(code).join(', ')}.`,
      );
    if (folder.rollbackOnly.length > 0)
      lines.push(
        '',
        `In ${code('rollback/')}, for the step's rollback only (the objects as they are before it, which the rollback re-creates from these files; run it from that folder): ${folder.rollbackOnly.map(code).join(', ')}.`,
      );
    if (folder.moves.length > 0) lines.push('', ...waveSection(folder, folders));
  }
  return `${lines.join('\n')}\n`;
}
