/** The α slider (its row's range, in steps of 0.05) shared by the ranking knobs and the rating panel; what follows the value (a scale, a formula) is the caller's. */
import { useId, type ReactNode } from 'react';
import type { NumberSetting } from '../settings/table';
import { useFmt, useT } from './i18n/useT';

/** Props of {@link AlphaSlider}: the value, its label, and what to show after the value. */
export interface AlphaSliderProps {
  /** The row of the settings table whose range the slider covers. */
  setting: NumberSetting;
  label: string;
  value: number;
  onChange(alpha: number): void;
  children?: ReactNode;
}

export function AlphaSlider({ setting, label, value, onChange, children }: AlphaSliderProps) {
  const t = useT();
  const f = useFmt();
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={setting.min}
        max={setting.max}
        step={0.05}
        value={value}
        aria-valuetext={t('knobs.alphaValue', { value: f.dec(value, 2) })}
        onChange={(e) => onChange(Math.round(e.target.valueAsNumber * 100) / 100)}
      />
      <output htmlFor={id}>{f.dec(value, 2)}</output>
      {children}
    </div>
  );
}
