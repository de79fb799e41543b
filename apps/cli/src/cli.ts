import { Command, CommanderError, Option } from 'commander';
import { exitCodeFor, forTerminal, UserError } from '@modeshift/core/base';
import { processIo, type Io } from './io.js';
// Types only: the command modules themselves stay lazily imported.
import type { CollectCommandOptions } from './commands/collect.js';
import type { ExportOptions } from './commands/export.js';
import type { PlanOptions } from './commands/plan.js';
import type { SimulateOptions } from './commands/simulate.js';
import type { StackOptions } from './commands/stack.js';
import type { WizardOptions } from './commands/wizard.js';

/** The exit-code contract (README "Exit codes"), shown under every command's help so scripts can rely on it. */
const EXIT_CODES = `
Exit codes:
  0   success (also when the reader of the output closes it early, as \`| head\` does)
  1   plan: the --fail-on threshold was reached
  2   bad usage, or unreadable or invalid input (one message naming the file and line)
  3   a live API could not be reached or refused access
  70  internal error (please report it)
`;

/** `--job-hours`, given once or more: every value is kept. */
const collect = (value: string, previous: string[]) => [...previous, value];

const JOB_HOURS_HELP =
  'how long Jobs and CronJobs run a month, for the cost estimate: pod-hours (batch/reindex=2) or runs x length (batch/nightly-report=30x8m), ' +
  'comma-separated or repeated; the annotation modeshift.io/hours-per-month on a Job or CronJob says the same. Without one, a Job is not priced';

