import type { ModelStats } from '../../store/modelSlice';
import { emptyModelStats } from '../../store/modelSlice';
import { formatCount, formatRate } from './format';
import { InfoTerm } from './InfoTerm';

/** One number of the readout with its explanation. */
function Item({ term, tip, value }: { term: string; tip: string; value: string }) {
  return (
    <div className="flex flex-col">
      <InfoTerm term={term} tip={tip} />
      <dd className="font-mono tabular-nums">{value}</dd>
    </div>
  );
}

/** Said under the readout while the run orders its requests by the cache (issue 17). */
export const CACHE_AWARE_NOTE =
  "Cache-aware order may change the model's answers on web-llm (its cache is not quite a fresh read of the conversation). Turn off Cache-aware ordering for the naive order.";

/**
 * How fast the model works and how much, in this run: prefill and decode speed (web-llm's
 * own figures for the last request), tokens written and read, requests, and what the
 * cache-aware order saved; when the run orders by the cache, that this may change answers.
 */
export function SpeedReadout({
  stats,
  cacheAware,
}: {
  stats: ModelStats | null;
  cacheAware: boolean;
}) {
  const s = stats ?? emptyModelStats();
  const saved = s.prefillSaved === null ? '—' : `≈ ${formatCount(s.prefillSaved)}`;
  return (
    <div className="flex flex-col gap-1">
      <dl
        aria-label="Model speed"
        className="grid grid-cols-3 gap-x-4 gap-y-1 text-sm sm:grid-cols-6"
      >
        <Item
          term="Prefill tok/s"
          tip="Reading speed: tokens of the conversation the model read before writing, per second, as web-llm reported for the last request."
          value={formatRate(s.prefillTokensPerS)}
        />
        <Item
          term="Decode tok/s"
          tip="Writing speed: tokens the model wrote per second, as web-llm reported for the last request."
          value={formatRate(s.decodeTokensPerS)}
        />
        <Item
          term="Generated"
          tip="Tokens the model wrote in this run: steps, judge answers and rollouts."
          value={formatCount(s.generated)}
        />
        <Item
          term="Prefilled"
          tip="Tokens the model had to read in this run because its KV cache did not already hold them."
          value={formatCount(s.prefilled)}
        />
        <Item
          term="Requests"
          tip="Chat requests sent to the model in this run (one at a time: web-llm does not batch)."
          value={formatCount(s.requests)}
        />
        <Item
          term="Order saved"
          tip="Prefill tokens the cache-aware order saved in this run against the naive order, estimated when the run ends: its search is replayed over this run's own answers in both orders, counting tokens approximately (words, numbers and punctuation, not the model's tokenizer). It is the saving on these answers: in the naive order web-llm might have answered otherwise. Negative when the cache-aware order read more. — when not measured, the ordering is off, or the run could not be replayed."
          value={saved}
        />
      </dl>
      {cacheAware && (
        <p className="text-xs text-slate-600 dark:text-slate-400">{CACHE_AWARE_NOTE}</p>
      )}
    </div>
  );
}
