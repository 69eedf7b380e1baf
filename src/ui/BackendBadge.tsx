/**
 * Which tf.js backend runs and why (probe figures, adapter, failures in a details element), and
 * the override, which applies on reset like every setting that needs a new worker.
 */
import { BACKENDS } from '../train/protocol';
import type { BackendChoice } from '../state/defaults';
import { configSelectors } from '../state/configSlice';
import { runSelectors } from '../state/runSlice';
import { useStudio, studioStore } from '../state/store';
import { useFmt, useT } from './i18n/useT';

const CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

export function BackendBadge() {
  const t = useT();
  const f = useFmt();
  const report = useStudio(runSelectors.backend);
  const choice = useStudio(configSelectors.backend);
  const reason = report ? t(report.reason.key, 'from' in report.reason ? { from: report.reason.from } : undefined) : t('backend.starting');
  return (
    <details className="backend">
      <summary>
        {t('backend.label')}: <strong className="badge" data-testid="backend-badge">{report?.backend ?? '…'}</strong> <span className="reason">{reason}</span>
      </summary>
      <dl className="facts">
        {report?.adapter && (
          <>
            <dt>{t('backend.adapter')}</dt>
            <dd>
              <span translate="no">{[report.adapter.vendor, report.adapter.architecture, report.adapter.description].filter(Boolean).join(' · ')}</span>
              {report.adapter.isFallback ? ` (${t('backend.software')})` : ''}
            </dd>
          </>
        )}
        {report?.webglRenderer && (
          <>
            <dt>{t('backend.webgl')}</dt>
            <dd translate="no">{report.webglRenderer}</dd>
          </>
        )}
        {report && report.probes.length > 0 && (
          <>
            <dt>{t('backend.probes')}</dt>
            <dd>{report.probes.map((p) => t('backend.probe', { backend: p.backend, ms: f.sig(p.ms, 3) })).join(' · ')}</dd>
          </>
        )}
        {report?.failures.map((x) => (
          <div key={x.backend}>
            <dt>{t('backend.failed', { backend: x.backend })}</dt>
            <dd translate="no">{x.error}</dd>
          </div>
        ))}
      </dl>
      <label>
        {t('backend.override')}{' '}
        <select value={choice} onChange={(e) => studioStore.getState().setBackend(e.target.value as BackendChoice)}>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'auto' ? t('backend.auto') : c}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('settings.appliesOnReset')}</p>
    </details>
  );
}
