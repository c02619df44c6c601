import { useArbor } from '../store';
import { EngineFields } from './EngineFields';
import { LazyImportedSettings } from './lazy/panels';
import { PuzzleFields } from './PuzzleFields';
import { SearchFields } from './SearchFields';

/**
 * The run's settings: puzzle and seed, search algorithm and parameters, simulated engine.
 * Every change resets the run (a run always matches its settings) and updates the URL. An
 * imported tree has none of these: ImportedSettings (loaded on demand) says so instead.
 */
export function Controls() {
  const source = useArbor((s) => s.source);
  if (source !== null) return <LazyImportedSettings source={source} />;
  return (
    <form
      aria-label="Run settings"
      className="flex flex-col gap-4"
      onSubmit={(e) => e.preventDefault()}
    >
      <PuzzleFields />
      <SearchFields />
      <EngineFields />
    </form>
  );
}
