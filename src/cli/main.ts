/**
 * CLI entry: `npm run cli -- <command> [args]`. Commands live in commands/, one file each; to add
 * one, import its Command and add it to COMMANDS. The CLI may use node: modules; data/ may not.
 */
import { pathToFileURL } from 'node:url';
import { UsageError, processIO, type CliIO, type Command } from './command.ts';
import { benchParseCommand } from './commands/benchParse.ts';
import { compressCommand } from './commands/compress.ts';
import { inspectCommand } from './commands/inspect.ts';
import { distillCommand } from './commands/distill.ts';
import { sweepCommand } from './commands/sweep.ts';
import { synthRatingsCommand } from './commands/synth.ts';
import { transferCommand } from './commands/transfer.ts';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [inspectCommand, distillCommand, sweepCommand, compressCommand, transferCommand, benchParseCommand, synthRatingsCommand];

/** The top-level usage text. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: npm run cli -- <command> [args]\n\ncommands:\n${lines.join('\n')}\n\n` +
    `npm run cli -- <command> --help shows a command's flags.\n`;
}

/**
 * Runs the CLI.
 *
 * @param argv arguments after the script, e.g. `['inspect', 'u.data']`
 * @returns exit code: 0 ok, 1 the command failed (message on stderr), 2 usage error
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${command.name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`${command.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
