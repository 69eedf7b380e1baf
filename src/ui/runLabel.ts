/**
 * What a saved run is called on screen. A name the person gave (or an imported one) is shown as
 * written; the default name the studio gave it stays in the viewer's language, so a run saved in
 * English reads in Chinese after switching.
 */
import { defaultRunName, type RunReport } from '../state/runReport';
import { isMessageKey } from './i18n/translate';
import type { TFunction } from './i18n/useT';

/** The loss of a run in the viewer's language (an unknown imported one as written). */
export function runLossLabel(run: RunReport, t: TFunction): string {
  const key = `loss.${run.settings.train.distill.loss}`;
  return isMessageKey(key) ? t(key) : run.settings.train.distill.loss;
}

/** The run's name: the person's own, or the default one worded in the viewer's language. */
export function runLabel(run: RunReport, t: TFunction): string {
  if (run.imported || run.name !== defaultRunName(run.settings)) return run.name;
  const d = run.settings.train.distill;
  return t('runs.defaultName', { loss: runLossLabel(run, t), t: d.temperature, alpha: d.alpha });
}
