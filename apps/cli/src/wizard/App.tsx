import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Box, Text, useApp, useInput, useStdout, type Key } from 'ink';
import { Row } from './components/Row.js';
import type { Size } from './deps.js';
import { dispatch } from './dispatch.js';
import { keyEvents } from './keys.js';
import { bodyHeight } from './layout.js';
import type { WizardModel } from './model.js';
import { Help } from './screens/Help.js';
import { Notice } from './screens/Notice.js';
import { SCREEN_REGISTRY, screensInOrder } from './screen-registry.js';
import { paint, ThemeContext, usePaint } from './theme.js';

function useTerminalSize(fixed: Size | undefined): Size {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState<Size>(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // `read` is left out of the dependencies on purpose: it only reads `stdout`.
  }, [stdout, fixed]);
  return fixed ?? size;
}

function Header({ m, width }: { m: WizardModel; width: number }) {
  // Dim is not a colour, but NO_COLOR users asked for plain text: the brackets alone mark the screen.
  const dim = usePaint()('muted') !== undefined;
  return (
    <Box width={width}>
      <Text wrap="truncate-end" bold>
        modeshift
        {screensInOrder().map(({ id, screen }, i) => {
          const current = !m.opening && id === m.screen;
          const label = `${i + 1} ${screen.title}`;
          return (
            <Text key={id}>
              {' '}
              <Text inverse={current} dimColor={dim && !current && !m.canOpen(id)}>
                {current ? `[${label}]` : label}
              </Text>
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}

export interface AppProps {
  model: WizardModel;
  color: boolean;
  /** Fixed size for tests; otherwise the terminal's, following resizes. */
  size?: Size;
}

/** The wizard: one model, one key handler, the current screen, and the chrome around it. */
export function App({ model, color, size: fixed }: AppProps) {
  const { exit } = useApp();
  const version = useSyncExternalStore(model.subscribe, model.getVersion);
  const size = useTerminalSize(fixed);
  const sizeRef = useRef(size);
  sizeRef.current = size;

  useEffect(() => {
    model.start();
  }, [model]);

  const onInput = useCallback(
    (input: string, key: Key) => {
      try {
        for (const ev of keyEvents(input, key)) dispatch(model, ev, sizeRef.current);
      } catch (error) {
        // Progress is saved as it changes, so a bug in one key is reported and the session goes on.
        model.flash(`Internal error, please report it: ${(error as Error).message}`, 'bad');
      }
      model.changed();
    },
    [model],
  );
  useInput(onInput);

  // Exit after the frame that saw the quit, so the last frame is complete (toolchain G16).
  useEffect(() => {
    if (model.exitRequested) exit();
  }, [version, model, exit]);

  const m = model;
  const Screen = SCREEN_REGISTRY[m.screen].view;
  const body = m.exitRequested ? (
    <Row line={{ text: m.persistence === 'on' && m.statePath && m.progress ? `Progress saved to ${m.statePath}` : 'Bye.', tone: 'good' }} />
  ) : m.notice ? (
    <Notice m={m} size={size} />
  ) : m.help ? (
    <Help m={m} size={size} />
  ) : (
    <Screen m={m} size={size} />
  );
  return (
    <ThemeContext.Provider value={paint(color)}>
      <Box flexDirection="column" width={size.columns} height={size.rows - 1} overflow="hidden">
        <Header m={m} width={size.columns} />
        <Box flexDirection="column" height={bodyHeight(size)} overflow="hidden">
          {body}
        </Box>
        <Row line={m.message ?? { text: '' }} />
        <Row line={{ text: m.notice ? 'Answer the question above' : m.help ? '? or Esc closes the help · q quit' : SCREEN_REGISTRY[m.screen].hints(m), tone: 'muted' }} />
      </Box>
    </ThemeContext.Provider>
  );
}
