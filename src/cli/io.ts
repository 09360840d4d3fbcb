/**
 * What a command needs from the outside world, passed in so tests can run the CLI in-process.
 */
import { visibleText } from '../report/visible-text.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stdout is a terminal that accepts colors (TTY and no NO_COLOR). */
  readonly color: boolean;
  /** stderr is a terminal (progress bars go there). */
  readonly stderrIsTty: boolean;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb',
    stderrIsTty: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * The same io with every stderr write made visible (visible-text.ts): error lines, "wrote PATH",
 * commander's own messages and the collector's progress all name paths and strings that may come
 * from a bundle or a crafted file name. A carriage return at the very start is ptdoctor's own
 * progress bar redrawing its line, and is kept.
 */
export function terminalSafe(io: CliIo): CliIo {
  const stderr = (t: string): void => io.stderr(t.startsWith('\r') ? `\r${visibleText(t.slice(1))}` : visibleText(t));
  return { ...io, stderr };
}
