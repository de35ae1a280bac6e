import type { CliIo } from '../../../src/cli/cli-io.ts';

export interface CapturedIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

/** A CliIo that records what the command writes, for running the real command in-process. */
export function captureIo(
  options: {
    isTTY?: boolean;
    stderrIsTTY?: boolean;
    env?: Record<string, string>;
    stdin?: Uint8Array[];
  } = {},
): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    // No descriptor: "-" reads stdinStream, as for a pipe.
    stdinFd: undefined,
    stdinStream: () => options.stdin ?? [],
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
