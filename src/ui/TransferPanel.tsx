/**
 * Transfer learning across domains: the domain rule (a year cut, a list of source item ids, or a
 * second ratings file as the target) with the domains' sizes before a run, how much target data is
 * kept, a run in the worker with progress, then every mode's NDCG@10 and HR@10 side by side
 * (popularity always there) and, when asked, the keep curve that shows where training from
 * scratch catches up. File names and anything read from the files are rendered as text only.
 */
import { memo, useId, useMemo, type ReactNode } from 'react';
import type { Dataset } from '../data/types';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useStudio } from '../state/store';
import { panelRule } from '../state/transferBridge';
import { planDomains, type DomainRuleKind, type DomainWhy } from '../state/transferDomains';
import { transferActions } from '../state/transferStudio';
import { transferStore, useTransfer, type RuleFileKind } from '../state/transferStore';
import type { TransferResult } from '../train/transferRun';
import { COLORS } from './colors';
import type { NumberFormat } from './i18n/format';
import type { MessageKey } from './i18n/translate';
import { Trans } from './i18n/Trans';
import { useFmt, useT, useTData, type TFunction } from './i18n/useT';
import { FileField } from './FileField';
import { JobControls } from './JobControls';
import { NumberField } from './NumberField';
import { Panel } from './Panel';

const RULES: readonly { kind: DomainRuleKind; label: MessageKey }[] = [
  { kind: 'cut', label: 'transfer.rule.cut' },
  { kind: 'ids', label: 'transfer.rule.ids' },
  { kind: 'file', label: 'transfer.rule.file' },
];

/** The sentence for a rule that cannot apply (noYears has its own, with a command line). */
const WHY: Record<Exclude<DomainWhy, 'noYears'>, MessageKey> = {
  emptyDomain: 'transfer.emptyDomain',
  noList: 'transfer.why.noList',
  noListedItem: 'transfer.why.noListedItem',
  allListed: 'transfer.why.allListed',
  noFile: 'transfer.why.noFile',
  noSharedUsers: 'transfer.why.noSharedUsers',
  emptySource: 'transfer.why.emptySource',
  emptyTarget: 'transfer.why.emptyTarget',
};

/** A command line, the same in every language (shown when the dataset has no years to cut by). */
const NO_YEARS_COMMAND = 'npm run cli -- transfer --domain-by genre --target-value Drama';

type ModeKey = 'popularity' | 'scratch' | 'frozen' | 'finetune' | 'joint' | 'student' | 'kd';

const MODES: readonly { key: ModeKey; name: MessageKey; formula: MessageKey; color: string }[] = [
  { key: 'popularity', name: 'transfer.mode.popularity', formula: 'transfer.formula.popularity', color: '#7a7f8c' },
  { key: 'scratch', name: 'transfer.mode.scratch', formula: 'transfer.formula.scratch', color: COLORS.student },
  { key: 'frozen', name: 'transfer.mode.frozen', formula: 'transfer.formula.frozen', color: COLORS.teacher },
  { key: 'finetune', name: 'transfer.mode.finetune', formula: 'transfer.formula.finetune', color: COLORS.kdHard },
  { key: 'joint', name: 'transfer.mode.joint', formula: 'transfer.formula.joint', color: COLORS.kdDistill },
  { key: 'student', name: 'transfer.mode.student', formula: 'transfer.formula.scratch', color: '#b8792f' },
  { key: 'kd', name: 'transfer.mode.kd', formula: 'transfer.formula.kd', color: COLORS.kd },
];

/** A mode's test numbers and chosen epoch in one result (popularity has no epoch). */
function modeOf(r: TransferResult, k: ModeKey): { ndcg10: number; hr10: number; bestEpoch: number | null } {
  if (k === 'popularity') return { ...r.popularity, bestEpoch: null };
  if (k === 'student') return r.crossKd.student;
  if (k === 'kd') return r.crossKd;
  return r[k];
}

