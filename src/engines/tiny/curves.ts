/**
 * The SPRM head's training curves as the manifest records them (scripts/tiny/train.py):
 * per epoch, on held-out sampled lines, the mean score of right and of wrong lines, their gap
 * (MetaStone-S1, arXiv 2507.01951, watches it open: the "aha moment"), and the head's
 * step-level accuracy against the exact truth the solver knows — plain, and balanced (the
 * mean of its accuracy on right and on wrong steps, so 0.5 is chance however rare right
 * steps are). One curve per loss the script trained from the same start: plain BCE, SPR, and
 * BCE for a few warm epochs then SPR (the shipped head).
 */
import { z } from 'zod';

const sprmEpochSchema = z.object({
  epoch: z.number().int().positive(),
  /** The loss this epoch trained with (BCE-then-SPR switches). */
  loss: z.enum(['bce', 'spr']),
  gap: z.number(),
  step_accuracy: z.number().min(0).max(1),
  step_balanced_accuracy: z.number().min(0).max(1),
  mean_right: z.number(),
  mean_wrong: z.number(),
});

export const sprmCurvesSchema = z.object({
  bce: z.array(sprmEpochSchema),
  spr: z.array(sprmEpochSchema),
  bce_then_spr: z.array(sprmEpochSchema),
});

/** One epoch of one SPRM curve. */
export type SprmEpoch = z.infer<typeof sprmEpochSchema>;

/** Which loss a curve trained with. */
export type SprmLoss = keyof z.infer<typeof sprmCurvesSchema>;
