/**
 * Settings ⇄ URL query, derived from the table (tensorflow/playground keeps its state the same
 * way, minus its `[key: string]: any`): every row with a `url` key is a parameter, so a copied
 * address reproduces the run and every panel's setup in a workshop room. Decoding never throws:
 * a bad or stale value falls back to its default and is reported as a problem (shown as a
 * notice), and unknown parameters are ignored and kept.
 */
import { problemOf, valueAt, withValueAt } from './check';
import { DEFAULT_SETTINGS, type Settings } from './defaults';
import { SETTING_ROWS, type Setting, type SettingPath } from './table';

/** A row that travels in a link. */
export type UrlSetting = Setting & { id: string; path: SettingPath; url: string };

/** The link's parameters, in the order they are written. */
export const URL_SETTINGS: readonly UrlSetting[] = SETTING_ROWS.filter((r): r is UrlSetting => r.path !== null && r.url !== undefined);

/** A parameter whose value could not be used; the default was used instead. */
export interface ParamProblem {
  param: string;
  value: string;
  /** The default that was used instead, as written in a URL. */
  fallback: string;
  /** The row, for the values it accepts. */
  setting: Setting;
}

// Number('') is 0 and Number(' 1') is 1: only plain decimal or exponent notation is a number here
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const readNumber = (raw: string): number => (NUMBER.test(raw.trim()) ? Number(raw) : NaN);

/** A setting's value as written in a link. */
export function writeParam(row: Setting, value: unknown): string {
  switch (row.kind) {
    case 'boolean':
      return row.words[value ? 1 : 0];
    case 'list':
      return (value as readonly number[]).join(',');
    default:
      return String(value);
  }
}

/** The value a link's text stands for, or undefined when it is not one the row accepts. */
export function readParam(row: Setting, raw: string): unknown {
  let v: unknown;
  switch (row.kind) {
    case 'number':
      v = readNumber(raw);
      break;
    case 'list':
      v = raw.split(',').map(readNumber);
      break;
    case 'choice':
      v = raw;
      break;
    case 'boolean':
      v = raw === row.words[1] ? true : raw === row.words[0] ? false : undefined;
      break;
  }
  return problemOf(row, v) === null ? v : undefined;
}

/**
 * Reads settings from a query string; missing parameters keep their defaults.
 *
 * @param search e.g. `location.search` (`?T=0.5&alpha=1`) or the same without `?`
 * @returns the settings and one problem per parameter that was present but unusable
 * @example decodeSettings('?T=abc').problems[0] // → { param: 'T', value: 'abc', fallback: '0.25', setting: SETTINGS.temperature }
 */
export function decodeSettings(search: string, defaults: Settings = DEFAULT_SETTINGS): { settings: Settings; problems: ParamProblem[] } {
  const q = new URLSearchParams(search);
  let settings = defaults;
  const problems: ParamProblem[] = [];
  for (const row of URL_SETTINGS) {
    const raw = q.get(row.url);
    if (raw === null) continue;
    const v = readParam(row, raw);
    if (v !== undefined) settings = withValueAt(settings, row.path, v);
    else problems.push({ param: row.url, value: raw, fallback: writeParam(row, valueAt(defaults, row.path)), setting: row });
  }
  return { settings, problems };
}

/**
 * Writes every setting of the table (defaults included, so a link keeps meaning the same run
 * when a later version changes a default) plus any foreign parameters of `keep`, untouched.
 * Commas in lists stay commas (legal in a query, and readable).
 *
 * @returns a query string without the leading `?`, e.g. `T=0.5&alpha=1&loss=soft&…`
 */
export function encodeSettings(s: Settings, keep = ''): string {
  const q = new URLSearchParams(keep);
  for (const row of URL_SETTINGS) q.set(row.url, writeParam(row, valueAt(s, row.path)));
  return q.toString().replace(/%2C/gi, ',');
}
