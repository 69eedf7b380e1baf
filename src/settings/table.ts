/**
 * The one settings table. Each row names a setting once: where it lives in `Settings`, which
 * values it accepts, whether it applies live or on the next run, its URL key, its CLI flag and its
 * label in the studio. The URL codec (url.ts), the CLI's flag readers and usage text
 * (cli/settingFlags.ts), the config checks (check.ts, the engine and the worker jobs), the panels'
 * slider and field bounds and the "needs a reset" test are all derived from it, so a range can
 * only be written here. Plain TS with no tf and no React: the page, the worker and Node import it.
 *
 * Adding a setting is one row:
 *   1. Give the field a default beside its type in its room (`defaultXConfig`, with the
 *      measurement that chose it), or in defaults.ts when it is the studio's own.
 *   2. Add a row below in its group: `myThing: number('train.distill.myThing', 1, 100, { integer: true,
 *      url: 'mything', cli: 'my-thing', help: 'what it does', label: 'knobs.myThing' })`.
 *      `path` is type-checked against `Settings`; omit it (`null`) for a CLI-only setting, whose
 *      default the command supplies. `apply: 'live'` when a running job takes it at the next step
 *      (sent in set-hyper); otherwise a run setting needs a Reset (and the panel says so).
 *   3. Nothing else: the link carries it (old links without it open with the default), the CLI
 *      flag is read and listed in the usage where a command names the row, the engine checks it,
 *      and a panel gets its bounds with `<NumberField setting={SETTINGS.myThing} …>`.
 *   settings/table.test.ts then checks that the default is in range, the keys are unique, and
 *   that a link with the new value round-trips.
 */
import { DISTILL_LOSSES } from '../distill/config';
import type { Schedule } from '../train/config';
import { BACKEND_CHOICES, BACKENDS, TRANSFER_RULES, type Settings } from './defaults';

/** A setting's value, as the table handles it. */
export type SettingValue = number | string | boolean | readonly number[];

/** Dot paths of `Settings` that end at a value (a number, a word, a switch or a list of numbers). */
export type SettingPath = LeafPaths<Settings>;
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends SettingValue ? K : T[K] extends object ? `${K}.${LeafPaths<T[K]>}` : never;
}[keyof T & string];

/** When a changed value takes effect: at the next step of a running job, or only when a new run starts (a Reset, the panel's next Run). */
export type Apply = 'live' | 'next-run';

/** What every row has, whatever its kind. */
interface RowBase {
  /** Where the value lives in `Settings`; null for a CLI-only setting (its command supplies the default). */
  path: SettingPath | null;
  apply: Apply;
  /** Query parameter of a shared link, when the setting travels in one. */
  url?: string;
  /** CLI flag (without --), when a command takes it. */
  cli?: string;
  /** The CLI usage line's words for it (English; commands may say more). */
  help?: string;
  /** The value's placeholder in the usage line (`--temperature T`). */
  arg?: string;
  /** Message-table key of its label in the studio. */
  label?: string;
}

/** A number in [min, max] (bounds included), a whole number when `integer`. */
export interface NumberRule {
  kind: 'number';
  min: number;
  max: number;
  integer: boolean;
  /** Its slider moves on log10(value) (the temperature). */
  log?: boolean;
}

/** A list of numbers, each in [min, max], with minLength..maxLength entries. */
export interface ListRule {
  kind: 'list';
  min: number;
  max: number;
  integer: boolean;
  minLength: number;
  maxLength: number;
}

/** One of some words. */
export interface ChoiceRule {
  kind: 'choice';
  values: readonly string[];
}

/** A switch, written in a link as one of two words (`[off, on]`); `cliOff` names the CLI flag that turns it off. */
export interface BooleanRule {
  kind: 'boolean';
  words: readonly [string, string];
  cliOff?: string;
}

export type SettingRule = NumberRule | ListRule | ChoiceRule | BooleanRule;
export type Setting = RowBase & SettingRule;
export type NumberSetting = RowBase & NumberRule;
export type ListSetting = RowBase & ListRule;
export type ChoiceSetting = RowBase & ChoiceRule;
export type BooleanSetting = RowBase & BooleanRule;

type Extra = Partial<Omit<RowBase, 'path'>>;

function number(path: SettingPath | null, min: number, max: number, o: Extra & { integer?: boolean; log?: boolean } = {}): NumberSetting {
  const { integer = false, apply = 'next-run', ...rest } = o;
  return { kind: 'number', path, min, max, integer, apply, ...rest };
}
const int = (path: SettingPath | null, min: number, max: number, o: Extra = {}): NumberSetting => number(path, min, max, { ...o, integer: true });

