import { useId, useState } from 'react';
import { allowedRange } from '../core/settings/table';

/** Shared look of a labelled field. */
const FIELD = 'flex flex-col gap-1 text-sm';
const INPUT =
  'min-w-0 rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-slate-900 dark:text-slate-100 focus:outline-2 focus:outline-blue-600';

/** Rounds for display so √2 shows as 1.4142, not 1.4142135623730951. */
function show(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Accept integers only. */
  integer?: boolean;
  /** Called with each valid value typed; invalid text is kept on screen but not committed. */
  onCommit: (value: number) => void;
  hint?: string;
}

/**
 * A labelled number input that commits only valid values, so typing through an invalid
 * intermediate ("", "1.") never resets the run with a bad setting; while the text is out of
 * range it says the allowed range and the value still in use.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, min, max, step = 1, integer = false, onCommit, hint } = props;
  const id = useId();
  const [draft, setDraft] = useState(show(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The value changed from outside (URL, import, reset): show it.
    setShown(value);
    setDraft(show(value));
  }
  const parse = (text: string): number | null => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || v < min || v > max) return null;
    return integer && !Number.isInteger(v) ? null : v;
  };
  const invalid = parse(draft) === null;
  const range = `${label} must be ${allowedRange({ min, max, integer })}.`;
  return (
    <div className={FIELD}>
      <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id}
        className={INPUT}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={draft}
        aria-invalid={invalid}
        aria-describedby={
          [invalid ? `${id}-range` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(e) => {
          setDraft(e.target.value);
          const v = parse(e.target.value);
          if (v !== null && v !== value) {
            setShown(v);
            onCommit(v);
          }
        }}
        onBlur={() => setDraft(show(value))}
      />
      {invalid && (
        <span id={`${id}-range`} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {range} Still {show(value)}.
        </span>
      )}
      {hint && (
        <span id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </span>
      )}
    </div>
  );
}

/** One choice of a {@link SelectField}. */
export interface Option<T extends string> {
  value: T;
  label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
  hint?: string;
}

/** A labelled select over a fixed list of string values. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, value, options, onChange, hint } = props;
  const id = useId();
  return (
    <div className={FIELD}>
      <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        className={INPUT}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.target.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  /** More words, shown when the pointer rests on the field. */
  more?: string;
}

/** A labelled checkbox with a hint under its label. */
export function CheckboxField(props: CheckboxFieldProps) {
  const { label, checked, onChange, hint, more } = props;
  const id = useId();
  return (
    <div className="flex items-start gap-2 text-sm" title={more ?? hint}>
      <input
        id={id}
        type="checkbox"
        className="mt-1"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="flex flex-col gap-0.5">
        <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
        {hint && (
          <span id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}
