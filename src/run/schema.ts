import { z } from 'zod';
import { SEARCH_TABLES } from '../core/search/settingsTable';
import type { SearchSettings } from '../core/search/settings';
import { TASK_IDS } from '../core/tasks/registry';
import { IMPORT_TOOLS } from '../core/tree/events';
import type { EngineSettings } from '../engines/registry';
import { ENGINES } from '../engines/registry';
import type { RunSettings } from './settings';
import { HINT_TABLE, RUN_TABLE } from './runTable';
import { shapeOf, taggedSchema } from './tableSchema';

const ALGORITHMS = Object.keys(SEARCH_TABLES) as (keyof typeof SEARCH_TABLES)[];
import { serverRecordingSchema } from '../engines/server/recording';

/**
 * The run file's schema (versions 1 and 2), written with zod rather than by hand: one declaration
 * gives both the check and an error that names the field path (`events.12.updates.0.N`).
 * The events' schema is kept in step with `src/core/tree/events.ts` by the type tests in
 * `runFile.test.ts`; the settings' schema is derived from the settings tables (search
 * algorithms, engines, the run's own fields), the same tables the form and the link use.
 */

const count = z.number().int().nonnegative();
const id = count;
const finite = z.number().finite();
const unit = z.number().min(0).max(1);

export const costSchema = z.object({
  generated: count,
  prefilled: count,
  proposerCalls: count,
  judgeCalls: count,
});

const candidate = z.object({
  id,
  N: count,
  W: finite,
  Q: finite,
  P: unit.optional(),
  exploit: finite,
  explore: finite.nullable(),
  total: finite.nullable(),
});

const selectLevel = z.object({
  parent: id,
  parentN: count,
  candidates: z.array(candidate).min(1),
  winner: id,
  decidedBy: z.enum(['exploit', 'explore', 'unvisited']),
});

const expandedChild = z.object({
  id,
  text: z.string(),
  tokens: count,
  logProb: z.number().max(0),
  prior: unit,
  valid: z.boolean(),
  invalidReason: z.string().optional(),
  inTextBacktrack: z.boolean(),
});

const evidence = z.discriminatedUnion('judge', [
  z.object({ judge: z.literal('rule'), valid: z.boolean(), solvable: z.boolean() }),
  z.object({ judge: z.literal('simulated-prm'), truth: unit, noise: unit }),
  z.object({ judge: z.literal('rollout'), k: count, reached: count }),
  z.object({ judge: z.literal('self'), pYes: unit, pNo: unit }),
  z.object({ judge: z.literal('sprm'), model: z.string() }),
  z.object({
    judge: z.literal('imported'),
    tool: z.enum(IMPORT_TOOLS),
  }),
]);

const outcomeKind = z.enum(['solved', 'wrong-answer', 'invalid-step']);

export const traceEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    algorithm: z.enum(['mcts', 'beam', 'best-of-n']),
    rootText: z.string(),
  }),
  z.object({
    type: z.literal('select'),
    iteration: count,
    rule: z.enum(['uct', 'puct']),
    c: finite,
    path: z.array(id).min(1),
    levels: z.array(selectLevel),
  }),
  z.object({
    type: z.literal('expand'),
    iteration: count,
    node: id,
    children: z.array(expandedChild),
    skipped: z.enum(['terminal', 'max-depth', 'no-proposals']).optional(),
    cost: costSchema,
  }),
  z.object({ type: z.literal('score'), node: id, score: unit, evidence, cost: costSchema }),
  // An end Arbor judged, or (a tree from another tool that saved no verdict) one of unknown
  // correctness: `correct` is null exactly when `kind` is 'unknown'. Two shapes rather than a
  // refinement, so the run file's quick check (fastCheck.ts, from the JSON Schema) sees it.
  z.discriminatedUnion('kind', [
    z.object({
      type: z.literal('terminal'),
      node: id,
      answer: z.string(),
      correct: z.boolean(),
      kind: outcomeKind,
    }),
    z.object({
      type: z.literal('terminal'),
      node: id,
      answer: z.string(),
      correct: z.null(),
      kind: z.literal('unknown'),
    }),
  ]),
  z.object({
    type: z.literal('simulate'),
    iteration: count,
    from: id,
    mode: z.enum(['rollout', 'prm', 'known']),
    steps: z.array(z.string()),
    answer: z.string().nullable(),
    reward: finite,
    cost: costSchema,
  }),
  z.object({
    type: z.literal('backprop'),
    iteration: count,
    value: finite,
    updates: z.array(z.object({ id, N: count, W: finite })),
  }),
  z.object({ type: z.literal('backtrack'), iteration: count, at: id, abandoned: id }),
  z.object({
    type: z.literal('prune'),
    depth: count,
    kept: z.array(z.object({ id, score: finite })),
    dropped: z.array(z.object({ id, score: finite })),
  }),
  z.object({
    type: z.literal('done'),
    node: id.nullable(),
    answer: z.string().nullable(),
    correct: z.boolean(),
    reason: z.enum(['most-visited', 'best-value', 'best-prm', 'majority', 'weighted-vote', 'none']),
    votes: z.record(z.string(), finite).optional(),
  }),
]);

/** Search settings: one object per algorithm, each from its table. */
export const searchSettingsSchema = z.discriminatedUnion(
  'algorithm',
  ALGORITHMS.map((a) => taggedSchema('algorithm', a, SEARCH_TABLES[a])) as [
    z.ZodObject<Record<string, z.ZodType>>,
    ...z.ZodObject<Record<string, z.ZodType>>[],
  ],
) as unknown as z.ZodType<SearchSettings>;

/** Engine settings: one object per registered engine, each from its table. */
const engineSettingsSchema = z.discriminatedUnion(
  'kind',
  ENGINES.map((e) => taggedSchema('kind', e.kind, e.table)) as [
    z.ZodObject<Record<string, z.ZodType>>,
    ...z.ZodObject<Record<string, z.ZodType>>[],
  ],
) as unknown as z.ZodType<EngineSettings>;

export const runSettingsSchema = z.object({
  task: z.enum(TASK_IDS),
  problemId: z.string().max(200),
  search: searchSettingsSchema,
  engine: engineSettingsSchema,
  ...shapeOf(RUN_TABLE),
  // Optional, so files written before step hints existed still open.
  hintSteps: shapeOf(HINT_TABLE).hintSteps?.optional(),
}) as unknown as z.ZodType<RunSettings>;

/** Version 1: settings, events and the time the file was made. Read only to migrate. */
export const runFileV1Schema = z.object({
  format: z.literal('arbor-run'),
  version: z.literal(1),
  settings: runSettingsSchema,
  events: z.array(traceEventSchema),
  createdAt: z.string(),
});

/** Where an imported tree came from (`RunSource`). */
export const runSourceSchema = z.object({
  kind: z.enum(IMPORT_TOOLS),
  // File systems allow 255; the margin keeps an odd name from making a run unopenable.
  fileName: z.string().max(1000).optional(),
  note: z.string().max(2000),
});

/** Version 2 (the current one): version 1 plus the run's name and, if imported, its source. */
export const runFileV2Schema = runFileV1Schema.extend({
  version: z.literal(2),
  name: z.string().max(200).optional(),
  source: runSourceSchema.optional(),
  // Optional: every reply a server run used (engines/server/recording.ts), so it replays offline.
  server: serverRecordingSchema.optional(),
  // Optional: the model that made the run, by name and file hash (the tiny model's manifest).
  model: z
    .object({
      name: z.string().min(1).max(200),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
    })
    .optional(),
});
