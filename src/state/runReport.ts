/**
 * The run report: one finished run as plain data (settings, metric series, comparison, dataset,
 * backend, date), the unit of the runs history, of the JSON and CSV exports and of an import.
 * Pure TypeScript: the codec and the import validation run in Node tests.
 *
 * JSON has no NaN (a frozen teacher's loss is NaN), so numbers that are NaN are written as null
 * and read back as NaN.
 */
import type { LossRow } from '../train/engine';
import type { ModelReport, ValPoint } from '../train/protocol';
import type { RankingMetrics } from '../eval/metrics';
import { DEFAULT_SETTINGS, runSettingsOf, type StudioSettings } from './defaults';
import type { Comparison } from './runSlice';

/** Tag of a report file, so any other JSON is refused with a sentence. */
export const REPORT_FORMAT = 'distillation-studio/run-report';
export const REPORT_VERSION = 1;

/** The dataset a run trained on, enough to tell two runs' data apart. */
export interface ReportDataset {
  name: string;
  source: 'builtin' | 'upload' | 'synthetic';
  /** splitFingerprint of the split (data and held-out items). */
  fingerprint: string;
  users: number;
  items: number;
  interactions: number;
}

export interface RunReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  id: string;
  /** The person's name for the run (untrusted text when imported). */
  name: string;
  /** ISO 8601, when the run finished. */
  createdAt: string;
  dataset: ReportDataset;
  /** The backend the run trained on, or null when unknown. */
  backend: string | null;
  /** Settings at the end of the run (T, α and learning rates can move while it trains). */
  settings: StudioSettings;
  rows: LossRow[];
  val: ValPoint[];
  comparison: Comparison;
  /** True for a report read from a file rather than trained here. */
  imported: boolean;
}

/** A default name: the knobs people compare runs by. */
export function defaultRunName(s: StudioSettings): string {
  const d = s.train.distill;
  return `${d.loss} T=${d.temperature} α=${d.alpha}`;
}

/** Writes a report as JSON (NaN → null). */
export function encodeReport(r: RunReport): string {
  return JSON.stringify(r, null, 1);
}

/** Why a file is not a usable report: a code and, for a field, its path and the expected kind. */
export type ReportProblem =
  | { kind: 'json' }
  | { kind: 'format' }
  | { kind: 'version'; version: string }
  | { kind: 'field'; path: string; expected: 'number' | 'text' | 'list' | 'object' | 'boolean' };

export type DecodeResult = { ok: true; report: RunReport } | { ok: false; problem: ReportProblem };

class Bad extends Error {
  constructor(readonly problem: ReportProblem) {
    super(problem.kind);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new Bad({ kind: 'field', path, expected: 'object' });
  return v;
}
function list(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new Bad({ kind: 'field', path, expected: 'list' });
  return v;
}
function text(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new Bad({ kind: 'field', path, expected: 'text' });
  return v;
}
/** A number; null (how JSON writes NaN) reads as NaN. */
function num(v: unknown, path: string): number {
  if (v === null) return NaN;
  if (typeof v !== 'number') throw new Bad({ kind: 'field', path, expected: 'number' });
  return v;
}

/**
 * `v` checked against the shape of `template` (same keys, same kinds, recursively); extra keys
 * are dropped, so an imported file cannot smuggle fields into the store.
 */
function like<T>(v: unknown, template: T, path: string): T {
  if (typeof template === 'number') return num(v, path) as T;
  if (typeof template === 'string') return text(v, path) as T;
  if (typeof template === 'boolean') {
    if (typeof v !== 'boolean') throw new Bad({ kind: 'field', path, expected: 'boolean' });
    return v as T;
  }
  const o = obj(v, path);
  const out: Obj = {};
  for (const [k, t] of Object.entries(template as Obj)) out[k] = like(o[k], t, `${path}.${k}`);
  return out as T;
}

const METRICS: RankingMetrics = { users: 0, k: 0, hr: 0, ndcg: 0, mrr: 0, recall: 0 };
const MODEL: ModelReport = { test: METRICS, val: METRICS, params: 0, bytesFp32: 0, bytesInt8: 0, inferMsPer1000: 0 };
const ROW: LossRow = { step: 0, epoch: 0, teacher: 0, student: 0, kdHard: 0, kdDistill: 0, kdTotal: 0 };
const COMPARISON: Comparison = { teacher: MODEL, student: MODEL, kd: MODEL, overlapKd: 0, overlapStudent: 0 };
const DATASET = { name: '', fingerprint: '', users: 0, items: 0, interactions: 0 };
const SOURCES: readonly ReportDataset['source'][] = ['builtin', 'upload', 'synthetic'];

function valPoint(v: unknown, path: string): ValPoint {
  const o = obj(v, path);
  return {
    step: num(o.step, `${path}.step`),
    epoch: num(o.epoch, `${path}.epoch`),
    ms: num(o.ms, `${path}.ms`),
    teacher: o.teacher === null ? null : like(o.teacher, METRICS, `${path}.teacher`),
    student: like(o.student, METRICS, `${path}.student`),
    kd: like(o.kd, METRICS, `${path}.kd`),
  };
}

/** Reads and checks a report file's text; never throws. */
export function decodeReport(json: string): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problem: { kind: 'json' } };
  }
  return checkReport(raw);
}

