import { useId, useState } from 'react';
import type { ListRule } from './numberList';
import { listText, parseNumberList } from './numberList';

/** Props of {@link NumberListField}. */
export interface NumberListFieldProps {
  label: string;
  values: readonly number[];
  rule: ListRule;
  onCommit: (values: number[]) => void;
  hint?: string;
  disabled?: boolean;
}

/**
 * A labelled text field for a list of numbers ("2, 8, 32"): each valid list typed is
 * committed; while the text is not a valid list, it stays on screen with the reason and
 * nothing is committed.
 */
export function NumberListField(props: NumberListFieldProps) {
  const { label, values, rule, onCommit, hint, disabled = false } = props;
  const id = useId();
  const [text, setText] = useState(listText(values));
  const [shown, setShown] = useState(listText(values));
  if (listText(values) !== shown) {
    // Changed from outside (a preset, a reset): show it.
    setShown(listText(values));
    setText(listText(values));
  }
  const parsed = parseNumberList(text, rule);
  const error = typeof parsed === 'string' ? parsed : null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        disabled={disabled}
        className="min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 focus:outline-2 focus:outline-blue-600 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        value={text}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseNumberList(e.target.value, rule);
          if (typeof next !== 'string' && listText(next) !== listText(values)) {
            setShown(listText(next));
            onCommit(next);
          }
        }}
        onBlur={() => {
          if (error === null) setText(listText(values));
        }}
      />
      <span
        id={`${id}-hint`}
        className={`text-xs ${error ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}
      >
        {error ?? hint}
      </span>
    </div>
  );
}
