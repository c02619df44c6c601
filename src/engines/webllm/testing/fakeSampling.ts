/**
 * How web-llm settles the sampling parameters of one request, copied for the fake engine
 * (@mlc-ai/web-llm 0.2.86, lib/index.js, `sampleFromRawLogits` 13561–13640): every value
 * starts from the model's `mlc-chat-config.json` (13569–13573) and the request overrides only
 * what it sets (13578–13599); `top_p` left unset everywhere is 1 (13587–13590). A request that
 * sets only one of the frequency and presence penalties has the other set to 0 before that
 * (`postInitAndCheckGenerationConfigValues`, lib 909–918), so the model's value of the other
 * is not used; the same pairing then applies to the settled values, and unset ones are 0
 * (13600–13612); then the ranges are checked (13626–13640).
 */
import type { ChatCompletionRequest } from '@mlc-ai/web-llm';

/** The sampling fields of a model's `mlc-chat-config.json` (any may be absent). */
export interface FakeChatConfig {
  temperature?: number;
  top_p?: number;
  repetition_penalty?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
}

/**
 * A model config that is not neutral, as many prebuilt models' are: a test that leaves a
 * field unset samples with these. Illustrative values for the fake, not any model's.
 */
export const FAKE_MODEL_CONFIG: FakeChatConfig = {
  temperature: 0.6,
  top_p: 0.95,
  repetition_penalty: 1.05,
};

/** What one request sampled with. */
export interface FakeSampling {
  temperature: number;
  top_p: number;
  repetition_penalty: number;
  frequency_penalty: number;
  presence_penalty: number;
}

const has = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/**
 * The parameters a request samples with on a model whose config is `config`.
 * @throws Error with web-llm's range messages for values it refuses
 */
export function resolveSampling(
  request: ChatCompletionRequest,
  config: FakeChatConfig,
): FakeSampling {
  const temperature = has(request.temperature) ? request.temperature : config.temperature;
  let top_p = has(request.top_p) ? request.top_p : config.top_p;
  if (!has(top_p)) top_p = 1;
  const repetition_penalty = has(request.repetition_penalty)
    ? request.repetition_penalty
    : config.repetition_penalty;
  let askedFrequency = request.frequency_penalty;
  let askedPresence = request.presence_penalty;
  if (has(askedFrequency) && !has(askedPresence)) askedPresence = 0;
  if (has(askedPresence) && !has(askedFrequency)) askedFrequency = 0;
  let frequency_penalty = has(askedFrequency) ? askedFrequency : config.frequency_penalty;
  let presence_penalty = has(askedPresence) ? askedPresence : config.presence_penalty;
  if (has(frequency_penalty) && !has(presence_penalty)) presence_penalty = 0;
  if (has(presence_penalty) && !has(frequency_penalty)) frequency_penalty = 0;
  frequency_penalty ??= 0;
  presence_penalty ??= 0;
  if (!(top_p > 0 && top_p <= 1)) throw new Error('top_p must be in (0, 1]');
  if (!has(temperature) || !(temperature >= 0)) throw new Error('temperature must be >= 0');
  if (!has(repetition_penalty) || !(repetition_penalty > 0)) {
    throw new Error('repetition_penalty must be > 0');
  }
  if (!(frequency_penalty >= -2 && frequency_penalty <= 2)) {
    throw new Error('frequency_penalty must be in [-2, 2]');
  }
  if (!(presence_penalty >= -2 && presence_penalty <= 2)) {
    throw new Error('presence_penalty must be in [-2, 2]');
  }
  return { temperature, top_p, repetition_penalty, frequency_penalty, presence_penalty };
}
