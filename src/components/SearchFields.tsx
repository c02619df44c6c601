import type { Algorithm, SearchSettings } from '../core/search/settings';
import { ALGORITHM_OPTIONS, SEARCH_TABLES } from '../core/search/settingsTable';
import { setAlgorithm, updateSearch, useArbor } from '../store';
import { SelectField } from './fields';
import { TableFields } from './TableFields';

/** The search algorithm and its parameters, drawn from the algorithm's settings table. */
export function SearchFields() {
  const search = useArbor((s) => s.settings.search);
  const algorithm: Algorithm = search.algorithm;
  return (
    <fieldset className="min-w-0 flex flex-col gap-3 rounded border border-slate-200 dark:border-slate-800 p-3">
      <legend className="px-1 font-semibold">Search</legend>
      <SelectField
        label="Algorithm"
        value={algorithm}
        options={ALGORITHM_OPTIONS}
        onChange={setAlgorithm}
      />
      <TableFields<SearchSettings>
        key={algorithm}
        table={SEARCH_TABLES[algorithm]}
        values={search}
        set={(patch) => updateSearch(algorithm, patch)}
      />
    </fieldset>
  );
}
