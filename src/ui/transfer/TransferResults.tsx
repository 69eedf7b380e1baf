/** One keep's results: the bars, a table of every mode with its formula and what validation chose (epochs, weight decay), and the verdicts. */
import type { TransferResult } from '../../train/transferRun';
import type { NumberFormat } from '../i18n/format';
import type { MessageKey } from '../i18n/translate';
import type { TFunction } from '../i18n/useT';
import { ModeBars } from './ModeBars';
import { MODES, modeOf } from './modes';

export function TransferResults({ r, t, f }: { r: TransferResult; t: TFunction; f: NumberFormat }) {
  const best = r.frozen.valNdcg10 >= r.finetune.valNdcg10 ? r.frozen : r.finetune;
  return (
    <>
      <p className="hint">
        {t('transfer.target', { keep: f.pct(r.keep, 0), items: f.int(r.target.items), train: f.int(r.target.trainInteractions), users: f.int(r.target.testUsers) })}{' '}
        {t('transfer.pretrain', { epochs: f.int(r.pretrain.bestEpoch), l2: f.sig(r.pretrain.l2) })}
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
            <th scope="col">{t('transfer.l2')}</th>
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
                <td>{v.l2 === null ? '—' : f.sig(v.l2)}</td>
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
