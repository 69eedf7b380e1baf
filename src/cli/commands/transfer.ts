/**
 * `transfer`: pretrain on a source domain, then train on a thinned target domain in every mode
 * (scratch, frozen, fine-tune, joint, popularity, cross-domain KD) with the engine the browser runs;
 * epochs chosen on the target validation item, reported on the target test item.
 */
import { writeFile } from 'node:fs/promises';
import { isDataError } from '../../data/errors.ts';
import { readIdList, readItemColumn } from '../../data/itemColumn.ts';
import { ingest, readText, type NamedBytes } from '../../data/ingest.ts';
import { english } from '../../data/messages.ts';
import type { Dataset } from '../../data/types.ts';
import { meanStd } from '../../eval/metrics.ts';
import { splitDomains, type Domains } from '../../transfer/domains.ts';
import { applyRule, DEFAULT_CUT_YEAR, yearColumn, type DomainRule } from '../../transfer/rule.ts';
import { domainsFromTwoFiles, TwoFileError } from '../../transfer/twoFiles.ts';
import { DEFAULT_SETTINGS, TUNED_L2_GRID, type BackendName, type Settings } from '../../settings/defaults.ts';
import { SETTINGS } from '../../settings/table.ts';
import { defaultTransferSettings, pretrainSource, runTransfer, type TransferResult, type TransferSettings } from '../../train/transferRun.ts';
import { parseArgs, stringFlag, type ParsedArgs } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { loadData, nodeBackend } from '../experiment.ts';
import { readInput } from '../files.ts';
import { applyFlags, flag, flagSpec, flagUsage, plain, readChoice, readList, readNumber, type FlagDoc } from '../settingFlags.ts';

const d = defaultTransferSettings;
/** 1e-4, not 0.0001: the usage shows the grid as one would type it. */
const typed = (xs: readonly number[]) => xs.map((x) => (x === 0 ? '0' : x.toExponential())).join(',');
/** The command's defaults: the transfer run's (train/transferRun.ts) where the panel has the same setting. */
const BASE: Settings = { ...DEFAULT_SETTINGS, transfer: { ...DEFAULT_SETTINGS.transfer, cut: DEFAULT_CUT_YEAR, keep: d.keep, seed: d.seed, maxEpochs: d.maxEpochs } };
const T = {
  keep: flag(SETTINGS.transferKeep),
  keeps: flag(SETTINGS.transferKeeps, { fallback: [] as number[], defaultText: 'just --keep' }),
  seed: flag(SETTINGS.transferSeed),
  seeds: flag(SETTINGS.seeds, { fallback: [] as number[], defaultText: 'just --seed', help: 'several seeds; means over seeds' }),
  cut: flag(SETTINGS.transferCut, { help: 'items before Y are the source, from Y on the target (on the year, or the --domain-by column)' }),
  dim: flag(SETTINGS.transferDim, { fallback: d.dim }),
  lr: flag(SETTINGS.transferLr, { fallback: d.lr }),
  l2s: flag(SETTINGS.transferL2s, {
    fallback: d.l2s,
    help: `weight decay values tried per mode, best on validation (the studio's "choose weight decay" box: --l2s ${typed(TUNED_L2_GRID.l2s)} --pretrain-l2s ${typed(TUNED_L2_GRID.pretrainL2s)})`,
  }),
  pretrainL2s: flag(SETTINGS.transferPretrainL2s, { fallback: d.pretrainL2s }),
  epochs: flag(SETTINGS.transferEpochs),
  patience: flag(SETTINGS.transferPatience, { fallback: d.patience }),
  studentDim: flag(SETTINGS.transferStudentDim, { fallback: d.studentDim }),
  backend: flag(SETTINGS.nodeBackend, { fallback: 'wasm' }),
};
const FLAGS: readonly FlagDoc[] = [
  plain('data', '<file>', 'ratings file (default: the built-in goodbooks-2k)'),
  plain('source-data', '<file>', 'with --target-data: a ratings file that is the whole source domain'),
  plain('target-data', '<file>', 'the ratings file that is the whole target domain (any format --data reads; bad lines are skipped and named, as for --data); no rule flags then'),
  plain('items', '<file>', 'titles / item metadata file for --data'),
  plain('titles', '<file>', 'the same as --items'),
  T.cut,
  plain('domain-by', '<column>', 'the column of --items the rule reads (default year): numeric → --cut, otherwise --target-value names the label of the target (e.g. a genre)'),
  plain('target-value', 'V', 'with a label column: items with label V are the target, the rest the source'),
  plain('source-items', '<file>', 'item ids of the source domain (one per line); all other items are the target'),
  T.keep, T.keeps, T.seed, T.seeds, T.dim, T.lr, T.l2s, T.pretrainL2s, T.epochs, T.patience, T.studentDim, T.backend,
  plain('json', '<file>', 'write the results as JSON'),
];

