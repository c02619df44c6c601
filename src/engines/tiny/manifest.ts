/**
 * The tiny model's manifest (public/models/tiny24/manifest.json, written by
 * scripts/tiny/train.py): what the app needs to run the ONNX file (vocabulary, special ids,
 * shapes), what it was trained on and how well it did, and the file's sha256.
 */
import { z } from 'zod';
import { sprmCurvesSchema } from './curves';

const greedyCheck = z.object({
  numbers: z.array(z.number().int()),
  prompt: z.string(),
  steps: z.array(z.string()),
});

export const tinyManifestSchema = z.object({
  name: z.string(),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  parameters: z.number().int().positive(),
  task: z.literal('game24'),
  format: z.object({
    bos_id: z.number().int(),
    pad_id: z.number().int(),
    step_end: z.string(),
    step_end_id: z.number().int(),
    max_step_tokens: z.number().int().positive(),
  }),
  vocab: z.array(z.string()).min(3),
  shapes: z.object({
    layers: z.number().int().positive(),
    heads: z.number().int().positive(),
    head_dim: z.number().int().positive(),
    max_len: z.number().int().positive(),
  }),
  training: z.object({ shipped_head: z.string() }).optional(),
  metrics: z.object({
    held_out_puzzles: z.number().int(),
    greedy_solved: z.number(),
    greedy_good_step_share: z.number().optional(),
    best_of: z
      .object({ n: z.number().int(), sprm_pick: z.number(), any_right: z.number() })
      .optional(),
    sprm_curves: sprmCurvesSchema,
  }),
  greedy_checks: z.array(greedyCheck),
});

/** The parts of the manifest the app reads (the file has more: settings, the policy's curve). */
export type TinyManifest = z.infer<typeof tinyManifestSchema>;

/** The SPRM head's training curves, one per loss (curves.ts says what each field is). */
export type TinySprmCurves = TinyManifest['metrics']['sprm_curves'];

/** Reads a manifest; throws a readable error when it has the wrong shape. */
export function parseTinyManifest(raw: unknown): TinyManifest {
  const parsed = tinyManifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`tiny model manifest: ${parsed.error.message}`);
  const m = parsed.data;
  if (m.vocab[m.format.step_end_id] !== m.format.step_end) {
    throw new Error('tiny model manifest: step_end_id does not name step_end in the vocabulary');
  }
  return m;
}
