/**
 * The sampling parameters Arbor sends with every request, besides temperature and seed. In
 * @mlc-ai/web-llm 0.2.86 (lib/index.js `sampleFromRawLogits`) each one a request leaves unset
 * comes from the model's `mlc-chat-config.json` (13569–13599), which differs per model; so all
 * are always sent. The log-probabilities web-llm reports, which become PUCT priors, are read
 * from the distribution after the penalties (13726–13761) and the temperature (13775–13783)
 * but before top-p cuts it for sampling (13796; read at 13800–13812, 14149): with top-p 1 and
 * no penalties they are the probabilities the step was sampled from, at the run's
 * temperature; otherwise they are not.
 */
import type { ChatCompletionRequestBase } from '@mlc-ai/web-llm';

/** Top-p and the three penalties, as a run's settings give them. */
export interface Sampling {
  /** Nucleus sampling: the smallest set of tokens whose probability reaches this, in (0, 1]. */
  topP: number;
  /** Divides the logit of every token already written in this reply (> 0; 1 is none). */
  repetitionPenalty: number;
  /** Subtracted once from the logit of a token already written, in [−2, 2]. */
  presencePenalty: number;
  /** Subtracted per time a token was already written, in [−2, 2]. */
  frequencyPenalty: number;
}

/** Top-p 1 and no penalties: the model's own distribution at the request's temperature. */
export const NEUTRAL_SAMPLING: Sampling = {
  topP: 1,
  repetitionPenalty: 1,
  presencePenalty: 0,
  frequencyPenalty: 0,
};

/**
 * The four values out of anything that holds them (a run's web-llm engine settings), and
 * nothing else.
 */
export function samplingOf(s: Sampling): Sampling {
  const { topP, repetitionPenalty, presencePenalty, frequencyPenalty } = s;
  return { topP, repetitionPenalty, presencePenalty, frequencyPenalty };
}

/** What web-llm refuses (13626–13640), in words; [] when usable. */
export function samplingProblems(s: Sampling): string[] {
  const problems: string[] = [];
  if (!(s.topP > 0 && s.topP <= 1)) problems.push('top-p must be above 0 and at most 1');
  if (!(s.repetitionPenalty > 0)) problems.push('the repetition penalty must be above 0');
  if (!(s.presencePenalty >= -2 && s.presencePenalty <= 2)) {
    problems.push('the presence penalty must be between -2 and 2');
  }
  if (!(s.frequencyPenalty >= -2 && s.frequencyPenalty <= 2)) {
    problems.push('the frequency penalty must be between -2 and 2');
  }
  return problems;
}

/** The request fields, all set. */
export function samplingFields(
  s: Sampling,
): Pick<
  ChatCompletionRequestBase,
  'top_p' | 'repetition_penalty' | 'presence_penalty' | 'frequency_penalty'
> {
  return {
    top_p: s.topP,
    repetition_penalty: s.repetitionPenalty,
    presence_penalty: s.presencePenalty,
    frequency_penalty: s.frequencyPenalty,
  };
}