const USAGE = `usage: npm run cli -- transfer [flags]

Splits one dataset into a source and a target domain with shared users, pretrains an MF on the
source, and trains on the target thinned to --keep in each mode side by side; prints a table and,
with --json, writes {"scratch":{…},"frozen":{…},"finetune":{…},"joint":{…},"popularity":{…},
"crossKd":{…},"target":{…}} (each with ndcg10 and hr10). Epochs are chosen on the validation item.

Or two ratings files as the two domains (--source-data, --target-data): users are matched by their
id as written in the files; items are not: an item id in both files is two items, one per domain.

${flagUsage(FLAGS, BASE)}`;

type Row = { ndcg10: number; hr10: number };
const MODES = ['popularity', 'scratch', 'frozen', 'finetune', 'joint'] as const;

/** The rule of one dataset's split; `items` is the --items file, read once for the dataset's titles and here. */
async function ruleFromFlags(args: ParsedArgs, cut: number, items: NamedBytes | null): Promise<{ rule: DomainRule; column: Map<string, string[]> | null; label: string }> {
  const src = stringFlag(args, 'source-items');
  if (src) return { rule: { kind: 'ids', source: readIdList((await readText(await readInput(src))).text) }, column: null, label: `source items from ${src}` };
  const by = stringFlag(args, 'domain-by') ?? 'year';
  const value = stringFlag(args, 'target-value');
  const column = items && readItemColumn((await readText(items)).text, by, items.name);
  if (value !== undefined) return { rule: { kind: 'label', target: value }, column, label: `${by} = ${value} is the target` };
  return { rule: { kind: 'cut', cut }, column, label: `${by} < ${cut} is the source` };
}

/** Each file's skipped lines and warnings, in English, as the studio shows them after an upload. */
interface FileReport {
  file: string;
  users: number;
  items: number;
  interactions: number;
  skippedLines: number[];
  warnings: string[];
}

async function readRatings(file: string, io: CliIO): Promise<{ ds: Dataset; report: FileReport }> {
  const r = await ingest(await readInput(file), null, { source: 'upload' });
  const warnings = r.dataset.warnings.map((w) => english(w));
  for (const w of warnings) io.stderr(`${r.dataset.name}: ${w}\n`);
  const ds = r.dataset;
  return { ds, report: { file, users: ds.nUsers, items: ds.nItems, interactions: ds.users.length, skippedLines: r.table.skippedLines, warnings } };
}

/** The domains the flags ask for: two files, or one dataset split by a rule. */
async function domainsFromFlags(args: ParsedArgs, cut: number, io: CliIO): Promise<{ domains: Domains; label: string; name: string; files?: { source: FileReport; target: FileReport } }> {
  const sourceData = stringFlag(args, 'source-data');
  const targetData = stringFlag(args, 'target-data');
  if (sourceData !== undefined || targetData !== undefined) {
    if (sourceData === undefined || targetData === undefined) throw new UsageError('--source-data and --target-data go together');
    const rules = ['data', 'items', 'titles', 'cut', 'domain-by', 'target-value', 'source-items'].filter((f) => args.flags[f] !== undefined);
    if (rules.length) throw new UsageError(`--${rules[0]} does not go with --source-data / --target-data (the files are the domains)`);
    const source = await readRatings(sourceData, io);
    const target = await readRatings(targetData, io);
    const two = domainsFromTwoFiles(source.ds, target.ds);
    const same = two.sameItemIds ? `; ${two.sameItemIds} item id${two.sameItemIds > 1 ? 's are' : ' is'} in both files, kept as different items, one per domain` : '';
    return {
      domains: two.domains,
      label: `users matched by id${same}`,
      name: `${source.ds.name} → ${target.ds.name}`,
      files: { source: source.report, target: target.report },
    };
  }
  const itemsPath = stringFlag(args, 'items') ?? stringFlag(args, 'titles');
  const items = itemsPath === undefined ? null : await readInput(itemsPath);
  const ds = await loadData(stringFlag(args, 'data'), items ?? undefined);
  const { rule, column: fileColumn, label } = await ruleFromFlags(args, cut, items);
  const column = fileColumn ?? (ds.years ? yearColumn(ds.itemKeys, ds.years) : null);
  if (rule.kind !== 'ids' && !column) throw new UsageError('the domain rule needs --items <titles file> with the column (or --source-items <file>)');
  return { domains: splitDomains(ds.users, ds.items, ds.nUsers, applyRule(rule, ds.itemKeys, column)), label, name: ds.name };
}

