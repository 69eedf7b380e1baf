/**
 * Reading, writing and checking settings through the table's rows: a value at a row's path, a
 * copy with one value replaced, and whether a value is one the row accepts. The engine's and the
 * worker jobs' config checks, the URL codec and the CLI all go through `problemOf`, so a range
 * written in table.ts is the only range there is.
 */
import type { Settings } from './defaults';
import { SETTING_ROWS, type ListRule, type NumberRule, type Setting, type SettingPath, type SettingValue } from './table';

type Obj = Record<string, unknown>;

/** The value at a dot path, e.g. valueAt(s, 'train.distill.temperature') → 0.25. */
export function valueAt(s: object, path: string): unknown {
  let o: unknown = s;
  for (const k of path.split('.')) o = o !== null && typeof o === 'object' ? (o as Obj)[k] : undefined;
  return o;
}

/** A copy of `s` with the value at `path` replaced (every object on the way copied, nothing else). */
export function withValueAt<T extends object>(s: T, path: string, value: unknown): T {
  const [k, ...rest] = path.split('.');
  const o = s as Obj;
  return { ...o, [k]: rest.length ? withValueAt((o[k] ?? {}) as object, rest.join('.'), value) : value } as T;
}

/** A row's value in the settings (only rows with a path). */
export function settingValue(s: Settings, row: Setting & { path: SettingPath }): SettingValue {
  return valueAt(s, row.path) as SettingValue;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function numberProblem(r: NumberRule | ListRule, x: unknown): string | null {
  if (!isNumber(x)) return `must be a number, got ${String(x)}`;
  if (r.integer && !Number.isInteger(x)) return `must be a whole number from ${r.min} to ${r.max}, got ${x}`;
  if (x < r.min || x > r.max) return `must be ${r.integer ? 'a whole number' : 'a number'} from ${r.min} to ${r.max}, got ${x}`;
  return null;
}

/**
 * Why `value` is not one the row accepts (an English phrase to put after the setting's name), or
 * null when it is.
 * @example problemOf(SETTINGS.alpha, 1.5) // → 'must be a number from 0 to 1, got 1.5'
 */
export function problemOf(row: Setting, value: unknown): string | null {
  switch (row.kind) {
    case 'number':
      return numberProblem(row, value);
    case 'list': {
      if (!Array.isArray(value)) return `must be a list of numbers, got ${String(value)}`;
      if (value.length < row.minLength || value.length > row.maxLength) return `must list ${row.minLength} to ${row.maxLength} values, got ${value.length}`;
      const bad = value.find((x) => numberProblem(row, x) !== null);
      if (bad !== undefined) return `must hold ${row.integer ? 'whole numbers' : 'numbers'} from ${row.min} to ${row.max}, got ${String(bad)}`;
      return null;
    }
    case 'choice':
      return typeof value === 'string' && row.values.includes(value) ? null : `must be one of ${row.values.join(', ')}, got ${String(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `must be true or false, got ${String(value)}`;
  }
}

/** Rows whose path starts with `prefix` (e.g. 'train.' or 'compress.'). */
export function rowsUnder(prefix: string): readonly (Setting & { id: string; path: SettingPath })[] {
  return SETTING_ROWS.filter((r): r is typeof r & { path: SettingPath } => r.path !== null && (r.path + '.').startsWith(prefix.endsWith('.') ? prefix : prefix + '.'));
}

/**
 * Throws on the first value under `prefix` that its row does not accept, naming it by path:
 * the engine's and the worker jobs' check, before any tensor is made.
 *
 * @param root the object the prefix names, e.g. a TrainConfig for 'train'
 * @throws Error `train.distill.temperature must be a number from 0.1 to 20, got 50`
 */
export function checkUnder(prefix: string, root: object): void {
  for (const r of rowsUnder(prefix)) {
    const p = problemOf(r, valueAt(root, r.path.slice(prefix.length + 1)));
    if (p) throw new Error(`${r.path} ${p}`);
  }
}
