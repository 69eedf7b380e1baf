/**
 * A domain rule's file (the source item-id list, the target ratings file): the picker, what it
 * reads, its reading progress or refusal, then what was read. Names and lines from the file are
 * rendered as text only.
 */
import type { ReactNode } from 'react';
import type { Dataset } from '../../data/types';
import { useTransfer, type RuleFileKind } from '../../state/transferStore';
import { FileField } from '../FileField';
import { Trans } from '../i18n/Trans';
import { useFmt, useT, useTData } from '../i18n/useT';

/** A rule's file: the picker, what it reads, its reading progress or refusal, then what was read. */
export function RuleFile({ which, label, hint, onFile, children }: { which: RuleFileKind; label: string; hint: string; onFile(file: File): void; children: ReactNode }) {
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
export function TargetFileSummary({ name, dataset }: { name: string; dataset: Dataset }) {
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