function fmtMode(name: string, xs: Row[], extra = ''): string {
  const n = meanStd(xs.map((x) => x.ndcg10));
  const h = meanStd(xs.map((x) => x.hr10));
  return `${name.padEnd(22)}${n.mean.toFixed(4).padStart(9)}${(xs.length > 1 ? `±${n.std.toFixed(4)}` : '').padStart(9)}${h.mean.toFixed(3).padStart(8)}  ${extra}\n`;
}

/** Means over seeds of each mode's numbers (and the target counts), for one keep. */
function meanRun(runs: TransferResult[]): Record<string, unknown> {
  const mean = (f: (r: TransferResult) => number) => meanStd(runs.map(f)).mean;
  const std = (f: (r: TransferResult) => number) => meanStd(runs.map(f)).std;
  const out: Record<string, unknown> = { keep: runs[0].keep };
  for (const m of [...MODES, 'crossKd'] as const) {
    out[m] = { ndcg10: mean((r) => r[m].ndcg10), hr10: mean((r) => r[m].hr10), ndcg10Std: std((r) => r[m].ndcg10) };
  }
  (out.crossKd as Record<string, unknown>).student = { ndcg10: mean((r) => r.crossKd.student.ndcg10), hr10: mean((r) => r.crossKd.student.hr10), ndcg10Std: std((r) => r.crossKd.student.ndcg10) };
  (out.crossKd as Record<string, unknown>).teacherNdcg10 = mean((r) => r.crossKd.teacherNdcg10);
  out.target = { items: runs[0].target.items, trainInteractions: mean((r) => r.target.trainInteractions), testUsers: mean((r) => r.target.testUsers) };
  return out;
}

function table(runs: TransferResult[], label: string): string {
  const head = `${label}\n${'mode'.padEnd(22)}${'NDCG@10'.padStart(9)}${'std'.padStart(9)}${'HR@10'.padStart(8)}  chosen on validation\n`;
  const epochs = (f: (r: TransferResult) => { bestEpoch: number; l2: number }) => `epochs ${runs.map((r) => f(r).bestEpoch).join('/')}, l2 ${runs.map((r) => f(r).l2).join('/')}`;
  let s = head + fmtMode('popularity', runs.map((r) => r.popularity));
  for (const m of ['scratch', 'frozen', 'finetune', 'joint'] as const) s += fmtMode(m, runs.map((r) => r[m]), epochs((r) => r[m]));
  s += fmtMode(`small student alone`, runs.map((r) => r.crossKd.student), epochs((r) => r.crossKd.student));
  s += fmtMode(`small student + KD`, runs.map((r) => r.crossKd), `${epochs((r) => r.crossKd)}; teacher ${runs.map((r) => r.crossKd.teacher).join('/')}`);
  const best = meanStd(runs.map((r) => Math.max(r.frozen.ndcg10, r.finetune.ndcg10))).mean;
  const bestByVal = meanStd(runs.map((r) => (r.frozen.valNdcg10 >= r.finetune.valNdcg10 ? r.frozen : r.finetune).ndcg10)).mean;
  const scratch = meanStd(runs.map((r) => r.scratch.ndcg10)).mean;
  s += `best of frozen / fine-tune (per seed, on test) ÷ scratch: ${(best / scratch).toFixed(2)}×; picked on validation: ${(bestByVal / scratch).toFixed(2)}×\n`;
  return s;
}

