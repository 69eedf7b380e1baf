/**
 * A labelled number input that lets a person type freely (an empty or half-typed value does not
 * snap back) and commits only valid values; on blur it shows the committed value again. A setting's
 * field takes its bounds from its row of the settings table (`setting`); only a bound that is not a
 * setting (the inspector's user number) is passed as `min` / `max`.
 */
import { useEffect, useId, useState } from 'react';
import type { NumberSetting } from '../settings/table';

/** Bounds of a field: a row of the settings table, shown × `scale` (a share as a percentage: 100), or plain bounds. */
type Bounds = { setting: NumberSetting; scale?: number } | { setting?: undefined; min: number; max: number; integer?: boolean };

/** Props of {@link NumberField}. */
export type NumberFieldProps = Bounds & {
  label: string;
  /** The value in the setting's own unit (not scaled). */
  value: number;
  step?: number | 'any';
  onCommit(value: number): void;
  /** Shown after the input (e.g. a live parameter count). */
  hint?: string;
};

/** The shown value: `x × scale`, without binary noise (0.07 × 100 is 7.000000000000001). */
const scaled = (x: number, scale: number) => (scale === 1 ? x : Number((x * scale).toPrecision(12)));

export function NumberField(props: NumberFieldProps) {
  const { label, value, step = 1, onCommit, hint } = props;
  const scale = props.setting ? (props.scale ?? 1) : 1;
  const min = props.setting ? scaled(props.setting.min, scale) : props.min;
  const max = props.setting ? scaled(props.setting.max, scale) : props.max;
  // a scaled setting takes what its unit can hold (a whole percentage of a share is not a whole share)
  const integer = props.setting ? props.setting.integer && scale === 1 : (props.integer ?? true);
  const id = useId();
  const shown = scaled(value, scale);
  const [draft, setDraft] = useState(String(shown));
  useEffect(() => setDraft(String(shown)), [shown]);
  const valid = (v: number) => Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={draft}
        aria-invalid={!valid(Number(draft))}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && valid(v) && v !== shown) onCommit(scale === 1 ? v : v / scale);
        }}
        onBlur={() => setDraft(String(shown))}
      />
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}
