import type { ReactNode } from 'react';
import type { AnyFieldSpec, AnySettingsTable } from '../core/settings/table';
import { rowsOf } from '../core/settings/table';
import { CheckboxField, NumberField, SelectField } from './fields';

/** Props of {@link TableFields}. */
export interface TableFieldsProps<T extends object> {
  /** The settings group's table (core/settings/table.ts): labels, bounds, hints. */
  table: AnySettingsTable;
  values: T;
  /** Applies a change of one field. */
  set: (patch: Partial<T>) => void;
  /** Choices a field offers here (the judges a task has); all of its options by default. */
  available?: Partial<Record<keyof T, readonly string[]>>;
  /** Fields drawn by their own component (the step delimiter's presets). */
  custom?: Partial<Record<keyof T, (value: T[keyof T]) => ReactNode>>;
}

/**
 * A settings group's form, drawn from its table: the same bounds as the link and the run file,
 * so the three cannot disagree. Fields the table hides for these values (`shown`) are left out.
 */
export function TableFields<T extends object>(props: TableFieldsProps<T>) {
  const { table, values, set, available, custom } = props;
  const record = values as Record<string, unknown>;
  return (
    <>
      {rowsOf<T>(table).map(([field, spec]) => {
        const shown = (spec as { shown?: (v: T) => boolean }).shown;
        if (shown && !shown(values)) return null;
        const draw = custom?.[field];
        if (draw) return <div key={field}>{draw(values[field])}</div>;
        return (
          <Field
            key={field}
            spec={spec}
            value={record[field]}
            options={available?.[field]}
            set={(v) => set({ [field]: v } as Partial<T>)}
          />
        );
      })}
    </>
  );
}

function Field(props: {
  spec: AnyFieldSpec;
  value: unknown;
  options: readonly string[] | undefined;
  set: (value: unknown) => void;
}) {
  const { spec, value, options, set } = props;
  switch (spec.type) {
    case 'number':
      return (
        <NumberField
          label={spec.label}
          value={value as number}
          min={spec.min}
          max={spec.max}
          {...(spec.step !== undefined ? { step: spec.step } : {})}
          integer={spec.integer === true}
          onCommit={set}
          {...(spec.hint !== undefined ? { hint: spec.hint } : {})}
        />
      );
    case 'choice': {
      const choices = spec.options.filter((o) => !options || options.includes(o.value));
      const hint = spec.options.find((o) => o.value === value)?.hint ?? spec.hint;
      return (
        <SelectField
          label={spec.label}
          value={value as string}
          options={choices}
          onChange={set}
          {...(hint !== undefined ? { hint } : {})}
        />
      );
    }
    case 'boolean':
      return (
        <CheckboxField
          label={spec.label}
          checked={value === true}
          onChange={set}
          {...(spec.hint !== undefined ? { hint: spec.hint } : {})}
        />
      );
    case 'text':
      return null;
  }
}
