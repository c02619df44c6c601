import { taskEntry } from '../../core/tasks/registry';
import { serverEngine } from '../../engines/server/definition';
import { SERVER_TABLE } from '../../engines/server/settings';
import type { ServerEngineSettings } from '../../engines/server/settings';
import { updateServer, useArbor } from '../../store';
import { DelimiterField } from '../model/DelimiterField';
import { TableFields } from '../TableFields';

/** The server engine's knobs, from its settings table: judge, sampling, step end, concurrency. */
export function ServerFields({ engine }: { engine: ServerEngineSettings }) {
  const task = useArbor((s) => s.settings.task);
  const connected = useArbor((s) => s.server.phase === 'connected');
  return (
    <>
      <p className="text-sm break-words">
        <span className="text-slate-500 dark:text-slate-400">Model: </span>
        {serverEngine.describe(engine)}
      </p>
      {!connected && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          No server is connected: connect it in the Server panel to run a new search. A finished or
          imported run still replays.
        </p>
      )}
      <TableFields
        table={SERVER_TABLE}
        values={engine}
        set={updateServer}
        available={{ judge: serverEngine.judgesFor(taskEntry(task)) }}
        custom={{
          delimiter: () => (
            <DelimiterField
              value={engine.delimiter}
              onCommit={(delimiter) => updateServer({ delimiter })}
            />
          ),
        }}
      />
    </>
  );
}
