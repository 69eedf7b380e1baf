/**
 * A labelled number input that lets a person type freely (an empty or half-typed value does not
 * snap back) and commits only valid values; on blur it shows the committed value again.
 */
import { useEffect, useId, useState } from 'react';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Whole numbers only (default true). */
  integer?: boolean;
  step?: number | 'any';
  onCommit(value: number): void;
  /** Shown after the input (e.g. a live parameter count). */
  hint?: string;
}

export function NumberField({ label, value, min, max, integer = true, step = 1, onCommit, hint }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
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
          if (e.target.value.trim() !== '' && valid(v) && v !== value) onCommit(v);
        }}
        onBlur={() => setDraft(String(value))}
      />
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}
