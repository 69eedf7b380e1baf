/**
 * The distillation knobs: T (log slider), α, the loss with its formula, the student's learning
 * rate — all live: each change reaches the running worker at the next step — and the model sizes,
 * which apply on reset.
 */
import { useId } from 'react';
import { DISTILL_LOSSES, lossHasDistribution, type DistillLoss } from '../distill/config';
import { configSelectors } from '../state/configSlice';
import { useStudio, studioStore } from '../state/store';
import { SETTINGS } from '../settings/table';
import { sliderToT, T_LOG_RANGE } from './tScale';
import type { MessageKey } from './i18n/translate';
import { useFmt, useT } from './i18n/useT';
import { AlphaSlider } from './AlphaSlider';
import { ModelSizes } from './ModelSizes';
import { Panel } from './Panel';

const LOSS_KEYS: Record<DistillLoss, { name: MessageKey; formula: MessageKey }> = {
  soft: { name: 'loss.soft', formula: 'loss.soft.formula' },
  mse: { name: 'loss.mse', formula: 'loss.mse.formula' },
  rank: { name: 'loss.rank', formula: 'loss.rank.formula' },
  hint: { name: 'loss.hint', formula: 'loss.hint.formula' },
};

/** Learning rates offered, log-spaced; a value from the URL that is not here is added. */
const LR_CHOICES = [1e-3, 3e-3, 5e-3, 1e-2, 3e-2, 1e-1];

export function KnobsPanel() {
  const t = useT();
  const f = useFmt();
  const distill = useStudio(configSelectors.distill);
  const lr = useStudio((s) => s.config.train.student.lr);
  const set = studioStore.getState();
  const tId = useId();
  const lrId = useId();
  const kdLrId = useId();
  return (
    <Panel title={t('knobs.title')} className="area-knobs" testId="panel-knobs">
      <p className="hint">{t('knobs.liveNote')}</p>
      <div className="slider">
        <label htmlFor={tId}>{t('knobs.temperature')}</label>
        <input
          id={tId}
          type="range"
          min={T_LOG_RANGE.min}
          max={T_LOG_RANGE.max}
          step={0.01}
          value={Math.log10(distill.temperature)}
          aria-valuetext={t('knobs.temperatureValue', { value: f.sig(distill.temperature, 2) })}
          onChange={(e) => set.setDistill({ temperature: sliderToT(e.target.valueAsNumber) })}
        />
        <output htmlFor={tId}>{f.sig(distill.temperature, 2)}</output>
        <span className="scale" aria-hidden="true">
          {f.sig(SETTINGS.temperature.min)} … {f.sig(SETTINGS.temperature.max)}
        </span>
      </div>
      <AlphaSlider setting={SETTINGS.alpha} label={t('knobs.alpha')} value={distill.alpha} onChange={(alpha) => set.setDistill({ alpha })}>
        <span className="scale" aria-hidden="true">
          {t('knobs.alphaScale')}
        </span>
      </AlphaSlider>
      <fieldset className="losses">
        <legend>{t('knobs.loss')}</legend>
        {DISTILL_LOSSES.map((loss) => (
          <label key={loss} className="loss-option">
            <input type="radio" name="distill-loss" value={loss} checked={distill.loss === loss} onChange={() => set.setDistill({ loss })} />
            <span className="loss-name">{t(LOSS_KEYS[loss].name)}</span>
            <code className="formula" translate="no">{t(LOSS_KEYS[loss].formula)}</code>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={distill.unseenOnly}
          disabled={!lossHasDistribution(distill.loss)}
          onChange={(e) => set.setDistill({ unseenOnly: e.target.checked })}
        />
        {t('knobs.unseenOnly')}
      </label>
      <LrField id={lrId} label={t('knobs.studentLr')} value={lr} onChange={(v) => set.setStudentLr(v)} />
      <LrField id={kdLrId} label={t('knobs.kdLr')} value={distill.lr} onChange={(v) => set.setDistill({ lr: v })} />
      <ModelSizes />
    </Panel>
  );
}

/** A learning-rate picker; a value from the URL that is not among the choices is added. */
function LrField({ id, label, value, onChange }: { id: string; label: string; value: number; onChange: (v: number) => void }) {
  const f = useFmt();
  const lrs = LR_CHOICES.includes(value) ? LR_CHOICES : [...LR_CHOICES, value].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.target.value))}>
        {lrs.map((v) => (
          <option key={v} value={String(v)}>
            {f.sig(v, 2)}
          </option>
        ))}
      </select>
    </div>
  );
}
