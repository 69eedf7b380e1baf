/** fp32 / fp16 / int8 (per tensor and per row) of each model: bytes and test NDCG@10, their change from fp32, and validation NDCG@10. */
import type { CompressReport, ModelCompression, ScoredPoint } from '../compress/types';
import type { MessageKey } from './i18n/translate';
import { useFmt, useT } from './i18n/useT';
import { seriesInOrder } from './modelSeries';

/** The KD student first: it is the model compression is for. */
const MODELS = seriesInOrder(['kd', 'student', 'teacher']);

const FORMATS: readonly { key: 'fp32' | 'fp16' | 'int8' | 'int8PerRow'; name: MessageKey }[] = [
  { key: 'fp32', name: 'compress.point.fp32' },
  { key: 'fp16', name: 'compress.point.fp16' },
  { key: 'int8', name: 'compress.point.int8' },
  { key: 'int8PerRow', name: 'compress.point.int8PerRow' },
];

export function CompressTable({ report }: { report: CompressReport }) {
  const t = useT();
  const f = useFmt();
  const change = (p: ScoredPoint, base: ScoredPoint, k: 'bytes' | 'ndcg10') => {
    // rounded first, so a change of −0.01% reads "0%", not "-0%"
    const r = Math.round((1000 * (p[k] - base[k])) / base[k]) / 1000 || 0;
    return `${r > 0 ? '+' : ''}${f.pct(r, 1)}`;
  };
  return (
    <table className="compare compress-table">
      <caption className="visually-hidden">{t('compress.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compress.table.method')}</th>
          <th scope="col">{t('compress.table.bytes')}</th>
          <th scope="col">{t('compress.table.bytesChange')}</th>
          <th scope="col">{t('compress.table.ndcg')}</th>
          <th scope="col">{t('compress.table.ndcgChange')}</th>
          <th scope="col">{t('compress.table.valNdcg')}</th>
        </tr>
      </thead>
      <tbody>
        {MODELS.flatMap((m) => {
          const c: ModelCompression | null = report[m.key];
          if (!c) return [];
          return FORMATS.map((fmt) => (
            <tr key={`${m.key}-${fmt.key}`}>
              <th scope="row">
                <span className={m.cls}>{t(m.name)}</span> · {t(fmt.name)}
              </th>
              <td>{f.bytes(c[fmt.key].bytes)}</td>
              <td>{fmt.key === 'fp32' ? '—' : change(c[fmt.key], c.fp32, 'bytes')}</td>
              <td>{f.dec(c[fmt.key].ndcg10, 4)}</td>
              <td>{fmt.key === 'fp32' ? '—' : change(c[fmt.key], c.fp32, 'ndcg10')}</td>
              <td>{f.dec(c[fmt.key].valNdcg10, 4)}</td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