export function TransferPanel() {
  const t = useT();
  const f = useFmt();
  const ds = useStudio((s) => s.dataset.current?.dataset ?? null);
  const settings = useTransfer((s) => s.settings);
  const status = useTransfer((s) => s.status);
  const progress = useTransfer((s) => s.progress);
  const results = useTransfer((s) => s.results);
  const error = useTransfer((s) => s.error);
  const idList = useTransfer((s) => s.idList);
  const targetFile = useTransfer((s) => s.targetFile);
  const set = transferStore.getState().setSettings;
  const plan = useMemo(() => (ds ? planDomains(ds, panelRule({ settings, idList, targetFile })) : null), [ds, settings, idList, targetFile]);
  const counts = plan && ('why' in plan ? plan : plan.counts);
  const runnable = counts !== null && !('why' in counts) && status !== 'running';
  const ruleName = useId();
  const main = results.find((r) => Math.abs(r.keep - settings.keepPercent / 100) < 1e-9) ?? results[0];
  const curve = useMemo(() => [...results].sort((a, b) => a.keep - b.keep), [results]);

  return (
    <Panel title={t('transfer.title')} className="area-transfer" testId="panel-transfer">
      <p className="hint">{t('transfer.intro')}</p>
      <fieldset className="transfer-rule">
        <legend>{t('transfer.rule')}</legend>
        {RULES.map((r) => (
          <label key={r.kind} className="check">
            <input type="radio" name={ruleName} checked={settings.rule === r.kind} onChange={() => set({ rule: r.kind })} />
            {t(r.label)}
          </label>
        ))}
      </fieldset>
      {settings.rule === 'ids' && (
        <RuleFile which="ids" label={t('transfer.idsFile')} hint={t('transfer.idsHint')} onFile={(file) => void transferActions.loadIdList(file)}>
          {idList && (
            <p className="hint">
              <Trans k="transfer.idsLoaded" parts={{ name: <span translate="no">{idList.name}</span>, count: f.int(idList.ids.size) }} />
            </p>
          )}
        </RuleFile>
      )}
      {settings.rule === 'file' && (
        <RuleFile which="file" label={t('transfer.targetFile')} hint={t('transfer.fileHint')} onFile={(file) => void transferActions.loadTargetFile(file)}>
          {targetFile && <TargetFileSummary name={targetFile.name} dataset={targetFile.dataset} />}
        </RuleFile>
      )}
      <div className="transfer-knobs">
        {settings.rule === 'cut' && <NumberField label={t('transfer.cut')} value={settings.cut} min={-3000} max={3000} onCommit={(cut) => set({ cut })} />}
        <NumberField label={t('transfer.keep')} value={settings.keepPercent} min={1} max={100} onCommit={(keepPercent) => set({ keepPercent })} />
        <NumberField label={t('transfer.maxEpochs')} value={settings.maxEpochs} min={1} max={100} onCommit={(maxEpochs) => set({ maxEpochs })} />
        <NumberField label={t('transfer.seed')} value={settings.seed} min={0} max={1_000_000} onCommit={(seed) => set({ seed })} />
      </div>
      <code className="formula" translate="no">{t('transfer.keep.formula')}</code>
      <label className="check">
        <input type="checkbox" checked={settings.curve} onChange={(e) => set({ curve: e.target.checked })} />
        {t('transfer.curve')}
      </label>
      <p className="hint">
        {!ds
          ? t('transfer.noDataset')
          : counts && 'why' in counts
            ? counts.why === 'noYears'
              ? <Trans k="transfer.noYears" parts={{ command: <code translate="no">{NO_YEARS_COMMAND}</code> }} />
              : t(WHY[counts.why])
            : counts &&
              t('transfer.counts', {
                sourceItems: f.int(counts.source[0]),
                sourceInteractions: f.int(counts.source[1]),
                targetItems: f.int(counts.target[0]),
                targetInteractions: f.int(counts.target[1]),
                shared: f.int(counts.shared),
              })}
      </p>
      {counts && !('why' in counts) && counts.sameItemIds !== null && counts.sameItemIds > 0 && (
        <p className="hint">{t('transfer.sameItemIds', { count: f.int(counts.sameItemIds) })}</p>
      )}
      <JobControls
        run={{ label: t('transfer.run'), onClick: () => transferActions.run(), disabled: !runnable }}
        stop={{ label: t('transfer.cancel'), onClick: () => transferActions.cancel() }}
        running={status === 'running'}
        progress={
          status === 'running'
            ? {
                label: t('transfer.progress'),
                value: progress?.fraction ?? undefined,
                text: progress ? (
                  <>
                    {t(`transfer.phase.${progress.phase}` as MessageKey, { epoch: f.int(progress.epoch), keep: progress.keep === null ? '' : f.pct(progress.keep, 0) })}{' '}
                    <span className="hint">{t('transfer.tensors', { count: f.int(progress.numTensors) })}</span>
                  </>
                ) : (
                  t('transfer.phase.pretrain', { epoch: f.int(0) })
                ),
              }
            : null
        }
        error={status === 'error' && error ? t('transfer.failed', { message: error }) : null}
      />
      {status === 'cancelled' && <p className="hint">{t('transfer.cancelled')}</p>}
      {!main ? (
        status !== 'running' && <p className="empty">{t('transfer.empty')}</p>
      ) : (
        <TransferResults r={main} t={t} f={f} />
      )}
      {curve.length > 1 && <KeepCurve results={curve} t={t} f={f} />}
    </Panel>
  );
}

