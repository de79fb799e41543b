import { describe, expect, it } from 'vitest';
import { formatProgress, formatReport, stderrProgress } from './progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 40, writes, write: (chunk: string) => writes.push(chunk) > 0 };
}

describe('progress on stderr', () => {
  it('formats counts per kind on one line, cut to the width', () => {
    const counts = new Map([
      ['Pod', 120],
      ['Deployment', 14],
    ]);
    expect(formatProgress(counts)).toBe('collecting: Pod 120 · Deployment 14');
    expect(formatProgress(counts, 20)).toBe('collecting: Pod 120…');
  });

  it('writes nothing at all when stderr is not a terminal', () => {
    const out = stream(false);
    const progress = stderrProgress(out);
    progress.listener({ type: 'count', kind: 'Pod', count: 3 });
    progress.listener({ type: 'done', kind: 'Pod', count: 3 });
    progress.finish();
    expect(out.writes).toEqual([]);
  });

  it('redraws one line on a terminal and clears it when finished', () => {
    const out = stream(true);
    const progress = stderrProgress(out);
    progress.listener({ type: 'phase', phase: 'kubernetes' });
    progress.listener({ type: 'done', kind: 'Namespace', count: 4 });
    progress.listener({ type: 'done', kind: 'Pod', count: 5 });
    progress.finish();
    expect(out.writes).toEqual(['\r\u001B[2Kcollecting: Namespace 4', '\r\u001B[2Kcollecting: Namespace 4 · Pod 5', '\r\u001B[2K']);
  });

  it('summarises the report, naming what was not collected', () => {
    const text = formatReport({
      out: '/tmp/inv',
      context: 'ctx',
      cluster: { name: 'demo', region: 'eu-west-1' },
      collectedAt: '2026-11-20T09:30:00Z',
      counts: { Pod: 5, Subnet: 3 },
      notCollected: [
        { kind: 'ConfigMap', namespace: 'kube-system', reason: 'forbidden' },
        { kind: 'NetworkPolicy', namespace: null, reason: 'forbidden' },
      ],
      files: ['a.json', 'b.json'],
    });
    expect(text).toBe(
      [
        'Wrote 2 files to /tmp/inv (cluster demo, eu-west-1).',
        'Inventory date: 2026-11-20T09:30:00Z; plans made from it carry this date.',
        'Collected: Pod 5, Subnet 3.',
        'Not collected:',
        '  ConfigMap in namespace kube-system: forbidden',
        '  NetworkPolicy: forbidden',
        '',
      ].join('\n'),
    );
  });
});
