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
  const drawn = rowsOf<T>(table).flatMap(([field, spec]) => {
    const shown = (spec as { shown?: (v: T) => boolean }).shown;
    if (shown && !shown(values)) return [];
    const draw = custom?.[field];
    const node = draw ? (
      <div key={field}>{draw(values[field])}</div>
    ) : (
      <Field
        key={field}
        spec={spec}
        value={record[field]}
        options={available?.[field]}
        set={(v) => set({ [field]: v } as Partial<T>)}
      />
    );
    return [{ node, group: spec.group }];
  });
  // Consecutive fields of one group go together under its folded label.
  const parts: ReactNode[] = [];
  for (let i = 0; i < drawn.length;) {
    const group = drawn[i]?.group;
    if (!group) {
      parts.push(drawn[i]?.node);
      i += 1;
      continue;
    }
    const members: ReactNode[] = [];
    while (i < drawn.length && drawn[i]?.group?.label === group.label) {
      members.push(drawn[i]?.node);
      i += 1;
    }
    parts.push(
      <details
        key={`group:${group.label}`}
        className="rounded border border-slate-200 px-2 py-1 text-sm dark:border-slate-800"
      >
        <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
          {group.label}
        </summary>
        {group.hint && (
          <p className="my-1 text-xs text-slate-500 dark:text-slate-400">{group.hint}</p>
        )}
        <div className="flex flex-col gap-3 pb-1">{members}</div>
      </details>,
    );
  }
  return <>{parts}</>;
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
          {...(spec.more !== undefined ? { more: spec.more } : {})}
        />
      );
    case 'text':
      return null;
  }
}
