/**
 * Settings described once: a settings
 * table gives, for every field of a settings group, its label, its bounds or choices, its
 * hint and its key in a link. The form (`components/TableFields.tsx`), the URL codec
 * (`run/urlState.ts`) and the run file's schema (`run/tableSchema.ts`) are all derived from
 * the table, so they cannot disagree about a bound.
 */

/** What a field of the form can show next to itself. */
interface FieldBase {
  label: string;
  hint?: string;
  /** More words than the hint holds, shown when the pointer rests on the field. */
  more?: string;
  /** The field's key in a link; absent when the field never travels in a URL. */
  url?: string;
  /** Fields of one group are drawn together, folded away under its label. */
  group?: { label: string; hint?: string };
}

/** A number in [min, max]; `integer` requires a whole number. */
export interface NumberSpec extends FieldBase {
  type: 'number';
  min: number;
  max: number;
  /** The form's step (1 for integers by default). */
  step?: number;
  integer?: boolean;
  /** The value a run file written before the field existed opens with. */
  whenMissing?: number;
}

/** One of a fixed list of strings. */
export interface ChoiceSpec<T extends string> extends FieldBase {
  type: 'choice';
  options: readonly { value: T; label: string; hint?: string }[];
}

/** On or off. */
export interface BooleanSpec extends FieldBase {
  type: 'boolean';
}

/** Free text of at most `maxLength` characters. */
export interface TextSpec extends FieldBase {
  type: 'text';
  maxLength: number;
}

/** The spec a value of type V takes: numbers, booleans, free text, or a union of literals. */
export type FieldSpec<V> = [V] extends [boolean]
  ? BooleanSpec
  : [V] extends [number]
    ? NumberSpec
    : [V] extends [string]
      ? string extends V
        ? TextSpec
        : ChoiceSpec<V>
      : never;

/** Any field spec. */
export type AnyFieldSpec = NumberSpec | ChoiceSpec<string> | BooleanSpec | TextSpec;

/**
 * A row for every field of a settings group T, in the order the form shows them. A field may
 * be shown only when `shown` says so (the PRM noise only for the simulated PRM).
 */
export type SettingsTable<T> = {
  readonly [K in keyof T]-?: FieldSpec<T[K]> & { shown?: (values: T) => boolean };
};

/** Any settings table, its fields' types forgotten. */
export type AnySettingsTable = {
  readonly [key: string]: AnyFieldSpec & { shown?: (values: never) => boolean };
};

/** The table's rows as [field, spec] pairs, in table order. */
export function rowsOf<T>(
  table: SettingsTable<T> | AnySettingsTable,
): [keyof T & string, AnyFieldSpec][] {
  return Object.entries(table) as [keyof T & string, AnyFieldSpec][];
}

/** A number as the range messages write it: 10000 → "10,000", 0.05 → "0.05". */
function shown(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * The allowed range of a number field in words.
 * @example allowedRange({ type: 'number', label: 'Iterations', min: 1, max: 10000, integer: true })
 *   // 'a whole number from 1 to 10,000'
 */
export function allowedRange(spec: Pick<NumberSpec, 'min' | 'max' | 'integer'>): string {
  return `${spec.integer ? 'a whole number' : 'a number'} from ${shown(spec.min)} to ${shown(spec.max)}`;
}

/**
 * What is wrong with a value for a field, in words a person can act on, or null when it fits.
 * @example checkValue(spec, 0) // 'Iterations must be a whole number from 1 to 10,000.'
 */
export function checkValue(spec: AnyFieldSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'number': {
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= spec.min &&
        value <= spec.max &&
        (!spec.integer || Number.isInteger(value));
      return ok ? null : `${spec.label} must be ${allowedRange(spec)}.`;
    }
    case 'choice':
      return spec.options.some((o) => o.value === value)
        ? null
        : `${spec.label} must be one of ${spec.options.map((o) => o.value).join(', ')}.`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${spec.label} must be on or off.`;
    case 'text':
      return typeof value === 'string' && value.length <= spec.maxLength
        ? null
        : `${spec.label} must be text of at most ${shown(spec.maxLength)} characters.`;
  }
}

/** Every problem with a settings group's values, field by field ([] when all fit). */
export function checkValues<T>(table: SettingsTable<T>, values: T): string[] {
  const problems: string[] = [];
  for (const [key, spec] of rowsOf(table)) {
    const problem = checkValue(spec, values[key]);
    if (problem !== null) problems.push(problem);
  }
  return problems;
}
