/**
 * Write one output file of the command line, or stop with one line that says which path could
 * not be written and why ("cannot write out/report.md: no such file or directory"), never
 * Node's message with its syscall.
 */
import { writeFile } from 'node:fs/promises';
import { fsProblem } from '../bundle/fs-problem.js';
import { visibleLine } from '../report/visible-text.js';
import { UsageError } from './errors.js';

/** `text` may come in pieces (a JSON report), written as they are made. */
export async function writeOutput(path: string, text: string | Iterable<string>): Promise<void> {
  await writeFile(path, text).catch((e: unknown) => {
    throw new UsageError(`cannot write ${visibleLine(path)}: ${fsProblem(e)}`);
  });
}
