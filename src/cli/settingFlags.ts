/**
 * The command line's side of the settings table: a command names the rows it takes (plus its
 * file and output flags), and from that list come the parser's spec, every value read (with the
 * row's range, so the CLI cannot drift from the studio) and the flags part of its usage text.
 * A command's own defaults (the CLI trains longer than the studio) are its `base` settings, so the
 * usage shows the default the command really uses.
 */
import { valueAt, withValueAt } from '../settings/check';
import type { Settings } from '../settings/defaults';
import type { BooleanSetting, ChoiceSetting, ListSetting, NumberSetting, Setting, SettingValue } from '../settings/table';
import { choiceFlag, intFlag, numberFlag, numberListFlag, type FlagSpec, type ParsedArgs } from './args.ts';
import { UsageError } from './command.ts';

/** A row a command takes, with what it says and defaults to in this command. */
export interface SettingFlag<S extends Setting = Setting> {
  setting: S;
  /** The command's default for a row without a path (rows with one read theirs from the base settings). */
  fallback?: SettingValue;
  /** Shown instead of the fallback, e.g. 'as --epochs'. */
  defaultText?: string;
  /** Replaces the row's help in this command's usage. */
  help?: string;
  /** A scalar row read as a comma-separated list (a grid searched on validation). */
  list?: boolean;
}

/** A flag that is not a setting (a file to read or write, a switch of the command itself). */
export interface PlainFlag {
  flag: string;
  /** Placeholder of its value, or null for a switch. */
  arg: string | null;
  help: string;
}

export type FlagDoc = SettingFlag | PlainFlag;

/** A setting flag; the row must have a `cli` flag name (a switch: `cli` turns it on, `cliOff` off, either or both). */
export function flag<S extends Setting>(setting: S, o: Omit<SettingFlag<S>, 'setting'> = {}): SettingFlag<S> {
  if (!setting.cli && !(setting.kind === 'boolean' && setting.cliOff)) throw new Error('flag(): the row has no cli flag name');
  return { setting, ...o };
}

/** A flag that is not a setting. */
export const plain = (name: string, arg: string | null, help: string): PlainFlag => ({ flag: name, arg, help });

const isSetting = (d: FlagDoc): d is SettingFlag => 'setting' in d;

/** The parser spec of a command's flags. */
export function flagSpec(docs: readonly FlagDoc[]): FlagSpec {
  const spec: FlagSpec = {};
  for (const d of docs) {
    if (!isSetting(d)) {
      spec[d.flag] = d.arg === null ? 'boolean' : 'string';
      continue;
    }
    const s = d.setting;
    if (s.kind === 'boolean') {
      if (s.cli) spec[s.cli] = 'boolean';
      if (s.cliOff) spec[s.cliOff] = 'boolean';
    } else spec[s.cli!] = 'string';
  }
  return spec;
}

function bounded(args: ParsedArgs, name: string, r: NumberSetting | ListSetting, fallback: number): number {
  return r.integer ? intFlag(args, name, fallback, r.min, r.max) : numberFlag(args, name, fallback, r.min, r.max);
}

function listOf(args: ParsedArgs, name: string, r: NumberSetting | ListSetting, fallback: readonly number[], maxLength: number, minLength = 1): number[] {
  const xs = numberListFlag(args, name, fallback, r.min, r.max);
  if (r.integer && xs.some((x) => !Number.isInteger(x))) throw new UsageError(`--${name} must be whole numbers, not ${xs.join(',')}`);
  if (xs.length < minLength || xs.length > maxLength) throw new UsageError(`--${name} must list ${minLength} to ${maxLength} values, not ${xs.length}`);
  return xs;
}

/** The value of one setting flag: the flag's, else `fallback` (a path row's value in the command's base settings). */
function read(args: ParsedArgs, d: SettingFlag, fallback: unknown): SettingValue {
  const s = d.setting;
  const name = s.cli ?? '';
  switch (s.kind) {
    case 'number':
      return d.list ? listOf(args, name, s, fallback as number[], 100) : bounded(args, name, s, fallback as number);
    case 'list':
      return listOf(args, name, s, fallback as number[], s.maxLength, s.minLength);
    case 'choice':
      return choiceFlag(args, name, s.values, fallback as string);
    case 'boolean':
      if (s.cli && args.flags[s.cli] === true) return true;
      if (s.cliOff && args.flags[s.cliOff] === true) return false;
      return fallback as boolean;
  }
}

