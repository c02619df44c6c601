import type { Algorithm, SearchSettings } from '../core/search/settings';
import { DEFAULT_SEARCH } from '../core/search/settings';
import { AGGREGATIONS } from '../core/reward/aggregate';
import type { RunSettings, SimulatedEngineSettings } from './settings';
import { DEFAULT_SETTINGS, firstProblem } from './settings';

/**
 * Run settings ⇄ URL query, so that a link reproduces a run (DESIGN.md; STYLE.md §9, after
 * tensorflow/playground's `state.ts`). Every property is listed once in {@link PROPS}; both
 * directions are derived from that list. Parsing never throws: a missing, unknown or invalid
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

type SettingsOf<A extends Algorithm> = Extract<SearchSettings, { algorithm: A }>;

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

/**
 * A simulated-engine property. A link carries only the simulated engine: a run with model
 * output cannot be re-run from settings and travels as a file instead.
 */
function engine<K extends keyof SimulatedEngineSettings>(
  key: string,
  field: K,
  codec: Codec<SimulatedEngineSettings[K]>,
): Prop {
  return {
    key,
    read: (s) => (s.engine.kind === 'simulated' ? codec.encode(s.engine[field]) : undefined),
    write: (s, raw) => {
      const v = codec.decode(raw);
      if (v === undefined || s.engine.kind !== 'simulated') return s;
      return { ...s, engine: { ...s.engine, [field]: v } };
    },
  };
}

function search<A extends Algorithm, K extends Exclude<keyof SettingsOf<A>, 'algorithm'>>(
  algorithm: A,
  key: string,
  field: K,
  codec: Codec<SettingsOf<A>[K]>,
): Prop {
  return {
    key,
    read: (s) =>
      s.search.algorithm === algorithm
        ? codec.encode((s.search as SettingsOf<A>)[field])
        : undefined,
    write: (s, raw) => {
      const v = codec.decode(raw);
      if (v === undefined || s.search.algorithm !== algorithm) return s;
      return { ...s, search: { ...s.search, [field]: v } };
    },
  };
}

/**
 * The step hint j (StepHint): `hint=2` gives the first two reference steps. Absent when there
 * is none, so links made before hints existed read the same; 0 removes it.
 */
function hintProp(): Prop {
  const codec = num(0, 64, true);
  return {
    key: 'hint',
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

const ALGORITHMS = Object.keys(DEFAULT_SEARCH) as Algorithm[];
const algorithmCodec = oneOf(ALGORITHMS);
const depth = num(1, 12, true);
const aggregation = oneOf(AGGREGATIONS);

/** Every URL property, in the order it appears in a serialized query. */
export const PROPS: readonly Prop[] = [
  top('task', 'task', oneOf(['game24', 'word-problems'] as const)),
  top('puzzle', 'problemId', { encode: (v) => v, decode: (raw) => raw || undefined }),
  top('seed', 'seed', num(0, 2 ** 32 - 1, true)),
  {
    key: 'algo',
    read: (s) => s.search.algorithm,
    write: (s, raw) => {
      const a = algorithmCodec.decode(raw);
      return a === undefined ? s : { ...s, search: DEFAULT_SEARCH[a] };
    },
  },
  search('mcts', 'rule', 'rule', oneOf(['uct', 'puct'] as const)),
  search('mcts', 'c', 'c', num(0, 100)),
  search('mcts', 'iters', 'iterations', num(1, 10_000, true)),
  search('mcts', 'children', 'childrenPerExpansion', num(1, 16, true)),
  search('mcts', 'value', 'valueMode', oneOf(['rollout', 'prm'] as const)),
  search('mcts', 'depth', 'maxDepth', depth),
  search('beam', 'width', 'beamWidth', num(1, 64, true)),
  search('beam', 'expansions', 'expansionsPerBeam', num(1, 16, true)),
  search('beam', 'agg', 'aggregation', aggregation),
  search('beam', 'depth', 'maxDepth', depth),
  search('best-of-n', 'n', 'n', num(1, 256, true)),
  search('best-of-n', 'pick', 'pick', oneOf(['prm', 'majority', 'weighted-vote'] as const)),
  search('best-of-n', 'agg', 'aggregation', aggregation),
  search('best-of-n', 'depth', 'maxDepth', depth),
  hintProp(),
  engine('engine', 'kind', oneOf(['simulated'] as const)),
  engine('skill', 'skill', num(0, 1)),
  engine('slip', 'slipRate', num(0, 1)),
  engine('judge', 'judge', oneOf(['rule', 'simulated-prm', 'rollout'] as const)),
  engine('noise', 'prmNoise', num(0, 1)),
  engine('k', 'rolloutK', num(1, 64, true)),
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
