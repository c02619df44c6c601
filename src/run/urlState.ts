import type { Algorithm, SearchSettings } from '../core/search/settings';
import { DEFAULT_SEARCH } from '../core/search/settings';
import { SEARCH_TABLES } from '../core/search/settingsTable';
import type { AnyFieldSpec, AnySettingsTable } from '../core/settings/table';
import { rowsOf } from '../core/settings/table';
import { TASK_IDS } from '../core/tasks/registry';
import type { EngineSettings } from '../engines/registry';
import { ENGINES } from '../engines/registry';
import { HINT_TABLE, RUN_TABLE } from './runTable';
import type { RunSettings } from './settings';
import { DEFAULT_SETTINGS, firstProblem } from './settings';

/**
 * Run settings ⇄ URL query, so that a link reproduces a run. Every property is listed once in {@link PROPS}, derived
 * from the settings tables (their `url` keys and bounds); both directions come from that list. Parsing never throws: a missing, unknown or invalid
 * value falls back to its default.
 */

/** Encodes one value as text and decodes it back, or `undefined` when the text is invalid. */
interface Codec<T> {
  encode(value: T): string;
  decode(raw: string): T | undefined;
}

/** A number in [min, max]; `int` requires an integer. */
function num(min: number, max: number, int = false): Codec<number> {
  return {
    encode: (v) => String(v),
    decode: (raw) => {
      if (raw.trim() === '') return undefined;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) {
        return undefined;
      }
      return v;
    },
  };
}

/** One of a fixed list of strings. */
function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  return {
    encode: (v) => v,
    decode: (raw) => values.find((v) => v === raw),
  };
}

/** One URL property: its key, how to read it from settings and how to write it back. */
interface Prop {
  key: string;
  /** The value as text, or `undefined` when the property does not apply to these settings. */
  read(s: RunSettings): string | undefined;
  /** The settings with this property set from `raw`, or `s` unchanged when `raw` is invalid. */
  write(s: RunSettings, raw: string): RunSettings;
}

function top<K extends 'problemId' | 'seed' | 'task'>(
  key: string,
  field: K,
  codec: Codec<RunSettings[K]>,
): Prop {
  return {
    key,
    read: (s) => codec.encode(s[field]),
    write: (s, raw) => {
      const v = codec.decode(raw);
      return v === undefined ? s : { ...s, [field]: v };
    },
  };
}

/** A codec for a field of a settings table. */
function codecOf(spec: AnyFieldSpec): Codec<unknown> {
  switch (spec.type) {
    case 'number':
      return num(spec.min, spec.max, spec.integer === true);
    case 'choice':
      return oneOf(spec.options.map((o) => o.value));
    case 'boolean':
      return {
        encode: (v) => (v ? '1' : '0'),
        decode: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
      };
    case 'text':
      return {
        encode: (v) => String(v),
        decode: (raw) => (raw.length <= spec.maxLength ? raw : undefined),
      };
  }
}

/**
 * The URL properties of a settings group's table: one per field with a `url` key, read and
 * written only while the settings hold that group (`get` returns it, else null).
 */
function tableProps<G extends object>(
  table: AnySettingsTable,
  get: (s: RunSettings) => G | null,
  put: (s: RunSettings, group: G) => RunSettings,
): Prop[] {
  return rowsOf(table).flatMap(([field, spec]): Prop[] => {
    if (spec.url === undefined) return [];
    const codec = codecOf(spec);
    return [
      {
        key: spec.url,
        read: (s) => {
          const group = get(s);
          return group ? codec.encode((group as Record<string, unknown>)[field]) : undefined;
        },
        write: (s, raw) => {
          const group = get(s);
          const v = codec.decode(raw);
          return group === null || v === undefined ? s : put(s, { ...group, [field]: v });
        },
      },
    ];
  });
}

/** The properties of one algorithm's settings. */
function searchProps(algorithm: Algorithm): Prop[] {
  return tableProps<SearchSettings>(
    SEARCH_TABLES[algorithm],
    (s) => (s.search.algorithm === algorithm ? s.search : null),
    (s, search) => ({ ...s, search }),
  );
}