/** Checks a parsed report (from a file, or a record read back from IndexedDB) field by field. */
export function checkReport(raw: unknown): DecodeResult {
  try {
    const o = obj(raw, 'report');
    if (o.format !== REPORT_FORMAT) throw new Bad({ kind: 'format' });
    if (o.version !== REPORT_VERSION) throw new Bad({ kind: 'version', version: String(o.version) });
    const ds = obj(o.dataset, 'dataset');
    const source = SOURCES.find((x) => x === ds.source) ?? 'upload';
    const report: RunReport = {
      format: REPORT_FORMAT,
      version: REPORT_VERSION,
      id: text(o.id, 'id'),
      name: text(o.name, 'name'),
      createdAt: text(o.createdAt, 'createdAt'),
      dataset: { ...like(ds, DATASET, 'dataset'), source },
      backend: o.backend === null ? null : text(o.backend, 'backend'),
      settings: like(o.settings, runSettingsOf(DEFAULT_SETTINGS), 'settings'),
      rows: list(o.rows, 'rows').map((r, i) => like(r, ROW, `rows[${i}]`)),
      val: list(o.val, 'val').map((v, i) => valPoint(v, `val[${i}]`)),
      comparison: like(o.comparison, COMPARISON, 'comparison'),
      imported: true,
    };
    return { ok: true, report };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** One CSV field: quoted when it must be (RFC 4180); text that a spreadsheet would run as a formula gets a leading '. */
function field(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Columns of the CSV export: one value per line ("tidy"), easy to pivot in a spreadsheet or pandas. */
export const CSV_COLUMNS = ['section', 'step', 'epoch', 'ms', 'model', 'measure', 'value'] as const;

type CsvRow = [section: string, step: number | null, epoch: number | null, ms: number | null, model: string, measure: string, value: string | number];

/**
 * The report as CSV: the settings (section "config"), every loss point ("loss"), every live
 * validation point ("val"), and the end-of-run comparison ("test", "val-final").
 */
export function reportCsv(r: RunReport): string {
  const out: CsvRow[] = [];
  const s = r.settings;
  const d = s.train.distill;
  const config: [string, string | number][] = [
    ['name', r.name],
    ['createdAt', r.createdAt],
    ['dataset', r.dataset.name],
    ['fingerprint', r.dataset.fingerprint],
    ['backend', r.backend ?? ''],
    ['loss', d.loss],
    ['T', d.temperature],
    ['alpha', d.alpha],
    ['unseenOnly', String(d.unseenOnly)],
    ['kdLr', d.lr],
    ['studentLr', s.train.student.lr],
    ['teacherLr', s.train.teacher.lr],
    ['teacherDim', s.train.teacher.dim],
    ['teacherHidden', s.train.teacher.hidden],
    ['studentDim', s.train.student.dim],
    ['seed', s.train.seed],
    ['splitSeed', s.splitSeed],
    ['schedule', s.train.schedule],
    ['epochs', s.plan.epochs],
    ['batchSize', s.train.batchSize],
  ];
  for (const [k, v] of config) out.push(['config', null, null, null, '', k, v]);
  for (const row of r.rows) {
    for (const m of ['teacher', 'student', 'kdHard', 'kdDistill', 'kdTotal'] as const) out.push(['loss', row.step, row.epoch, null, m, 'loss', row[m]]);
  }
  const metrics = ['ndcg', 'hr', 'mrr', 'recall'] as const;
  for (const v of r.val) {
    for (const m of ['teacher', 'student', 'kd'] as const) {
      const x = v[m];
      if (x) for (const k of metrics) out.push(['val', v.step, v.epoch, v.ms, m, k, x[k]]);
    }
  }
  const c = r.comparison;
  for (const m of ['teacher', 'student', 'kd'] as const) {
    for (const k of metrics) out.push(['test', null, null, null, m, k, c[m].test[k]]);
    for (const k of ['params', 'bytesFp32', 'bytesInt8', 'inferMsPer1000'] as const) out.push(['test', null, null, null, m, k, c[m][k]]);
    for (const k of metrics) out.push(['val-final', null, null, null, m, k, c[m].val[k]]);
  }
  out.push(['test', null, null, null, 'student', 'top10OverlapWithTeacher', c.overlapStudent]);
  out.push(['test', null, null, null, 'kd', 'top10OverlapWithTeacher', c.overlapKd]);
  return [CSV_COLUMNS.join(','), ...out.map((row) => row.map(field).join(','))].join('\r\n') + '\r\n';
}

/** A file name for a report's exports: the run's name with only safe characters. */
export function reportFileStem(r: RunReport): string {
  const stem = `${r.name}-${r.createdAt.slice(0, 19)}`.replace(/[^\p{L}\p{N}._=-]+/gu, '_');
  return `run-${stem}`.slice(0, 120);
}
