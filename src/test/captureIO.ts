/** Test helper: a CliIO that collects what a command printed. */
import type { CliIO } from '../cli/command.ts';

export function captureIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}
