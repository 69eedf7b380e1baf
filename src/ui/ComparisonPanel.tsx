/**
 * The end-of-run comparison: teacher / student alone / student + KD side by side on the test
 * items, their sizes and speed, and one sentence with the lesson, or an honest one when KD did
 * not help.
 */
import type { ModelReport } from '../train/protocol';
import type { Comparison } from '../state/runSlice';
import { runSelectors } from '../state/runSlice';
import { useStudio } from '../state/store';
import type { NumberFormat } from './i18n/format';
import { useFmt, useT, type TFunction } from './i18n/useT';
import { ModelTable, type ModelRow } from './ModelTable';
import { Panel } from './Panel';

const ROWS: readonly ModelRow<ModelReport>[] = [
  { key: 'compare.ndcg', value: (m, f) => f.dec(m.test.ndcg, 4) },
  { key: 'compare.hr', value: (m, f) => f.dec(m.test.hr, 4) },
  { key: 'compare.mrr', value: (m, f) => f.dec(m.test.mrr, 4) },
  { key: 'compare.params', value: (m, f) => f.int(m.params) },
  { key: 'compare.bytesFp32', value: (m, f) => f.bytes(m.bytesFp32) },
  { key: 'compare.bytesInt8', value: (m, f) => f.bytes(m.bytesInt8) },
  { key: 'compare.inferMs', value: (m, f) => f.sig(m.inferMsPer1000, 3) },
];

/** The sentence under the table: how much smaller and faster, and how much of the teacher's lead KD recovers. */
export function comparisonSentence(c: Comparison, t: TFunction, f: NumberFormat): string {
  const smaller = f.sig(c.teacher.params / c.kd.params, 2);
  const faster = f.sig(c.teacher.inferMsPer1000 / c.kd.inferMsPer1000, 2);
  const lead = c.teacher.test.ndcg - c.student.test.ndcg;
  const gain = c.kd.test.ndcg - c.student.test.ndcg;
  if (lead <= 0) return t('compare.noLead', { smaller, faster });
  if (gain <= 0) return t('compare.noHelp', { smaller, faster, kd: f.dec(c.kd.test.ndcg, 4), student: f.dec(c.student.test.ndcg, 4) });
  return t('compare.sentence', { smaller, faster, percent: f.int((100 * gain) / lead) });
}

export function ComparisonPanel() {
  const t = useT();
  const f = useFmt();
  const c = useStudio(runSelectors.comparison);
  const status = useStudio(runSelectors.status);
  return (
    <Panel title={t('compare.title')} className="area-compare" testId="panel-compare">
      {!c ? (
        <p className="empty">{status === 'finishing' ? t('compare.testing') : t('compare.empty')}</p>
      ) : (
        <>
          <ModelTable caption="compare.caption" rows={ROWS} models={c}>
            <tr>
              <th scope="row">{t('compare.overlap')}</th>
              <td>—</td>
              <td>{f.pct(c.overlapStudent, 0)}</td>
              <td>{f.pct(c.overlapKd, 0)}</td>
            </tr>
          </ModelTable>
          <p className="verdict">{comparisonSentence(c, t, f)}</p>
        </>
      )}
    </Panel>
  );
}
