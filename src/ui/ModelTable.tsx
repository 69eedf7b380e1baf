/**
 * The metric × model table of the end-of-run panels (the ranking comparison and the rating task):
 * a row per metric, a column per model in MODEL_SERIES order under its coloured name. Written once
 * so the two panels cannot drift apart in markup or accessibility (caption, scoped headings).
 */
import type { ReactNode } from 'react';
import type { NumberFormat } from './i18n/format';
import type { MessageKey } from './i18n/translate';
import { useFmt, useT } from './i18n/useT';
import { MODEL_SERIES, type ModelKey } from './modelSeries';

/** One metric row: its heading and how a model's value is written. */
export interface ModelRow<M> {
  key: MessageKey;
  value(m: M, f: NumberFormat): string;
}

/** `children`: further rows (<tr>) after the metric rows, for values that are not per model. */
export function ModelTable<M>({ caption, rows, models, children }: { caption: MessageKey; rows: readonly ModelRow<M>[]; models: Record<ModelKey, M>; children?: ReactNode }) {
  const t = useT();
  const f = useFmt();
  return (
    <table className="compare">
      <caption className="visually-hidden">{t(caption)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compare.metric')}</th>
          {MODEL_SERIES.map((m) => (
            <th key={m.key} scope="col" className={m.cls}>
              {t(m.name)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{t(r.key)}</th>
            {MODEL_SERIES.map((m) => (
              <td key={m.key}>{r.value(models[m.key], f)}</td>
            ))}
          </tr>
        ))}
        {children}
      </tbody>
    </table>
  );
}
