/**
 * The shape every CLI subcommand has. Adding one = a file in commands/ exporting a Command and
 * a line in the table in main.ts. Commands write through `io` (not console) so tests can call
 * them directly and read what they printed.
 */

import type { FlagDoc } from './settingFlags.ts';

/** Where a command writes. Each call is one chunk of text; add the newline yourself. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A subcommand: `npm run cli -- <name> …`. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text (arguments and flags), shown on --help and usage errors. */
  usage: string;
  /** The flag lists it parses with (one per mode: distill's ranking and rating), for the tests that hold flags to the settings table. */
  flags?: readonly (readonly FlagDoc[])[];
  /** Runs with the arguments after the command name; resolves to the exit code (0 ok, 1 failed, 2 usage). */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Thrown for a wrong command line; main prints the message and the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The process's own streams. */
export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};