/**
 * The engines a link carries: those whose runs the settings alone name (the simulated one,
 * and the tiny model that ships with the app). A run of a model the user loads or a server
 * they connect cannot be re-made from a link and travels as a file.
 */
function engineProps(): Prop[] {
  return ENGINES.filter((e) => e.capabilities.linkable).flatMap((e): Prop[] => [
    {
      key: 'engine',
      read: (s) => (s.engine.kind === e.kind ? e.kind : undefined),
      write: (s, raw) =>
        raw === e.kind && s.engine.kind !== e.kind ? { ...s, engine: e.defaults } : s,
    },
    ...tableProps<EngineSettings>(
      e.table,
      (s) => (s.engine.kind === e.kind ? s.engine : null),
      (s, engine) => ({ ...s, engine }),
    ),
  ]);
}

/** The step hint: absent when there is none, so links made before hints existed read the same. */
function hintProp(): Prop {
  const spec = HINT_TABLE.hintSteps;
  const codec = num(spec.min, spec.max, true);
  return {
    key: spec.url ?? 'hint',
    read: (s) => (s.hintSteps ? codec.encode(s.hintSteps) : undefined),
    write: (s, raw) => {
      const v = codec.decode(raw);
      if (v === undefined) return s;
      if (v > 0) return { ...s, hintSteps: v };
      const rest = { ...s };
      delete rest.hintSteps;
      return rest;
    },
  };
}

const ALGORITHMS = Object.keys(SEARCH_TABLES) as Algorithm[];
const algorithmCodec = oneOf(ALGORITHMS);
const seed = RUN_TABLE.seed;

/** Every URL property, in the order it appears in a serialized query. */
export const PROPS: readonly Prop[] = [
  top('task', 'task', oneOf(TASK_IDS)),
  top('puzzle', 'problemId', { encode: (v) => v, decode: (raw) => raw || undefined }),
  top(seed.url ?? 'seed', 'seed', num(seed.min, seed.max, true)),
  {
    key: 'algo',
    read: (s) => s.search.algorithm,
    write: (s, raw) => {
      const a = algorithmCodec.decode(raw);
      return a === undefined ? s : { ...s, search: DEFAULT_SEARCH[a] };
    },
  },
  ...ALGORITHMS.flatMap(searchProps),
  hintProp(),
  ...engineProps(),
];

/**
 * The settings as a URL query string (without the leading `?`).
 * @example serializeSettings(DEFAULT_SETTINGS) // 'task=game24&puzzle=g24-001&seed=1&algo=mcts&…'
 */
export function serializeSettings(settings: RunSettings): string {
  const params = new URLSearchParams();
  for (const prop of PROPS) {
    const value = prop.read(settings);
    if (value !== undefined) params.set(prop.key, value);
  }
  return params.toString();
}

/** Options for {@link parseSettings}. */
export interface ParseOptions {
  /** Settings used where the query says nothing or something invalid. */
  defaults?: RunSettings;
  /** Whether a problem id exists in a task; an unknown id falls back to the task's first. */
  isProblem?: (id: string, task: RunSettings['task']) => boolean;
}

/**
 * Settings from a URL query (`?a=1&b=2`, `a=1&b=2` or URLSearchParams). Never throws: every
 * missing or invalid value takes its default, and unknown keys are ignored.
 * @param query the query string or parameters
 * @param options defaults and a problem-id check
 */
export function parseSettings(
  query: string | URLSearchParams,
  options: ParseOptions = {},
): RunSettings {
  const defaults = options.defaults ?? DEFAULT_SETTINGS;
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  let settings = defaults;
  for (const prop of PROPS) {
    const raw = params.get(prop.key);
    if (raw !== null) settings = prop.write(settings, raw);
  }
  if (options.isProblem && !options.isProblem(settings.problemId, settings.task)) {
    settings = { ...settings, problemId: firstProblem(settings.task) };
  }
  return settings;
}