function program(io: Io, setExit: (code: number) => void): Command {
  const root = new Command('modeshift')
    .description('Plan and guide the move of EKS workloads between Fargate and EKS Auto Mode.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  root
    .command('plan')
    .description('diff an inventory against the target mode and print the staged plan')
    .argument('<path...>', 'inventory files or directories (YAML, JSON, kubectl Lists, AWS CLI JSON)')
    .addOption(new Option('--to <mode>', 'target mode (required)').choices(['auto-mode', 'fargate']))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--cluster-version <major.minor>', 'Kubernetes version when the inventory has no cluster description')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse exists').choices(['blocker', 'change', 'advisory']))
    .option('--inventory-date <date>', 'when the inventory was taken (2026-11-20 or 2026-11-20T09:30:00Z); default: its collection.json')
    .option('--prices <file|live>', 'prices for the cost estimate: a price file, or live (AWS Price List API); default: the bundled snapshot')
    .option('--verbose', 'text: every finding on its own and every step in full (commands, verification, rollback)')
    .option('--job-hours <ns/name=time,...>', JOB_HOURS_HELP, collect, [])
    .action(async (paths: string[], options: PlanOptions) => {
      const { planCommand } = await import('./commands/plan.js');
      setExit(await planCommand(paths, options, io));
    });

  root
    .command('simulate')
    .description('replay a plan step by step on a model of the cluster and check that nothing that ran loses what it needs')
    .argument('<path...>', 'inventory files or directories (as for plan)')
    .addOption(new Option('--to <mode>', 'target mode').choices(['auto-mode', 'fargate']))
    .option('--plan <file>', 'a plan JSON to replay (default: plan the inventory first)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--cluster-version <major.minor>', 'Kubernetes version when the inventory has no cluster description')
    .option('--inventory-date <date>', 'when the inventory was taken (as for plan)')
    .action(async (paths: string[], options: SimulateOptions) => {
      const { simulateCommand } = await import('./commands/simulate.js');
      setExit(await simulateCommand(paths, options, io));
    });

  root
    .command('stack')
    .description('write a Pulumi project (TypeScript) that builds the target infrastructure of the plan')
    .argument('<path...>', 'inventory files or directories (as for plan)')
    .addOption(new Option('--to <mode>', 'target mode (required)').choices(['auto-mode', 'fargate']))
    .requiredOption('--out <dir>', 'the project directory to write (atomically)')
    .option('--stack <name>', 'Pulumi stack name, for Pulumi.<name>.yaml (default: migration)')
    .option('--cluster-version <major.minor>', 'Kubernetes version when the inventory has no cluster description')
    .option('--force', 'replace a non-empty --out directory')
    .option('--prices <file|live>', "prices for the cost estimate in the stack's plan.json (as for plan)")
    .option('--job-hours <ns/name=time,...>', 'how long Jobs and CronJobs run a month, for the cost estimate (as for plan)', collect, [])
    .action(async (paths: string[], options: StackOptions) => {
      const { stackCommand } = await import('./commands/stack.js');
      setExit(await stackCommand(paths, options, io));
    });

  root
    .command('export')
    .description("write the plan's Kubernetes changes as kustomize folders to commit: one overlay per wave, one folder per step that creates objects")
    .argument('<path...>', 'inventory files or directories (as for plan)')
    .addOption(new Option('--to <mode>', 'target mode (required)').choices(['auto-mode', 'fargate']))
    .requiredOption('--out <dir>', 'the directory to write (atomically)')
    .option('--cluster-version <major.minor>', 'Kubernetes version when the inventory has no cluster description')
    .option('--force', 'replace a non-empty --out directory')
    .action(async (paths: string[], options: ExportOptions) => {
      const { exportCommand } = await import('./commands/export.js');
      setExit(await exportCommand(paths, options, io));
    });

  root
    .command('wizard')
    .description('the interactive wizard (full screen), optionally on the given inventory; prints the text plan when not in a terminal')
    .argument('[path...]', 'inventory files or directories (as for plan); without one, the wizard asks')
    .addOption(new Option('--to <mode>', 'target mode (default: detected, confirmable)').choices(['auto-mode', 'fargate']))
    .option('--cluster-version <major.minor>', 'Kubernetes version when the inventory has no cluster description')
    .option(
      '--state <file>',
      'progress file (default: .modeshift-state.json in the inventory directory; for the bundled examples, under $XDG_STATE_HOME/modeshift or ~/.local/state/modeshift)',
    )
    .action(async (paths: string[], options: WizardOptions) => {
      const { wizardCommand } = await import('./commands/wizard.js');
      setExit(await wizardCommand(paths, options, io));
    });

  root
    .command('collect')
    .description('read a live cluster (Kubernetes API + AWS APIs) into an inventory directory')
    .requiredOption('--out <dir>', 'the inventory directory to write (atomically)')
    .option('--context <name>', 'kube context (default: the current one)')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG or ~/.kube/config)')
    .option('--cluster <name>', "EKS cluster name (default: from the context's EKS ARN)")
    .option('--region <region>', "AWS region (default: from the context's EKS ARN or AWS_REGION)")
    .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE)')
    .option('--force', 'replace a non-empty --out directory')
    .option('--deadline <duration>', 'stop (exit 3) if the whole collect takes longer, e.g. 30m or 90s', '10m')
    .action(async (options: CollectCommandOptions) => {
      const { collectCommand } = await import('./commands/collect.js');
      setExit(await collectCommand(options, io));
    });

  for (const command of [root, ...root.commands]) command.addHelpText('after', EXIT_CODES);
  return root;
}

/** Runs the CLI and returns the exit code; never throws for user errors. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const root = program(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      // The bundled example, found from this package rather than the current directory.
      const { BUNDLED_EXAMPLE } = await import('./examples.js');
      if (io.stdin?.isTTY && io.stdout.isTTY) {
        const { wizardCommand } = await import('./commands/wizard.js');
        return await wizardCommand([BUNDLED_EXAMPLE], {}, io);
      }
      const { planCommand } = await import('./commands/plan.js');
      return await planCommand([BUNDLED_EXAMPLE], { to: 'auto-mode' }, io);
    }
    await root.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse error is bad usage (exit 2, contract).
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof UserError) {
      // One line, whatever the message holds: paths and input may carry line breaks or escape sequences.
      io.stderr.write(`modeshift: ${forTerminal(error.message)}\n`);
      return exitCodeFor(error.kind);
    }
    io.stderr.write(`modeshift: internal error, please report it with the command you ran:\n${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}
