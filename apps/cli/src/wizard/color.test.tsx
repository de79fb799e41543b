import { afterAll, describe, expect, it, vi } from 'vitest';

// Ink's colour library decides its level when first imported, and a test worker is no terminal: force colour
// on before the imports below, so "off" is shown to come from the wizard and not from the environment.
const before = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '1';
afterAll(() => {
  if (before === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = before;
});
const { render } = await import('ink-testing-library');
const { App } = await import('./App.js');
const { WizardModel } = await import('./model.js');
const { testDeps } = await import('./__fixtures__/harness.js');
const { paint } = await import('./theme.js');
const { useColor } = await import('../io.js');

const COLOUR = /\u001b\[(3[0-7]|9[0-7])m/;

async function firstFrame(color: boolean): Promise<string> {
  const model = new WizardModel(testDeps(process.cwd()), {});
  const r = render(<App model={model} color={color} size={{ columns: 80, rows: 24 }} />);
  await vi.waitFor(() => expect(r.lastFrame()).toContain('Which inventory'));
  const frame = r.lastFrame() ?? '';
  r.unmount();
  return frame;
}

describe('NO_COLOR', () => {
  it('turns every colour off', async () => {
    expect(await firstFrame(true)).toMatch(COLOUR);
    expect(await firstFrame(false)).not.toMatch(COLOUR);
    for (const tone of ['accent', 'muted', 'good', 'warn', 'bad', 'info', 'code'] as const) expect(paint(false)(tone)).toBeUndefined();
  });

  it('is what the command decides colour from, with a terminal', () => {
    const io = (env: NodeJS.ProcessEnv) => ({ stdout: { write: () => true, isTTY: true }, stderr: { write: () => true }, env, cwd: '/' });
    expect(useColor(io({}))).toBe(true);
    expect(useColor(io({ NO_COLOR: '1' }))).toBe(false);
  });
});