/** A rule's file: the picker, what it reads, its reading progress or refusal, then what was read. */
function RuleFile({ which, label, hint, onFile, children }: { which: RuleFileKind; label: string; hint: string; onFile(file: File): void; children: ReactNode }) {
  const t = useT();
  const td = useTData();
  const f = useFmt();
  const state = useTransfer((s) => s.ruleFiles[which]);
  return (
    <div className="transfer-rule-file">
      <FileField
        label={label}
        onFile={(file) => {
          if (file) onFile(file);
        }}
      />
      <p className="hint">{hint}</p>
      {state?.status === 'loading' && (
        <div className="parse-progress" role="status">
          <Trans k="dataset.parsing" parts={{ name: <span translate="no">{state.name}</span> }} />{' '}
          <progress max={1} value={state.fraction ?? undefined} aria-label={t('dataset.parseProgress')} /> {state.fraction !== null && f.pct(state.fraction, 0)}
        </div>
      )}
      {state?.status === 'failed' && (
        <p className="error" role="alert">
          <Trans k="transfer.fileFailed" parts={{ name: <span translate="no">{state.name}</span> }} /> {td(state.error)}
        </p>
      )}
      {children}
    </div>
  );
}

/** The target file's sizes and what parsing it skipped (each bad line named), as the dataset panel shows an upload's. */
function TargetFileSummary({ name, dataset }: { name: string; dataset: Dataset }) {
  const t = useT();
  const td = useTData();
  const f = useFmt();
  return (
    <>
      <p className="hint">
        <Trans
          k="transfer.targetRead"
          parts={{ name: <span translate="no">{name}</span>, users: f.int(dataset.nUsers), items: f.int(dataset.nItems), interactions: f.int(dataset.users.length) }}
        />
      </p>
      {dataset.warnings.length > 0 && (
        <details className="warnings" open={dataset.warnings.length <= 3}>
          <summary>{t('dataset.warnings', { count: f.int(dataset.warnings.length) })}</summary>
          <ul role="status">
            {dataset.warnings.map((w, i) => (
              <li key={i}>{td(w)}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** One keep's results: bars, a table with the formulas, and the verdicts. */
function TransferResults({ r, t, f }: { r: TransferResult; t: TFunction; f: NumberFormat }) {
  const best = r.frozen.valNdcg10 >= r.finetune.valNdcg10 ? r.frozen : r.finetune;
  return (
    <>
      <p className="hint">
        {t('transfer.target', { keep: f.pct(r.keep, 0), items: f.int(r.target.items), train: f.int(r.target.trainInteractions), users: f.int(r.target.testUsers) })}
      </p>
      <div className="chart" role="img" aria-label={t('transfer.chartLabel')}>
        <ModeBars r={r} t={t} f={f} />
      </div>
      <table className="compare transfer-table">
        <thead>
          <tr>
            <th scope="col">{t('transfer.mode')}</th>
            <th scope="col">{t('transfer.ndcg')}</th>
            <th scope="col">{t('transfer.hr')}</th>
            <th scope="col">{t('transfer.epochs')}</th>
          </tr>
        </thead>
        <tbody>
          {MODES.map((m) => {
            const v = modeOf(r, m.key);
            return (
              <tr key={m.key}>
                <th scope="row">
                  {t(m.name)}
                  <br />
                  <code className="formula" translate="no">{t(m.formula)}</code>
                </th>
                <td>{f.dec(v.ndcg10, 4)}</td>
                <td>{f.dec(v.hr10, 3)}</td>
                <td>{v.bestEpoch === null ? '—' : f.int(v.bestEpoch)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="verdict">
        {t('transfer.verdict', { best: f.dec(best.ndcg10, 4), ratio: r.scratch.ndcg10 > 0 ? f.sig(best.ndcg10 / r.scratch.ndcg10, 2) : '—', pop: f.dec(r.popularity.ndcg10, 4) })}
      </p>
      <p className="verdict">
        {t('transfer.kdVerdict', { alone: f.dec(r.crossKd.student.ndcg10, 4), kd: f.dec(r.crossKd.ndcg10, 4), teacher: t(`transfer.mode.${r.crossKd.teacher}` as MessageKey) })}
      </p>
    </>
  );
}

const ModeBars = memo(function ModeBars({ r, t, f }: { r: TransferResult; t: TFunction; f: NumberFormat }) {
  const data = MODES.map((m) => ({ mode: t(m.name), ndcg: modeOf(r, m.key).ndcg10, hr: modeOf(r, m.key).hr10 }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
        <XAxis dataKey="mode" interval={0} tick={{ fontSize: 11 }} />
        <YAxis width={60} domain={[0, 'auto']} tickFormatter={(v: number) => f.dec(v, 3)} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? f.dec(v, 4) : String(v))} />
        <Legend />
        <Bar dataKey="ndcg" name={t('transfer.ndcg')} fill={COLORS.teacher} isAnimationActive={false} />
        <Bar dataKey="hr" name={t('transfer.hr')} fill={COLORS.kd} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
});

const KeepCurve = memo(function KeepCurve({ results, t, f }: { results: TransferResult[]; t: TFunction; f: NumberFormat }) {
  const data = results.map((r) => Object.fromEntries([['keep', r.keep], ...MODES.map((m) => [m.key, modeOf(r, m.key).ndcg10])]));
  return (
    <>
      <h3>{t('transfer.curveTitle')}</h3>
      <div className="chart" role="img" aria-label={t('transfer.curveLabel')}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="keep" type="number" scale="log" domain={['auto', 'auto']} ticks={results.map((r) => r.keep)} tickFormatter={(v: number) => f.pct(v, 0)} />
            <YAxis width={60} domain={[0, 'auto']} tickFormatter={(v: number) => f.dec(v, 3)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? f.dec(v, 4) : String(v))} labelFormatter={(v) => `${t('transfer.keepAxis')}: ${f.pct(Number(v), 0)}`} />
            <Legend />
            {MODES.map((m) => (
              <Line key={m.key} dataKey={m.key} name={t(m.name)} stroke={m.color} strokeWidth={m.key === 'kd' ? 3 : 2} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </>
  );
});
