import type { CollectReport, ProgressEvent, ProgressListener } from './types.js';

/** One line of running counts, "Pod 120 · Deployment 14 · …", cut to the terminal width. */
export function formatProgress(counts: ReadonlyMap<string, number>, width = 80): string {
  const parts = [...counts.entries()].map(([kind, count]) => `${kind} ${count}`);
  const line = `collecting: ${parts.join(' · ')}`;
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}

interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface StderrProgress {
  listener: ProgressListener;
  /** Clears the progress line; call it before printing anything else. */
  finish(): void;
}

/**
 * Redraws one status line on a terminal. Off a terminal it writes nothing at all, so logs and CI output
 * stay clean; the end-of-run summary (formatReport) is printed by the caller either way.
 */
export function stderrProgress(stream: ProgressStream = process.stderr): StderrProgress {
  if (!stream.isTTY) return { listener: () => undefined, finish: () => undefined };
  const counts = new Map<string, number>();
  let drawn = false;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const now = Date.now();
    // Pages arrive faster than a terminal is worth redrawing.
    if (!force && now - lastDraw < 50) return;
    lastDraw = now;
    stream.write(`\r\u001B[2K${formatProgress(counts, (stream.columns ?? 80) - 1)}`);
    drawn = true;
  };
  const listener = (event: ProgressEvent) => {
    if (event.type === 'count' || event.type === 'done') {
      counts.set(event.kind, event.count);
      draw(event.type === 'done');
    }
  };
  const finish = () => {
    if (drawn) stream.write('\r\u001B[2K');
    drawn = false;
  };
  return { listener, finish };
}

/** The end-of-run summary for stderr: what was written, counts per kind, and what was not collected. */
export function formatReport(report: CollectReport): string {
  const lines = [
    `Wrote ${report.files.length} files to ${report.out} (cluster ${report.cluster.name}, ${report.cluster.region}).`,
    `Inventory date: ${report.collectedAt}; plans made from it carry this date.`,
  ];
  const counts = Object.entries(report.counts).map(([kind, count]) => `${kind} ${count}`);
  if (counts.length > 0) lines.push(`Collected: ${counts.join(', ')}.`);
  if (report.notCollected.length > 0) {
    lines.push('Not collected:');
    for (const entry of report.notCollected) {
      lines.push(`  ${entry.kind}${entry.namespace === null ? '' : ` in namespace ${entry.namespace}`}: ${entry.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
