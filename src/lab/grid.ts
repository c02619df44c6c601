/**
 * A grid's runs: problems × strategies × budgets × seeds, and an experiment's variable. Every
 * cell is an ordinary {@link RunSettings}, so any point of a plot opens as the exact run
 * behind it. Budgets follow MetaStone-S1 (arXiv 2507.01951; low / medium / high = 2 / 8 / 32)
 * and the strategies' mapping in `strategies.ts`; the difficulty preview's rule is in
 * `preview.ts`.
 */
import type { EngineSettings, RunSettings } from '../run/settings';
import { PREVIEW_BUDGET, allocatedBudget, allocatedSeed, cellId, seedPreview } from './preview';
import { FORCING_STRATEGY, PREVIEW_STRATEGY, getStrategy } from './strategies';
import type { CellResult, GridCell, GridSpec, SeriesKey } from './types';

export { cellId } from './preview';
export { validateSpec } from './validate';

/** One value of the experiment's variable, and what it changes in a run. */
interface Variant {
  value: number | null;
  engine: EngineSettings;
  hintSteps?: number;
  forcing?: GridCell['forcing'];
}

/** The experiment's variable values (one `null` variant when it has none). */
function variantsOf(spec: GridSpec): Variant[] {
  const e = spec.experiment;
  const { engine } = spec;
  switch (e.kind) {
    case 'prm-noise':
      return e.noises.map((noise) => ({
        value: noise,
        engine: engine.kind === 'simulated' ? { ...engine, prmNoise: noise } : engine,
      }));
    case 'step-hints':
      return e.levels.map((j) => ({ value: j, engine, ...(j > 0 ? { hintSteps: j } : {}) }));
    case 'budget-forcing':
      return e.thinkingBudgets.map((b) => ({
        value: b,
        engine,
        forcing: { mode: e.mode, thinkingTokens: b },
      }));
    default:
      return [{ value: null, engine }];
  }
}

interface CellParts {
  spec: GridSpec;
  variant: Variant;
  arm: SeriesKey['arm'];
  strategy: string;
  budget: number;
  seed: number;
  problemId: string;
  role: GridCell['role'];
}

function makeCell(p: CellParts): GridCell {
  const def = getStrategy(p.strategy);
  if (!def) throw new Error(`Unknown strategy "${p.strategy}"`);
  const settings: RunSettings = {
    task: p.spec.task,
    problemId: p.problemId,
    search: def.search(p.budget, p.spec.task),
    engine: p.variant.engine,
    seed: p.role === 'allocated' ? allocatedSeed(p.seed) : p.seed,
  };
  if (p.variant.hintSteps !== undefined) settings.hintSteps = p.variant.hintSteps;
  const cell: GridCell = {
    id: '',
    problemId: p.problemId,
    strategy: p.strategy,
    budget: p.budget,
    seed: p.seed,
    variant: p.variant.value,
    arm: p.arm,
    role: p.role,
    settings,
  };
  cell.id = cellId(cell);
  if (p.variant.forcing) cell.forcing = { ...p.variant.forcing };
  return cell;
}

/**
 * The grid's first-stage cells, in a fixed order: variant, strategy, budget, seed, problem.
 * - budget, prm-noise, step-hints: every strategy × budget × seed × problem, per variant;
 * - difficulty-preview: the preview cells (one per seed × problem) first, then the fixed
 *   arm (arm 'fixed'); the preview arm's allocated runs come from {@link planAllocated};
 * - budget-forcing: one thinking sample per thinking budget × seed × problem (strategy
 *   'forcing', budget 1); the grid's strategies and budgets do not apply.
 * @throws Error on an unknown strategy (check {@link validateSpec} first)
 */
export function planGrid(spec: GridSpec): GridCell[] {
  const cells: GridCell[] = [];
  const each = (parts: Omit<CellParts, 'seed' | 'problemId' | 'spec'>) => {
    for (const seed of spec.seeds) {
      for (const problemId of spec.problemIds) {
        cells.push(makeCell({ ...parts, spec, seed, problemId }));
      }
    }
  };
  const kind = spec.experiment.kind;
  for (const variant of variantsOf(spec)) {
    if (kind === 'budget-forcing') {
      each({ variant, arm: '', strategy: FORCING_STRATEGY.id, budget: 1, role: 'run' });
      continue;
    }
    if (kind === 'difficulty-preview') {
      const p = PREVIEW_STRATEGY.id;
      each({ variant, arm: 'preview', strategy: p, budget: PREVIEW_BUDGET, role: 'preview' });
    }
    const arm = kind === 'difficulty-preview' ? 'fixed' : '';
    for (const strategy of spec.strategies) {
      for (const budget of spec.budgets) each({ variant, arm, strategy, budget, role: 'run' });
    }
  }
  return cells;
}

/**
 * The difficulty preview's second stage, from the preview results (the rule is in
 * `preview.ts`): per strategy, budget k and seed whose previews have all finished, one run
 * per hard problem at budget ⌊(k·P − 2·P) / hard⌋ (none when below 1). [] for every other
 * experiment.
 */
export function planAllocated(
  spec: GridSpec,
  cells: readonly GridCell[],
  results: ReadonlyMap<string, CellResult>,
): GridCell[] {
  if (spec.experiment.kind !== 'difficulty-preview') return [];
  const planned = new Set(cells.map((c) => c.id));
  const out: GridCell[] = [];
  const [variant] = variantsOf(spec);
  if (!variant) return out;
  const previews = new Map(spec.seeds.map((seed) => [seed, seedPreview(spec, results, seed)]));
  for (const strategy of spec.strategies) {
    for (const k of spec.budgets) {
      for (const seed of spec.seeds) {
        const preview = previews.get(seed);
        if (!preview?.complete) continue;
        const budget = allocatedBudget(k, spec.problemIds.length, preview.hard.length);
        if (budget === null) continue;
        for (const problemId of preview.hard) {
          const cell = makeCell({
            spec,
            variant,
            arm: 'preview',
            strategy,
            budget,
            seed,
            problemId,
            role: 'allocated',
          });
          if (!planned.has(cell.id)) {
            planned.add(cell.id);
            out.push(cell);
          }
        }
      }
    }
  }
  return out;
}

/**
 * How many runs the grid makes: the first stage, plus for the difficulty preview the most
 * the second stage can add (one run per strategy × budget above 2 × seed × problem).
 */
export function countRuns(spec: GridSpec): number {
  const per = spec.seeds.length * spec.problemIds.length;
  const e = spec.experiment;
  if (e.kind === 'budget-forcing') return e.thinkingBudgets.length * per;
  const variants = variantsOf(spec).length;
  const first = variants * spec.strategies.length * spec.budgets.length * per;
  if (e.kind !== 'difficulty-preview') return first;
  const above = spec.budgets.filter((k) => k > PREVIEW_BUDGET).length;
  return per + first + spec.strategies.length * above * per;
}
