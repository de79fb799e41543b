import { writeSync } from 'node:fs';

/** Marks the one stderr line a measured process reports on; everything else on stderr is the program's own. */
export const REPORT_MARKER = '@@modeshift-bench ';

/** What child.js times, each in its own process (`wizard`: see wizard.ts). */
export const PHASES = ['load', 'plan', 'render-text', 'render-json', 'render-md', 'wizard'] as const;
export type Phase = (typeof PHASES)[number];

export interface ChildReport {
  /** The measured section, timed inside the process; absent when the whole process is what is measured. */
  ms?: number;
  /** Peak resident set size of the process, in MiB. */
  maxRssMb: number;
  /** Time from process start to this report, in ms. */
  uptimeMs: number;
  /** CPU time (user + system, all threads) so far, in ms: less disturbed than wall time by other load on the machine. */
  cpuMs: number;
  extra?: Record<string, number>;
}

/** Written synchronously to fd 2, so it also works from an 'exit' handler. */
export function writeReport(fields: Omit<ChildReport, 'maxRssMb' | 'uptimeMs' | 'cpuMs'>): void {
  const usage = process.resourceUsage();
  const report: ChildReport = {
    ...fields,
    maxRssMb: usage.maxRSS / 1024,
    uptimeMs: performance.now(),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  };
  writeSync(2, `\n${REPORT_MARKER}${JSON.stringify(report)}\n`);
}
