/**
 * The difficulty preview's rule (Preview difficulty-aware intervention): spend a small
 * preview on every problem, then give the hard ones the budget the easy ones did not need,
 * and compare with the fixed budget at the same total compute.
 *
 * - The preview: per (problem, seed) one best-of-N run with n = 2 and a majority vote.
 * - Easy: the preview's two samples agree (its top vote count is 2). An easy problem is
 *   answered by the preview; no more runs.
 * - Hard: every other problem (samples disagree, a sample ended on an invalid step, or the
 *   preview failed).
 * - Budget: at budget k the preview arm has k · P units for P problems, as the fixed arm
 *   does. The preview spent 2 · P; the units left, k · P − 2 · P, are shared equally by the
 *   hard problems: each gets one run at budget ⌊(k · P − 2 · P) / hard⌋, and none when that
 *   is below 1 (it then keeps the preview's answer). An allocated run that finds no answer
 *   also leaves the preview's answer standing.
 * - Fresh samples: an allocated run's settings use the seed {@link ALLOCATED_SEED_OFFSET}
 *   above the grid's, so that it does not redraw the preview's two samples (a best-of-N run
 *   with the preview's seed would begin with exactly those). The cell keeps the grid's seed.
 */
import { PREVIEW_STRATEGY } from './strategies';
import type { CellResult, GridCell, GridSpec } from './types';

/** Units the preview spends per problem (two samples). */
export const PREVIEW_BUDGET = 2;

/** How far an allocated run's seed lies from the grid's seed (fresh samples). */
export const ALLOCATED_SEED_OFFSET = 1_000_000;

/** The seed an allocated run's settings use for grid seed `seed` (kept within 32 bits). */
export function allocatedSeed(seed: number): number {
  return (seed + ALLOCATED_SEED_OFFSET) % 2 ** 32;
}

/** A cell's id from its parts (stable; used in URLs, the store and tests). */
export function cellId(
  c: Pick<GridCell, 'variant' | 'arm' | 'strategy' | 'budget' | 'seed' | 'problemId' | 'role'>,
): string {
  return `${c.variant ?? '-'}|${c.arm || '-'}|${c.strategy}|${c.budget}|${c.seed}|${c.problemId}|${c.role}`;
}

/** The id of the preview cell of a problem and seed. */
export function previewCellId(problemId: string, seed: number): string {
  return cellId({
    variant: null,
    arm: 'preview',
    strategy: PREVIEW_STRATEGY.id,
    budget: PREVIEW_BUDGET,
    seed,
    problemId,
    role: 'preview',
  });
}

/** Whether a preview's two samples agreed: its top vote count is at least 2. */
export function previewAgrees(result: CellResult | undefined): boolean {
  if (!result || result.status === 'failed' || !result.votes) return false;
  return Object.values(result.votes).some((v) => v >= PREVIEW_BUDGET);
}

/** The preview's verdict for one seed: complete once every problem's preview has finished. */
export interface SeedPreview {
  complete: boolean;
  easy: ReadonlySet<string>;
  /** Hard problems, in the spec's order (only finished previews are judged). */
  hard: string[];
}

/** Which problems the preview found easy or hard for one seed. */
export function seedPreview(
  spec: GridSpec,
  results: ReadonlyMap<string, CellResult>,
  seed: number,
): SeedPreview {
  const easy = new Set<string>();
  const hard: string[] = [];
  let complete = true;
  for (const problemId of spec.problemIds) {
    const result = results.get(previewCellId(problemId, seed));
    if (!result) complete = false;
    else if (previewAgrees(result)) easy.add(problemId);
    else hard.push(problemId);
  }
  return { complete, easy, hard };
}

/**
 * The budget each hard problem gets at budget k: ⌊(k·P − 2·P) / hard⌋, or null when there
 * are no hard problems or that is below 1.
 * @example allocatedBudget(8, 10, 4) // ⌊(80 − 20) / 4⌋ = 15
 */
export function allocatedBudget(k: number, problems: number, hard: number): number | null {
  if (hard <= 0) return null;
  const each = Math.floor((k * problems - PREVIEW_BUDGET * problems) / hard);
  return each >= 1 ? each : null;
}
