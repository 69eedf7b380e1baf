/**
 * A small argv parser for the subcommands: `--flag value`, `--flag=value`, boolean `--flag`,
 * positionals, `--` ends flags. Unknown flags are a UsageError (exit 2), never ignored.
 */
import { UsageError } from './command.ts';

/** Flag name (without --) → whether it takes a value (`string`) or not (`boolean`). */
export type FlagSpec = Record<string, 'string' | 'boolean'>;

/** Parsed argv: positionals in order, flags by name (booleans as true). */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

/**
 * Parses argv against a spec.
 *
 * @throws UsageError for an unknown flag, a missing value, or a value given to a boolean flag
 * @example parseArgs(['u.data', '--format', 'udata'], { format: 'string' }) // → { positionals: ['u.data'], flags: { format: 'udata' } }
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--') {
      positionals.push(...argv.slice(k + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown flag ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) throw new UsageError(`unknown flag --${name}`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
    } else if (eq !== -1) {
      flags[name] = arg.slice(eq + 1);
    } else {
      const value = argv[k + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
      k++;
    }
  }
  return { positionals, flags };
}

/** A string flag's value, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A whole-number flag within bounds, or the default.
 *
 * @throws UsageError when the value is not a whole number in [min, max]
 */
export function intFlag(args: ParsedArgs, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const v = stringFlag(args, name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${v}`);
  return n;
}
