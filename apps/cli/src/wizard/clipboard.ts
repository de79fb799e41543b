/** Where the escape goes: the wizard's own terminal. */
export interface TerminalOut {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** OSC 52 "set the clipboard" for `text`: the terminal (also through ssh, and tmux with set-clipboard) copies it. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Copies through the terminal when there is one that may understand escapes; false otherwise (the caller falls back). */
export function terminalClipboard(out: TerminalOut, env: NodeJS.ProcessEnv): (text: string) => boolean {
  return (text) => {
    if (!out.isTTY || env.TERM === 'dumb') return false;
    out.write(osc52(text));
    return true;
  };
}
