/**
 * Run settings ⇄ URL query, through one typed table (tensorflow/playground keeps its state the
 * same way, minus its `[key: string]: any`). Every setting that shapes a run has a parameter, so
 * a copied address reproduces the setup in a workshop room. Decoding never throws: a bad or
 * stale value falls back to its default and is reported as a problem (shown as a notice), and
 * unknown parameters are ignored.
 */
import { DISTILL_LOSSES, type DistillLoss } from '../distill/config';
import type { Schedule } from '../train/config';
import { BACKENDS } from '../train/protocol';
import { DEFAULT_SETTINGS, type BackendChoice, type StudioSettings } from './defaults';

/** The values a parameter accepts, for the notice that names it. */
export type ParamRule =
  | { kind: 'range'; min: number; max: number; integer: boolean }
  | { kind: 'oneOf'; values: readonly string[] };

/** A parameter whose value could not be used; the default was used instead. */
export interface ParamProblem {
  param: string;
  value: string;
  /** The default that was used instead, as written in a URL. */
  fallback: string;
  rule: ParamRule;
}

/** One row of the table: reads and writes one setting; the value type is erased after construction. */
interface UrlParam {
  name: string;
  rule: ParamRule;
  /** The setting as written in a URL. */
  write(s: StudioSettings): string;
  /** `s` with this setting read from `raw`, or null when `raw` is not acceptable. */
  read(s: StudioSettings, raw: string): StudioSettings | null;
}

/** Temperature range of the T slider (log scale); the engine accepts up to 50, the studio shows 0.1–20. */
export const T_SLIDER = { min: 0.1, max: 20 } as const;

function numberParam(
  name: string,
  range: { min: number; max: number; integer?: boolean },
  get: (s: StudioSettings) => number,
  set: (s: StudioSettings, v: number) => StudioSettings,
): UrlParam {
  const rule: ParamRule = { kind: 'range', min: range.min, max: range.max, integer: range.integer ?? false };
  return {
    name,
    rule,
    write: (s) => String(get(s)),
    read: (s, raw) => {
      // Number('') is 0 and Number(' 1') is 1: only plain decimal or exponent notation is a number here
      if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw.trim())) return null;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < range.min || v > range.max) return null;
      if (range.integer && !Number.isInteger(v)) return null;
      return set(s, v);
    },
  };
}

function oneOfParam<V extends string>(
  name: string,
  values: readonly V[],
  get: (s: StudioSettings) => V,
  set: (s: StudioSettings, v: V) => StudioSettings,
): UrlParam {
  return {
    name,
    rule: { kind: 'oneOf', values },
    write: (s) => get(s),
    read: (s, raw) => {
      const v = values.find((x) => x === raw);
      return v === undefined ? null : set(s, v);
    },
  };
}

const SCHEDULES: readonly Schedule[] = ['checkpoint', 'teacher-first', 'online'];
const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

/** Shorthands for nested updates. */
const withDistill = (s: StudioSettings, d: Partial<StudioSettings['train']['distill']>): StudioSettings => ({
  ...s,
  train: { ...s.train, distill: { ...s.train.distill, ...d } },
});
const withTrain = (s: StudioSettings, t: Partial<StudioSettings['train']>): StudioSettings => ({ ...s, train: { ...s.train, ...t } });

/**
 * The URL schema, in the order parameters are written. Names are short because people read and
 * paste these links: T, alpha, loss, over (all | unseen items in the soft/ranking loss), lr (student), tlr (teacher), tdim, thidden, sdim, seed, split
 * (split seed), schedule, epochs (student), tepochs (teacher-first), batch, backend.
 */
