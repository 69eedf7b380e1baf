/**
 * The one argv parser of the subcommands: `--flag value`, `--flag=value`, boolean `--flag`,
 * positionals, `--` ends flags, and the typed readers of a flag's value (whole number, number,
 * list of numbers, one of some words). Unknown flags and bad values are a UsageError (exit 2,
 * with the command's usage), never ignored or a crash.
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
    const { name, eq } = splitFlag(arg);
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

/** `--name=value` → the name and where the `=` is (-1 when the value is the next argument). */
function splitFlag(arg: string): { name: string; eq: number } {
  const eq = arg.indexOf('=');
  return { name: arg.slice(2, eq === -1 ? undefined : eq), eq };
}

/**
 * One flag's value read before the full parse, for a command whose other flags depend on it
 * (`distill --task rating` takes the rating flags). Same `--name v` / `--name=v` forms as parseArgs.
 */
export function peekFlag(argv: readonly string[], name: string): string | undefined {
  for (let k = 0; k < argv.length && argv[k] !== '--'; k++) {
    if (!argv[k].startsWith('--')) continue;
    const f = splitFlag(argv[k]);
    if (f.name === name) return f.eq === -1 ? argv[k + 1] : argv[k].slice(f.eq + 1);
  }
  return undefined;
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

/**
 * A number flag within bounds (none by default), or the default.
 *
 * @throws UsageError when the value is not a number in [min, max]
 */
export function numberFlag(args: ParsedArgs, name: string, fallback: number, min = -Infinity, max = Infinity): number {
  const v = stringFlag(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number${range(min, max)}, not ${v}`);
  return n;
}

/** " from 0 to 1", " of at least 0", " of at most 1", or nothing: the bounds a message names. */
function range(min: number, max: number): string {
  if (Number.isFinite(min) && Number.isFinite(max)) return ` from ${min} to ${max}`;
  if (Number.isFinite(min)) return ` of at least ${min}`;
  return Number.isFinite(max) ? ` of at most ${max}` : '';
}

/**
 * Comma-separated numbers, e.g. "0.5,1,2".
 *
 * @throws UsageError when a piece is not a number
 */
export function numberList(v: string, name: string): number[] {
  const xs = v.split(',').map((x) => Number(x.trim()));
  if (!xs.length || xs.some((x) => !Number.isFinite(x))) throw new UsageError(`--${name} must be comma-separated numbers, not ${v}`);
  return xs;
}

/**
 * A comma-separated number list flag, each within bounds, or the default.
 *
 * @throws UsageError when a piece is not a number in [min, max]
 */
export function numberListFlag(args: ParsedArgs, name: string, fallback: readonly number[], min = -Infinity, max = Infinity): number[] {
  const v = stringFlag(args, name);
  if (v === undefined) return [...fallback];
  const xs = numberList(v, name);
  if (xs.some((x) => x < min || x > max)) throw new UsageError(`--${name} must be numbers${range(min, max)}, not ${v}`);
  return xs;
}

/**
 * A flag that takes one of some words: the word, or the default (undefined without one).
 *
 * @throws UsageError for any other word
 */
export function choiceFlag<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T;
export function choiceFlag<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T | undefined;
export function choiceFlag<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback?: T): T | undefined {
  return choiceOf(name, stringFlag(args, name), allowed) ?? fallback;
}

/**
 * `value` when it is one of `allowed`; undefined when there is no value.
 *
 * @throws UsageError for any other word
 */
export function choiceOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not ${value}`);
  return value as T;
}
