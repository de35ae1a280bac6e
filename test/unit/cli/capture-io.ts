import type { CliIo } from '../../../src/cli/cli-io.ts';

export interface CapturedIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

/** A CliIo that records what the command writes, for running the real command in-process. */
export function captureIo(options: { isTTY?: boolean; env?: Record<string, string> } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