function list(path: SettingPath | null, min: number, max: number, length: [number, number], o: Extra & { integer?: boolean } = {}): ListSetting {
  const { integer = false, apply = 'next-run', ...rest } = o;
  return { kind: 'list', path, min, max, integer, minLength: length[0], maxLength: length[1], apply, ...rest };
}

function choice(path: SettingPath | null, values: readonly string[], o: Extra = {}): ChoiceSetting {
  const { apply = 'next-run', ...rest } = o;
  return { kind: 'choice', path, values, apply, ...rest };
}

function flag(path: SettingPath | null, o: Extra & { words?: readonly [string, string]; cliOff?: string } = {}): BooleanSetting {
  const { apply = 'next-run', words = ['off', 'on'], ...rest } = o;
  return { kind: 'boolean', path, words, apply, ...rest };
}

const SEED_MAX = 2 ** 31 - 1;
const SCHEDULES: readonly Schedule[] = ['checkpoint', 'teacher-first', 'online'];

/**
 * Every setting, by name. The run's rows come first, in the order a link writes them (the
 * parameters links have carried since the first version keep their order and names).
 */
export const SETTINGS = {
  // ── the run: distillation knobs (live) ──
  temperature: number('train.distill.temperature', 0.1, 20, { log: true, apply: 'live', url: 'T', cli: 'temperature', arg: 'T', help: 'soft-label temperature', label: 'knobs.temperature' }),
  alpha: number('train.distill.alpha', 0, 1, { apply: 'live', url: 'alpha', cli: 'alpha', arg: 'A', help: 'weight of the distillation term', label: 'knobs.alpha' }),
  loss: choice('train.distill.loss', DISTILL_LOSSES, { apply: 'live', url: 'loss', cli: 'loss', help: 'distillation term', label: 'knobs.loss' }),
  unseenOnly: flag('train.distill.unseenOnly', {
    apply: 'live', url: 'over', words: ['all', 'unseen'], cli: 'unseen-only', cliOff: 'all-items',
    help: 'soft and ranking losses over the items the user has not seen / over all items', label: 'knobs.unseenOnly',
  }),
  studentLr: number('train.student.lr', 1e-6, 1, { apply: 'live', url: 'lr', cli: 'lr', arg: 'R', help: 'learning rate of the student alone', label: 'knobs.studentLr' }),
  kdLr: number('train.distill.lr', 1e-6, 1, { apply: 'live', url: 'kdlr', cli: 'kd-lr', arg: 'R', help: 'learning rate of the student with KD', label: 'knobs.kdLr' }),
  teacherLr: number('train.teacher.lr', 1e-6, 1, { apply: 'live', url: 'tlr' }),
  // ── the run: model sizes, seeds, schedule, length (on reset) ──
  teacherDim: int('train.teacher.dim', 1, 1024, { url: 'tdim', label: 'sizes.teacherDim' }),
  teacherHidden: int('train.teacher.hidden', 1, 4096, { url: 'thidden', label: 'sizes.teacherHidden' }),
  studentDim: int('train.student.dim', 1, 1024, { url: 'sdim', cli: 'student-dim', arg: 'D', help: 'student embedding size', label: 'sizes.studentDim' }),
  seed: int('train.seed', 0, SEED_MAX, { url: 'seed', cli: 'seed', arg: 'S', help: 'run seed: initialisation, shuffling, dropout', label: 'settings.seed' }),
  splitSeed: int('splitSeed', 0, SEED_MAX, { url: 'split', cli: 'split-seed', arg: 'S', help: 'seed of the held-out items (the shipped checkpoint fits 1)', label: 'settings.splitSeed' }),
  schedule: choice('train.schedule', SCHEDULES, { url: 'schedule', label: 'settings.schedule' }),
  epochs: int('plan.epochs', 1, 500, { url: 'epochs', cli: 'epochs', help: 'most epochs of the student alone', label: 'settings.epochs' }),
  teacherEpochs: int('train.teacherEpochs', 0, 500, { url: 'tepochs', cli: 'teacher-epochs', help: 'teacher epochs when it is trained' }),
  batchSize: int('train.batchSize', 1, 8192, { url: 'batch' }),
  backend: choice('backend', BACKEND_CHOICES, { url: 'backend' }),
  // ── the run: settings no panel shows (a link does not carry them; the engine checks them) ──
  rankK: int('train.distill.rankK', 1, 1000, { apply: 'live' }),
  rankDecay: number('train.distill.rankDecay', 0.01, 1000, { apply: 'live' }),
  teacherDropout: number('train.teacher.dropout', 0, 0.95),
  teacherL2: number('train.teacher.l2', 0, 1),
  teacherInitStd: number('train.teacher.initStd', 0, 10),
  studentL2: number('train.student.l2', 0, 1),
  studentInitStd: number('train.student.initStd', 0, 10),
  valUsers: int('plan.valUsers', 1, 1_000_000),
  evalEvery: int('plan.evalEvery', 1, 1_000_000),
  reportEvery: int('plan.reportEvery', 1, 1_000_000),

  // ── compression panel (`compress` command) ──
  compressSparsities: list('compress.sparsities', 0, 0.99, [1, 16], { url: 'compress.prune', cli: 'sparsities', arg: '0,0.5,0.9', help: 'pruning sweep', label: 'compress.prune' }),
  compressRanks: list('compress.ranks', 1, 4096, [1, 32], { integer: true, cli: 'ranks', arg: '1,2,4', help: 'low-rank sweep; each model adds its full rank' }),
  compressUsers: int('compress.users', 0, 10_000_000, { url: 'compress.users', cli: 'users', help: 'score a seeded sample of N users (0: every evaluated user)', label: 'compress.users' }),
  compressTeacher: flag('compress.teacher', { url: 'compress.teacher', cliOff: 'no-teacher', help: 'do not compress the teacher', label: 'compress.teacher' }),

  // ── rating panel (`distill --task rating`) ──
  ratingAlpha: number('rating.distill.alpha', 0, 1, { apply: 'live', url: 'rating.alpha', cli: 'alpha', arg: 'A', help: 'weight of the teacher term', label: 'rating.alpha' }),
  ratingUnrated: int('rating.distill.unrated', 0, 20, { apply: 'live', url: 'rating.unrated', cli: 'unrated', arg: 'M', help: 'sampled unrated pairs per rated pair', label: 'rating.unrated' }),
  ratingTeacherEpochs: int('rating.teacherEpochs', 1, 2000, { url: 'rating.tepochs', cli: 'teacher-epochs', help: 'most teacher epochs', label: 'rating.teacherEpochs' }),
  ratingEpochs: int('rating.epochs', 1, 2000, { url: 'rating.epochs', cli: 'epochs', help: 'most student epochs', label: 'rating.studentEpochs' }),
  ratingSeed: int('rating.seed', 0, SEED_MAX, { cli: 'seed', arg: 'S', help: 'run seed: initialisation, order, sampling, and the split' }),
  ratingHidden: int('rating.teacher.hidden', 1, 4096, { cli: 'hidden', arg: 'H', help: 'AutoRec hidden units' }),
  ratingTeacherL2: number('rating.teacher.l2', 0, 1e6, { cli: 'teacher-l2', arg: 'L', help: 'AutoRec λ' }),
  ratingTeacherLr: number('rating.teacher.lr', 1e-6, 1, { cli: 'teacher-lr', arg: 'R', help: 'AutoRec learning rate' }),
  ratingTeacherMfDim: int('rating.teacher.mfDim', 0, 1024, { cli: 'teacher-mf-dim', arg: 'D', help: 'size of the biased MF the teacher blends with AutoRec, weight on validation (0 = AutoRec alone)' }),
  ratingTeacherMfL2: number('rating.teacher.mfL2', 0, 1e3, { cli: 'teacher-mf-l2', arg: 'L', help: 'its L2 per rating' }),
  ratingBatchItems: int('rating.teacher.batchItems', 1, 1_000_000),
  ratingStudentDim: int('rating.student.dim', 1, 1024, { cli: 'student-dim', arg: 'D', help: 'student embedding size' }),
  ratingStudentL2: number('rating.student.l2', 0, 1e3, { cli: 'student-l2', arg: 'L', help: 'student L2 per rating; KD uses the one chosen for the student alone' }),
  ratingStudentLr: number('rating.student.lr', 1e-6, 1, { cli: 'lr', arg: 'R', help: 'student learning rate' }),
  ratingStudentInitStd: number('rating.student.initStd', 0, 10),
  ratingBatchSize: int('rating.batchSize', 1, 1_000_000),
  ratingPatience: int(null, 1, 2000, { cli: 'patience', help: 'stop after N epochs without a better validation RMSE' }),

  // ── transfer panel (`transfer` command) ──
  transferRule: choice('transfer.rule', TRANSFER_RULES, { url: 'transfer.rule' }),
  transferCut: number('transfer.cut', -1e9, 1e9, { url: 'transfer.cut', cli: 'cut', arg: 'Y', help: 'items before Y are the source, from Y on the target', label: 'transfer.cut' }),
  transferKeep: number('transfer.keep', 0.01, 1, { url: 'transfer.keep', cli: 'keep', arg: 'K', help: "share of each user's target training interactions kept", label: 'transfer.keep' }),
  transferCurve: flag('transfer.curve', { url: 'transfer.curve', label: 'transfer.curve' }),
  transferEpochs: int('transfer.maxEpochs', 1, 500, { url: 'transfer.epochs', cli: 'epochs', help: 'most epochs per mode', label: 'transfer.maxEpochs' }),
  transferSeed: int('transfer.seed', 0, SEED_MAX, { url: 'transfer.seed', cli: 'seed', arg: 'S', help: 'seed of held-out items, thinning and initialisation', label: 'transfer.seed' }),
  transferTuneL2: flag('transfer.tuneL2', { url: 'transfer.l2', label: 'transfer.tuneL2' }),
  transferKeeps: list(null, 0.01, 1, [1, 8], { cli: 'keeps', arg: '0.05,0.2,0.5,1', help: "several shares (the keep curve); the JSON's top level holds --keep's (or the first)" }),
  transferL2s: list(null, 0, 1, [1, 6], { cli: 'l2s', arg: 'L', help: 'weight decay values tried per mode, best on validation' }),
  transferPretrainL2s: list(null, 0, 1, [1, 6], { cli: 'pretrain-l2s', arg: 'L', help: 'weight decay values of the source pretraining, best on the source validation item' }),
  transferDim: int(null, 1, 1024, { cli: 'dim', arg: 'D', help: 'MF size of every mode' }),
  transferLr: number(null, 1e-6, 1, { cli: 'lr', arg: 'R', help: 'Adam learning rate' }),
  transferPatience: int(null, 1, 500, { cli: 'patience', help: 'stop a mode after N epochs without a better validation NDCG' }),
  transferStudentDim: int(null, 1, 1024, { cli: 'student-dim', arg: 'D', help: 'size of the small student of cross-domain KD' }),

  // ── sweep panel (`sweep` command) ──
  sweepTemperatures: list('sweep.temperatures', 0.1, 20, [1, 6], { url: 'sweep.T', cli: 'temperature', arg: '0.25,0.5,1,2', help: 'temperatures', label: 'sweep.temperatures' }),
  sweepAlphas: list('sweep.alphas', 0, 1, [1, 6], { url: 'sweep.alpha', cli: 'alpha', arg: '0.5,0.9,1', help: 'α values', label: 'sweep.alphas' }),
  sweepEpochs: int('sweep.epochs', 1, 50, { url: 'sweep.epochs', cli: 'epochs', help: 'student epochs per cell', label: 'sweep.epochs' }),

  // ── the command line's own ──
  seeds: list(null, 0, SEED_MAX, [1, 100], { integer: true, cli: 'seeds', arg: '1,2,3', help: "several run seeds; the JSON's top level holds their means" }),
  kdEpochs: int(null, 1, 500, { cli: 'kd-epochs', help: 'most epochs of the student with KD' }),
  nodeBackend: choice(null, BACKENDS, { cli: 'backend', help: 'tf.js backend' }),
  synthUsers: int(null, 1, 10_000_000, { cli: 'users' }),
  synthItems: int(null, 2, 10_000_000, { cli: 'items' }),
  synthRatings: int(null, 1, 1_000_000_000, { cli: 'ratings' }),
  synthFactors: int(null, 1, 512, { cli: 'factors', arg: 'K', help: 'latent taste factors' }),
  synthSeed: int(null, 0, SEED_MAX, { cli: 'seed', arg: 'S' }),
  benchLines: int(null, 100, 20_000_000, { cli: 'lines' }),
  benchRuns: int(null, 1, 50, { cli: 'runs' }),
} satisfies Record<string, Setting>;

export type SettingId = keyof typeof SETTINGS;

/** Every row, with its name, in table order. */
export const SETTING_ROWS: readonly (Setting & { id: string })[] = (Object.keys(SETTINGS) as SettingId[]).map((id) => ({ ...(SETTINGS[id] as Setting), id }));