export const URL_PARAMS: readonly UrlParam[] = [
  numberParam('T', T_SLIDER, (s) => s.train.distill.temperature, (s, v) => withDistill(s, { temperature: v })),
  numberParam('alpha', { min: 0, max: 1 }, (s) => s.train.distill.alpha, (s, v) => withDistill(s, { alpha: v })),
  oneOfParam<DistillLoss>('loss', DISTILL_LOSSES, (s) => s.train.distill.loss, (s, v) => withDistill(s, { loss: v })),
  oneOfParam<'all' | 'unseen'>('over', ['all', 'unseen'], (s) => (s.train.distill.unseenOnly ? 'unseen' : 'all'), (s, v) => withDistill(s, { unseenOnly: v === 'unseen' })),
  numberParam('lr', { min: 1e-5, max: 1 }, (s) => s.train.student.lr, (s, v) => withTrain(s, { student: { ...s.train.student, lr: v } })),
  numberParam('kdlr', { min: 1e-5, max: 1 }, (s) => s.train.distill.lr, (s, v) => withDistill(s, { lr: v })),
  numberParam('tlr', { min: 1e-5, max: 1 }, (s) => s.train.teacher.lr, (s, v) => withTrain(s, { teacher: { ...s.train.teacher, lr: v } })),
  numberParam('tdim', { min: 1, max: 512, integer: true }, (s) => s.train.teacher.dim, (s, v) => withTrain(s, { teacher: { ...s.train.teacher, dim: v } })),
  numberParam('thidden', { min: 1, max: 1024, integer: true }, (s) => s.train.teacher.hidden, (s, v) =>
    withTrain(s, { teacher: { ...s.train.teacher, hidden: v } }),
  ),
  numberParam('sdim', { min: 1, max: 256, integer: true }, (s) => s.train.student.dim, (s, v) => withTrain(s, { student: { ...s.train.student, dim: v } })),
  numberParam('seed', { min: 0, max: 2 ** 31 - 1, integer: true }, (s) => s.train.seed, (s, v) => withTrain(s, { seed: v })),
  numberParam('split', { min: 0, max: 2 ** 31 - 1, integer: true }, (s) => s.splitSeed, (s, v) => ({ ...s, splitSeed: v })),
  oneOfParam<Schedule>('schedule', SCHEDULES, (s) => s.train.schedule, (s, v) => withTrain(s, { schedule: v })),
  numberParam('epochs', { min: 1, max: 100, integer: true }, (s) => s.plan.epochs, (s, v) => ({ ...s, plan: { ...s.plan, epochs: v } })),
  numberParam('tepochs', { min: 0, max: 200, integer: true }, (s) => s.train.teacherEpochs, (s, v) => withTrain(s, { teacherEpochs: v })),
  numberParam('batch', { min: 1, max: 8192, integer: true }, (s) => s.train.batchSize, (s, v) => withTrain(s, { batchSize: v })),
  oneOfParam<BackendChoice>('backend', BACKEND_CHOICES, (s) => s.backend, (s, v) => ({ ...s, backend: v })),
];

/**
 * Reads settings from a query string; missing parameters keep their defaults.
 *
 * @param search e.g. `location.search` (`?T=0.5&alpha=1`) or the same without `?`
 * @returns the settings and one problem per parameter that was present but unusable
 * @example decodeSettings('?T=abc').problems[0] // → { param: 'T', value: 'abc', fallback: '0.5', rule: {kind: 'range', …} }
 */
export function decodeSettings(search: string, defaults: StudioSettings = DEFAULT_SETTINGS): { settings: StudioSettings; problems: ParamProblem[] } {
  const q = new URLSearchParams(search);
  let settings = defaults;
  const problems: ParamProblem[] = [];
  for (const p of URL_PARAMS) {
    const raw = q.get(p.name);
    if (raw === null) continue;
    const next = p.read(settings, raw);
    if (next) settings = next;
    else problems.push({ param: p.name, value: raw, fallback: p.write(defaults), rule: p.rule });
  }
  return { settings, problems };
}

/**
 * Writes every run setting (defaults included, so a link keeps meaning the same run when a
 * later version changes a default) plus any foreign parameters of `keep`, untouched.
 *
 * @returns a query string without the leading `?`, e.g. `T=0.5&alpha=1&loss=soft&…`
 */
export function encodeSettings(s: StudioSettings, keep = ''): string {
  const q = new URLSearchParams(keep);
  for (const p of URL_PARAMS) q.set(p.name, p.write(s));
  return q.toString();
}
