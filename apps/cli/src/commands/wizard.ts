import { resolve } from 'node:path';
import { buildContext, buildPlan, detectDirection, manifestText, renderJson, renderMarkdown, renderText, type Mode } from '@modeshift/core';
import { loadInventory, requireWorkloads } from '@modeshift/inventory';
import { BUNDLED_EXAMPLE, bundledExamples } from '../examples.js';
import { textWidth, useColor, writeFileAtomic, type Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { parseClusterVersion, parseMode } from '../options.js';
import { terminalClipboard } from '../wizard/clipboard.js';
import type { WizardDeps, WizardInit } from '../wizard/deps.js';
import { preferProductionReact } from '../wizard/react-build.js';
import { runVerify } from '../wizard/verify-runner.js';

export interface WizardOptions {
  to?: string;
  clusterVersion?: string;
  state?: string;
}

/** `modeshift wizard [<path>…]` (and `modeshift` in a terminal). Returns the exit code. */
export async function wizardCommand(paths: string[], options: WizardOptions, io: Io): Promise<number> {
  const target = options.to === undefined ? undefined : parseMode(options.to);
  const clusterVersion = parseClusterVersion(options.clusterVersion);
  if (!io.stdin?.isTTY || !io.stdout.isTTY) return printPlan(paths.length > 0 ? paths : [BUNDLED_EXAMPLE], target, clusterVersion, io);
  const init: WizardInit = {
    ...(paths.length > 0 ? { paths: paths.map((p) => resolve(io.cwd, p)) } : {}),
    ...(target ? { target } : {}),
    clusterVersion,
    ...(options.state ? { statePath: resolve(io.cwd, options.state) } : {}),
  };
  // Only the real process environment decides which React build loads; a test's own env is left alone.
  const commandEnv = io.env === process.env ? preferProductionReact() : io.env;
  return interactive(init, wizardDeps(io, commandEnv), io);
}

/** Not a terminal: nobody can press a key, so the wizard's content goes out as the text plan. */
async function printPlan(paths: string[], target: Mode | undefined, clusterVersion: string | null, io: Io): Promise<number> {
  io.stderr.write('modeshift: not a terminal, so printing the plan instead of starting the wizard\n');
  const { inventory, skipped } = await loadForCommand(paths, io);
  const plan = buildPlan(buildContext(inventory, { target: target ?? detectDirection(inventory).suggested, clusterVersion }), undefined, {
    skippedInputs: skipped,
  });
  const width = textWidth(io);
  io.stdout.write(renderText(plan, { color: useColor(io), ...(width !== undefined ? { width } : {}) }));
  return 0;
}

function wizardDeps(io: Io, commandEnv: NodeJS.ProcessEnv): WizardDeps {
  return {
    cwd: io.cwd,
    load: async (paths) => requireWorkloads(await loadInventory(paths), paths),
    examples: bundledExamples(io.env),
    collect: collector(io),
    runVerify: (command, signal) => runVerify(command, { cwd: io.cwd, env: commandEnv, timeoutMs: 60_000, ...(signal ? { signal } : {}) }),
    writeFile: writeFileAtomic,
    copyToClipboard: terminalClipboard(io.stdout, io.env),
    ...(io.env.HOME ? { home: io.env.HOME } : {}),
    renderJson,
    renderMarkdown,
    exportStack: exportStack(io),
    exportKustomize: exportKustomize(io),
    // Redacted as the Markdown export redacts.
    manifestText: (manifest) => manifestText(manifest).text,
  };
}

type DirectoryExport = NonNullable<WizardDeps['exportStack']>;
type DirectoryCommand = (paths: string[], options: { to: string; out: string; force: boolean; clusterVersion?: string }, io: Io) => Promise<number>;

/**
 * A directory export through its command, so the wizard writes exactly what the command writes; what the
 * command says becomes the one line the Export screen shows. The wizard asks before replacing, hence --force.
 */
function throughCommand(io: Io, load: () => Promise<DirectoryCommand>): DirectoryExport {
  return async ({ paths, target, clusterVersion, out }) => {
    const command = await load();
    let said = '';
    const quiet: Io = { ...io, stdout: { write: (s: string) => (said += s) }, stderr: { write: (s: string) => (said += s) } };
    await command(paths, { to: target, out, force: true, ...(clusterVersion ? { clusterVersion } : {}) }, quiet);
    return (
      said
        .replace(/modeshift: /g, '')
        .trim()
        .split('\n')
        .join(' ') || `Wrote ${out}`
    );
  };
}

// Loaded on use only: the Pulumi generator is large and most sessions never export a stack.
const exportStack = (io: Io): DirectoryExport => throughCommand(io, async () => (await import('./stack.js')).stackCommand);

const exportKustomize = (io: Io): DirectoryExport => throughCommand(io, async () => (await import('./export.js')).exportCommand);

/** Loaded on use only: the Kubernetes and AWS clients take a while to import and most sessions never collect. */
function collector(io: Io): NonNullable<WizardDeps['collect']> {
  return async (out, onProgress) => {
    const mod = await import('@modeshift/collect');
    io.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const counts = new Map<string, number>();
    await mod.collect({ out, env: io.env }, (event) => {
      if (event.type === 'count' || event.type === 'done') counts.set(event.kind, event.count);
      if (event.type === 'phase') onProgress(event.phase);
      else onProgress(mod.formatProgress(counts, 70).replace(/^collecting: /, ''));
    });
  };
}

/** Full screen (the terminal's alternate screen), restored however the wizard ends. */
async function interactive(init: WizardInit, deps: WizardDeps, io: Io): Promise<number> {
  const [{ render }, { createElement }, { App }, { WizardModel }, { commandsText }] = await Promise.all([
    import('ink'),
    import('react'),
    import('../wizard/App.js'),
    import('../wizard/model.js'),
    import('../wizard/walk-actions.js'),
  ]);
  const model = new WizardModel(deps, init);
  const leave = () => io.stdout.write('\u001b[?1049l');
  const onTerm = () => {
    // Saves run on the turn after their frame (wizard/saver.ts): one may still be due.
    model.flushProgress();
    leave();
    process.exit(143);
  };
  process.once('SIGTERM', onTerm);
  io.stdout.write('\u001b[?1049h\u001b[H');
  try {
    const instance = render(createElement(App, { model, color: useColor(io) }), { exitOnCtrlC: true });
    await instance.waitUntilExit();
  } finally {
    model.verifyAbort?.abort();
    // Ctrl+C ends the wizard without its quit key, which would have saved.
    model.flushProgress();
    leave();
    process.off('SIGTERM', onTerm);
  }
  if (model.statePath && model.progress && model.persistence === 'on') io.stdout.write(`modeshift: progress saved to ${model.statePath}\n`);
  if (model.plan && model.copied.length > 0) {
    io.stdout.write(
      `modeshift: the commands you copied${model.commandsFile ? ` (also in ${model.commandsFile})` : ''}:\n\n${commandsText(model.plan, model.copied)}`,
    );
  }
  return 0;
}
