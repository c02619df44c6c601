import { z } from 'zod';

/**
 * A lesson file: a course a teacher plays in the visualizer, as data. Chapters of short steps;
 * each step names a run (by key into the file's `runs`, so a run is written once and shared by
 * the steps that show it), the event to show, what to highlight, the words to say and,
 * optionally, a question for the class. The answers to questions about the search are never
 * written in the file: they are read off the run itself (the next select, backprop, prune or
 * done event after the step's cursor), so a lesson cannot teach a number the search did not
 * produce. Only a `choice` question, which asks about an idea rather than a run, carries its
 * own answer.
 *
 * Validated with zod, so a malformed file fails with the field's path
 * (`chapters.2.steps.0.at.iteration: …`) and changes nothing.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and "-" (at most 63)');

const text = z.string().trim().min(1, 'must not be empty').max(2000);

/**
 * A run a lesson shows. `settings` is the run's link query, exactly as Arbor's URL carries it
 * (`task=game24&problem=4-6-8-8&algo=mcts&iters=12&c=1.41&seed=1`), so the run is computed
 * when the lesson opens and any run a teacher made can be pasted in; `file` is a run file
 * bundled with the app (a path under `public/`, e.g. `lessons/runs/paper-tree.json`).
 */
export const lessonRunSchema = z.union([
  z.object({ settings: z.string().min(1).max(2000) }).strict(),
  z.object({ file: z.string().regex(/^[\w./-]+\.json$/, 'a .json path under public/') }).strict(),
]);

/** The phases an anchor can name (phaseGroups' kinds, `start` and `done` aside). */
export const ANCHOR_PHASES = [
  'select',
  'expand',
  'simulate',
  'backprop',
  'prune',
  'sample',
] as const;

/**
 * Where a step puts the cursor. A number is a count of events applied (as a link's `event=`);
 * `start` and `end` are the run's ends; `{ iteration, phase }` is the first phase of that kind
 * in that iteration (beam search counts depths, best-of-N samples, from 1), with the cursor
 * `after` its events (the default) or `before` them — a question's step stands before the event
 * it asks about, so the tree does not give the answer away.
 */
export const anchorSchema = z.union([
  z.number().int().nonnegative(),
  z.enum(['start', 'end']),
  z
    .object({
      iteration: z.number().int().positive(),
      phase: z.enum(ANCHOR_PHASES),
      edge: z.enum(['before', 'after']).default('after'),
    })
    .strict(),
]);

/**
 * A question for the class. The four about the search are answered by the run's next event of
 * their kind after the step's cursor:
 * - `select`: click the child the selection rule picks at `level` (0: among the root's
 *   children); the answer shows every candidate's arithmetic.
 * - `backup`: enter N and Q of `node` after the next backprop (fractions accepted, checked
 *   exactly); the answer shows the working.
 * - `prune`: pick the candidates the next beam prune keeps.
 * - `result`: pick the answer the search returns (its done event) — the vote of best-of-N, or
 *   what a worse PRM makes the search return.
 * `choice` asks about an idea: its options and answer are the author's.
 */
export const questionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('select'),
      level: z.number().int().nonnegative().default(0),
      prompt: text.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('backup'),
      node: z.number().int().nonnegative(),
      prompt: text.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('prune'), prompt: text.optional() }).strict(),
  z.object({ kind: z.literal('result'), prompt: text.optional() }).strict(),
  z
    .object({
      kind: z.literal('choice'),
      prompt: text,
      options: z.array(text).min(2).max(6),
      /** Index into `options`. */
      answer: z.number().int().nonnegative(),
      /** Said after the answer is shown. */
      explain: text.optional(),
    })
    .strict()
    .refine((q) => q.answer < q.options.length, {
      message: 'answer must index one of the options',
      path: ['answer'],
    }),
]);

/** Where the step shows its run: the tree (default), beside a second run, or in the lab. */
export const stepViewSchema = z.union([
  z.object({ kind: z.literal('tree') }).strict(),
  /** The step's run on the left, the run named by `with` on the right (the compare view). */
  z.object({ kind: z.literal('compare'), with: slug }).strict(),
  /** The effort lab with one of its presets run (`src/lab/presets.ts`). */
  z
    .object({ kind: z.literal('lab'), preset: z.enum(['quick-demo', 'full', 'prm-quality']) })
    .strict(),
]);

/** One step: a run at an event, with words, highlights and perhaps a question. */
export const lessonStepSchema = z
  .object({
    /** A key of the lesson's `runs`. */
    run: slug,
    at: anchorSchema.default('end'),
    /** What the teacher says (plain text; `code` in backticks is shown as code). */
    say: text,
    /** Node ids drawn highlighted on the tree. */
    highlight: z.array(z.number().int().nonnegative()).max(50).default([]),
    /** The node the inspector opens on. */
    inspect: z.number().int().nonnegative().optional(),
    view: stepViewSchema.default({ kind: 'tree' }),
    question: questionSchema.optional(),
    /**
     * Best-of-N: write each sample's GRPO advantage beside its trajectory score (the tree
     * toolbar's "GRPO A", store `showAdvantages`). Absent: off, so a lesson always shows what it says.
     */
    advantages: z.boolean().optional(),
  })
  .strict();

export const lessonChapterSchema = z
  .object({
    id: slug,
    title: text,
    steps: z.array(lessonStepSchema).min(1).max(60),
  })
  .strict();

/** A whole lesson file (format `arbor-lesson`, version 1). */
export const lessonSchema = z
  .object({
    format: z.literal('arbor-lesson'),
    version: z.literal(1),
    id: slug,
    title: text,
    /** One or two sentences for the lesson picker. */
    summary: text.optional(),
    runs: z.record(slug, lessonRunSchema),
    chapters: z.array(lessonChapterSchema).min(1).max(30),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    lesson.chapters.forEach((chapter, c) =>
      chapter.steps.forEach((step, s) => {
        const named = [step.run, ...(step.view.kind === 'compare' ? [step.view.with] : [])];
        for (const key of named) {
          if (!(key in lesson.runs)) {
            ctx.addIssue({
              code: 'custom',
              path: ['chapters', c, 'steps', s, step.run === key ? 'run' : 'view'],
              message: `no run "${key}" in runs (${Object.keys(lesson.runs).join(', ') || 'none'})`,
            });
          }
        }
      }),
    );
  });

/** A lesson as validated (defaults filled in). */
export type Lesson = z.output<typeof lessonSchema>;
export type LessonChapter = Lesson['chapters'][number];
export type LessonStep = LessonChapter['steps'][number];
export type LessonRun = z.output<typeof lessonRunSchema>;
export type LessonAnchor = z.output<typeof anchorSchema>;
export type LessonQuestion = z.output<typeof questionSchema>;
export type LessonStepView = z.output<typeof stepViewSchema>;