export const transferCommand: Command = {
  name: 'transfer',
  summary: 'pretrain on a source domain, train on a thinned target: scratch / frozen / fine-tune / joint / KD',
  usage: USAGE,
  flags: [FLAGS],
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, flagSpec(FLAGS));
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    // every value is checked here, before a file is read or a backend started
    const panel = applyFlags(args, FLAGS, BASE).transfer;
    const keep = panel.keep;
    const keeps = readList(args, T.keeps, [keep]);
    const mainKeep = keeps.includes(keep) ? keep : keeps.includes(d.keep) ? d.keep : keeps[0];
    const seeds = readList(args, T.seeds, [panel.seed]);
    const cut = panel.cut;
    const base: TransferSettings = {
      ...d,
      dim: readNumber(args, T.dim),
      lr: readNumber(args, T.lr),
      l2s: readList(args, T.l2s),
      pretrainL2s: readList(args, T.pretrainL2s),
      maxEpochs: panel.maxEpochs,
      patience: readNumber(args, T.patience),
      studentDim: readNumber(args, T.studentDim),
    };
    const backend = await nodeBackend(readChoice<BackendName>(args, T.backend), io);
    const t0 = performance.now();
    let picked: Awaited<ReturnType<typeof domainsFromFlags>>;
    try {
      picked = await domainsFromFlags(args, cut, io);
    } catch (e) {
      // a file or pair of files that cannot be the two domains: its sentence, not a stack
      if (!(e instanceof TwoFileError || isDataError(e))) throw e;
      io.stderr(`transfer: ${e.message}\n`);
      return 1;
    }
    const { domains, label, name } = picked;
    io.stderr(
      `${name}: ${label}: source ${domains.source.items.length} items / ${domains.source.users.length} interactions, ` +
        `target ${domains.target.items.length} items / ${domains.target.users.length} interactions, ${domains.sharedUsers} users in both; backend ${backend}\n`,
    );
    const log = (phase: string, e: { epoch: number; loss: number; val: { ndcg: number }; seconds: number }) =>
      io.stderr(`  ${phase.padEnd(12)} epoch ${String(e.epoch).padStart(2)}  loss ${e.loss.toFixed(4)}  val NDCG@10 ${e.val.ndcg.toFixed(4)}  (${e.seconds.toFixed(1)} s)\n`);
    const runs: TransferResult[] = [];
    for (const seed of seeds) {
      const s0 = performance.now();
      const pre = await pretrainSource(domains, { ...base, seed }, { onEpoch: log });
      io.stderr(`seed ${seed}: pretrained on the source, epoch ${pre.bestEpoch}, l2 ${pre.l2}, source val NDCG@10 ${pre.valNdcg10.toFixed(4)} (${((performance.now() - s0) / 1000).toFixed(0)} s)\n`);
      for (const keep of keeps) {
        const k0 = performance.now();
        const r = await runTransfer(domains, pre, { ...base, seed, keep }, { onEpoch: log });
        runs.push(r);
        io.stdout(table([r], `seed ${seed}, keep ${keep}: target ${r.target.items} items, ${r.target.trainInteractions} training interactions, ${r.target.testUsers} test users (${((performance.now() - k0) / 1000).toFixed(0)} s)`));
      }
    }
    const curve = keeps.map((k) => meanRun(runs.filter((r) => r.keep === k)));
    if (seeds.length > 1) for (const k of keeps) io.stdout(table(runs.filter((r) => r.keep === k), `keep ${k}, mean of seeds ${seeds.join(', ')}`));
    if (keeps.length > 1) {
      io.stdout(`keep curve (NDCG@10, mean of ${seeds.length} seed${seeds.length > 1 ? 's' : ''})\n${'keep'.padEnd(6)}${['popularity', 'scratch', 'frozen', 'finetune', 'joint', 'student', 'student+KD'].map((h) => h.padStart(11)).join('')}\n`);
      for (const c of curve) {
        const v = (m: string) => (c[m] as Row).ndcg10;
        const kd = c.crossKd as Row & { student: Row };
        io.stdout(`${String(c.keep).padEnd(6)}${[v('popularity'), v('scratch'), v('frozen'), v('finetune'), v('joint'), kd.student.ndcg10, kd.ndcg10].map((x) => x.toFixed(4).padStart(11)).join('')}\n`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    io.stdout(`total ${seconds.toFixed(0)} s on ${backend}\n`);
    const json = stringFlag(args, 'json');
    if (json) {
      const top = curve[keeps.indexOf(mainKeep)];
      const out = {
        ...top,
        source: { items: domains.source.items.length, interactions: domains.source.users.length },
        sharedUsers: domains.sharedUsers,
        rule: label,
        curve,
        runs,
        seeds,
        keeps,
        settings: base,
        dataset: name,
        ...(picked.files ? { files: picked.files } : {}),
        backend,
        totalSeconds: seconds,
      };
      await writeFile(json, JSON.stringify(out, null, 2));
    }
    return 0;
  },
};
