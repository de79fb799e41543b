// Every command a plan prints is pasted into a shell, copied by the wizard or run by it: whatever the
// inventory's names hold, bash must read each command as the program and arguments the plan means, and
// run nothing else. The inventory is built in memory, past the reader's name checks, as a hostile or
// broken file would be if those checks missed something.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/plan';
import { aCluster, aFargateInventory, aFargateProfile, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { runBash } from '../testing/bash.js';
import { aClusterObject } from '../testing/kube-objects.js';
import { buildPlan } from './build-plan.js';

// Each would run `touch "$CANARY"` if any part of it reached the shell unquoted.
const CLUSTER = 'demo$(touch "$CANARY")`touch "$CANARY"`';
const NAMESPACES = ['shop;touch "$CANARY"|sh *', 'data\'\ntouch "$CANARY" #\u2028'];
const WORKLOAD = 'cart\'$(touch "$CANARY")\'&&touch "$CANARY"';
const PROFILE = 'apps && touch "$CANARY"';
const KINDS = new Set(['deployment', 'statefulset', 'daemonset', 'job', 'cronjob', 'replicaset', 'pod']);

function hostilePlans(): Plan[] {
  const fargate = aFargateInventory(
    [
      aWorkload({ namespace: NAMESPACES[0], name: WORKLOAD }),
      aWorkload({ namespace: NAMESPACES[1], name: WORKLOAD, kind: 'StatefulSet', replicas: 1 }),
      aWorkload({ namespace: NAMESPACES[1], name: 'once', kind: 'Job' }),
    ],
    {
      cluster: aCluster({ name: CLUSTER, version: '1.29', authenticationMode: 'CONFIG_MAP' }),
      fargateProfiles: [
        aFargateProfile(
          PROFILE,
          NAMESPACES.map((namespace) => ({ namespace })),
        ),
      ],
    },
  );
  const pool = aClusterObject(
    'NodePool',
    WORKLOAD,
    { template: { spec: { nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'default' }, requirements: [] } } },
    { apiVersion: 'karpenter.sh/v1' },
  );
  const auto = anAutoModeInventory(
    [aWorkload({ namespace: NAMESPACES[0], name: WORKLOAD }), aWorkload({ namespace: NAMESPACES[1], name: WORKLOAD, kind: 'CronJob' })],
    {
      cluster: aCluster({
        name: CLUSTER,
        autoMode: { enabled: true, nodePools: ['general-purpose', 'system'], nodeRoleArn: null, blockStorage: true, elasticLoadBalancing: true },
      }),
      nodePools: [pool],
    },
  );
  return [buildPlan(contextFor(fargate, 'auto-mode')), buildPlan(contextFor(auto, 'fargate'))];
}

function allCommands(plan: Plan): string[] {
  return plan.stages.flatMap((stage) => stage.steps.flatMap((s) => [...s.commands, s.verify.command, ...s.rollback.commands])).filter((c) => c !== '');
}

// A polling loop (waits for an update, a hostname, Jobs) polls once: the stubs never give the answer it waits for.
const STUBS = [...['kubectl', 'aws', 'helm', 'eksctl'].map((p) => `${p}() { printf '%s\\0' ${p} "$@"; printf '\\1\\0'; }`), 'sleep() { exit 0; }'].join('\n');

const scratch = mkdtempSync(join(tmpdir(), 'modeshift-shell-'));
let runs = 0;

/** Runs a command under bash with the four programs replaced by stubs: the argv of each call, and whether anything else ran. */
function underBash(command: string): { argv: string[][]; injected: boolean } {
  const canary = join(scratch, `injected-${runs++}`);
  // Placeholders are the operator's to fill in; filled, the line must still mean what it says.
  const filled = command.replace(/<[a-z][a-z0-9-]*>/g, 'filled');
  const run = runBash(`${STUBS}\n${filled}`, { env: { PATH: process.env.PATH, CANARY: canary, LC_ALL: 'C' }, cwd: tmpdir() });
  const calls: string[][] = [[]];
  for (const word of run.stdout.split('\0').slice(0, -1)) {
    if (word === '\u0001') calls.push([]);
    else calls.at(-1)!.push(word);
  }
  return { argv: calls.filter((c) => c.length > 0), injected: existsSync(canary) };
}

describe('the commands of a plan whose names hold shell syntax', () => {
  const commands = hostilePlans().flatMap(allCommands);
  const calls = commands.map((command) => ({ command, ...underBash(command) }));

  it('are each one line', () => {
    for (const command of commands) expect(command, command).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it('run nothing the plan did not write', () => {
    expect(calls.length).toBeGreaterThan(20);
    for (const { command, injected } of calls) expect(injected, command).toBe(false);
  });

  it('give each program the names exactly as the inventory has them', () => {
    let namespaced = 0;
    let clustered = 0;
    let resources = 0;
    for (const { command, argv } of calls) {
      for (const args of argv) {
        args.forEach((arg, i) => {
          const next = args[i + 1];
          if (arg === '-n') {
            expect([...NAMESPACES, 'kube-system', 'modeshift-logging', 'aws-observability'], command).toContain(next);
            if (NAMESPACES.includes(next!)) namespaced++;
          }
          if (args[0] === 'aws' && args[1] === 'eks' && (arg === '--name' || arg === '--cluster-name')) {
            expect(next, command).toBe(CLUSTER);
            clustered++;
          }
          const [kind, ...rest] = arg.split('/');
          if (i > 0 && KINDS.has(kind!) && rest.length > 0) {
            expect([WORKLOAD, 'once', 'coredns'], command).toContain(rest.join('/'));
            resources++;
          }
        });
      }
    }
    expect(namespaced).toBeGreaterThan(4);
    expect(clustered).toBeGreaterThan(4);
    expect(resources).toBeGreaterThan(2);
  });

  it('keep comments to one line, so their text never runs', () => {
    const comments = calls.filter(({ command }) => command.startsWith('#') && NAMESPACES.some((ns) => command.includes(ns.slice(0, 4))));
    expect(comments.length).toBeGreaterThan(0);
    for (const { command, argv, injected } of comments) expect({ argv, injected }, command).toEqual({ argv: [], injected: false });
  });
});
