import { Box } from 'ink';
import type { SourceMode } from '@modeshift/core';
import { Row } from '../components/Row.js';
import type { Size } from '../deps.js';
import { editLine, isChar, isDown, isUp, type KeyEvent } from '../keys.js';
import { bodyHeight } from '../layout.js';
import type { WizardModel } from '../model.js';
import { wrap, type Line } from '../text.js';

export const COMPUTE: Record<SourceMode, string> = {
  fargate: 'EKS on Fargate',
  'auto-mode': 'EKS Auto Mode',
  'managed-nodes': 'EC2 managed nodes',
  mixed: 'a mix of compute types',
  unknown: 'unknown compute (nothing says where pods run)',
};

const TARGETS = ['EKS Auto Mode', 'EKS on Fargate'] as const;
const WHERE: Record<string, string> = { fargate: 'Fargate', 'auto-mode': 'Auto Mode', 'managed-nodes': 'EC2 managed nodes', pending: 'nothing yet (pending)' };

export function directionKeys(m: WizardModel, ev: KeyEvent): boolean {
  const d = m.direction;
  if (d.editingVersion) {
    const edit = editLine(d.version, ev);
    d.version = edit.value;
    if (edit.done) d.editingVersion = false;
    return true;
  }
  if (isUp(ev) || isDown(ev)) d.cursor = isUp(ev) ? 0 : 1;
  else if (isChar(ev, 'a')) d.cursor = 0;
  else if (isChar(ev, 'f')) d.cursor = 1;
  else if (isChar(ev, 'v')) d.editingVersion = true;
  else if (ev.name === 'enter') m.confirmDirection();
  else return false;
  return true;
}

export function Direction({ m, size }: { m: WizardModel; size: Size }) {
  const d = m.direction;
  const width = size.columns;
  const cluster = m.source.result?.inventory.cluster;
  const where = Object.entries(d.byCompute)
    .map(([type, n]) => (type === 'pending' ? `${n} not placed yet` : `${n} on ${WHERE[type] ?? type}`))
    .join(', ');
  const lines: Line[] = [
    { text: 'Where do the workloads run today?', bold: true },
    ...wrap(`${COMPUTE[d.from]}${where ? ` (${where})` : ''}`, width, '  ').map((text) => ({ text })),
    { text: '' },
    { text: 'Move them to (↑↓, Enter confirms):', bold: true },
  ];
  const suggested = d.from === 'auto-mode' ? 1 : 0;
  const version: Line[] = [{ text: '' }];
  if (d.versionNeeded || d.editingVersion) {
    const value = d.version === '' ? (d.editingVersion ? '' : '(unknown)') : d.version;
    version.push(
      { text: `Kubernetes version of the cluster: ${value}${d.editingVersion ? '▏' : ''}`, tone: d.editingVersion ? 'accent' : 'warn' },
      {
        text: d.editingVersion ? '  Enter keeps it · Esc too · e.g. 1.31' : '  The inventory has no cluster description: v sets the version the plan assumes',
        tone: 'muted',
      },
    );
  } else {
    version.push({ text: `Kubernetes ${cluster?.version ?? '?'} (from the cluster description)`, tone: 'muted' });
  }
  return (
    <Box flexDirection="column" width={width} height={bodyHeight(size)}>
      {lines.map((line, i) => (
        <Row key={i} line={line} />
      ))}
      {TARGETS.map((label, i) => (
        <Row
          key={label}
          line={{
            text: `${d.cursor === i ? '❯' : ' '} ${label}${i === suggested ? '  (suggested: the other mode than today)' : ''}`,
            tone: d.cursor === i ? 'accent' : undefined,
            bold: d.cursor === i,
          }}
        />
      ))}
      {version.map((line, i) => (
        <Row key={`v${i}`} line={line} />
      ))}
    </Box>
  );
}