/** The command's fallback for a row without a path. */
function fallbackOf(d: SettingFlag, base?: Settings): unknown {
  if (d.setting.path !== null && base) return valueAt(base, d.setting.path);
  if (d.fallback === undefined) throw new Error(`--${d.setting.cli ?? ''}: no default (give the flag a fallback or the command a base)`);
  return d.fallback;
}

/** A number flag's value (a row of kind number). */
export function readNumber(args: ParsedArgs, d: SettingFlag<NumberSetting>, fallback?: number): number {
  return read(args, d, fallback ?? fallbackOf(d)) as number;
}

/** A list flag's value (a list row, or a number row read as a list). */
export function readList(args: ParsedArgs, d: SettingFlag<NumberSetting | ListSetting>, fallback?: readonly number[]): number[] {
  return read(args, { ...d, list: d.setting.kind === 'number' ? true : d.list }, fallback ?? fallbackOf(d)) as number[];
}

/** A word flag's value. */
export function readChoice<T extends string>(args: ParsedArgs, d: SettingFlag<ChoiceSetting>, fallback?: T): T {
  return read(args, d, fallback ?? fallbackOf(d)) as T;
}

/** A switch's value. */
export function readSwitch(args: ParsedArgs, d: SettingFlag<BooleanSetting>, fallback?: boolean): boolean {
  return read(args, d, fallback ?? fallbackOf(d)) as boolean;
}

/**
 * `base` with the value of every given flag whose row has a path put in place (checked against
 * its row); rows read as lists are skipped (the command reads those itself).
 */
export function applyFlags(args: ParsedArgs, docs: readonly FlagDoc[], base: Settings): Settings {
  let out = base;
  for (const d of docs) {
    if (!isSetting(d) || d.setting.path === null || d.list) continue;
    out = withValueAt(out, d.setting.path, read(args, d, valueAt(base, d.setting.path)));
  }
  return out;
}

function words(v: unknown): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/** The left column of a usage line: `--temperature T`, `--unseen-only / --all-items`, `--data <file>`. */
function left(d: FlagDoc): string {
  if (!isSetting(d)) return d.arg === null ? `--${d.flag}` : `--${d.flag} ${d.arg}`;
  const s = d.setting;
  if (s.kind === 'boolean') return [s.cli, s.cliOff].filter((x) => x !== undefined).map((x) => `--${x}`).join(' / ');
  const arg = s.arg ?? (s.kind === 'choice' ? s.values.join('|') : s.kind === 'list' ? 'a,b,c' : s.integer ? 'N' : 'X');
  return `--${s.cli ?? ''} ${d.list && s.kind === 'number' ? `${arg}[,${arg}…]` : arg}`;
}

const COLUMN = 25;
const WIDTH = 104;

/** `  left  text`, the text wrapped at WIDTH and its next lines under its first. */
function usageLine(l: string, text: string): string {
  const head = `  ${l}`.padEnd(COLUMN + 2);
  const gap = head.length > COLUMN + 2 || `  ${l}`.length >= COLUMN + 2 ? `  ${l}  ` : head;
  const lines: string[] = [];
  let line = gap;
  for (const word of text.split(' ')) {
    if (line.length + word.length > WIDTH && line.trim() !== l.trim()) {
      lines.push(line.trimEnd());
      line = ' '.repeat(COLUMN + 2);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/**
 * The flags part of a usage text, one line per flag: its value's placeholder, what it does and
 * its default in this command.
 */
export function flagUsage(docs: readonly FlagDoc[], base?: Settings): string {
  const lines = docs.map((d) => {
    const l = left(d);
    if (!isSetting(d)) return usageLine(l, d.help);
    const s = d.setting;
    let def = d.defaultText;
    if (def === undefined && s.kind !== 'boolean') {
      const v = s.path !== null && base ? valueAt(base, s.path) : d.fallback;
      if (v !== undefined) def = words(v);
    }
    const help = d.help ?? s.help ?? '';
    const tail = def === undefined ? '' : help ? ` (default ${def})` : `default ${def}`;
    return usageLine(l, help + tail);
  });
  return `flags:\n${lines.join('\n')}`;
}

/** Every flag name the docs accept (for the test that no flag goes unlisted). */
export function flagNames(docs: readonly FlagDoc[]): string[] {
  return Object.keys(flagSpec(docs));
}
