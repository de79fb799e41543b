import { createContext, useContext } from 'react';
import type { Tone } from './text.js';

const COLORS: Record<Tone, string> = {
  accent: 'cyan',
  muted: 'gray',
  good: 'green',
  warn: 'yellow',
  bad: 'red',
  info: 'blue',
  code: 'magenta',
};

export type Paint = (tone: Tone | undefined) => string | undefined;

/** Colours go through here only, so NO_COLOR (or a pipe) turns every one of them off. */
export function paint(color: boolean): Paint {
  return (tone) => (color && tone ? COLORS[tone] : undefined);
}

export const ThemeContext = createContext<Paint>(paint(false));

export function usePaint(): Paint {
  return useContext(ThemeContext);
}
