/**
 * The response shapes of each family, as their own response models spell them (vLLM and
 * SGLang `CompletionLogProbs` / `LogProbs`; llama.cpp `to_json_oaicompat*` with
 * `probs_vector_to_json`; Ollama `openai.go` `ChoiceLogprobs`), for the test server.
 */
import type { ServerFamily } from '../families';
import type { SourceToken } from './textSource';

/** One choice the test server answers with. */
export interface ServedChoice {
  tokens: SourceToken[];
  /** Top alternatives per position (the sampled token first). */
  tops: SourceToken[][];
  finish: 'stop' | 'length';
}

const bytes = (t: string) => [...new TextEncoder().encode(t)];

/** Chat-style log-probabilities: every chat route, and llama.cpp's and Ollama's completions. */
function contentLogprobs(family: ServerFamily, c: Pick<ServedChoice, 'tokens' | 'tops'>) {
  return {
    content: c.tokens.map((t, i) => ({
      ...(family === 'llamacpp' ? { id: i } : {}),
      token: t.token,
      logprob: t.logprob,
      ...(family === 'ollama' ? {} : { bytes: bytes(t.token) }),
      top_logprobs: (c.tops[i] ?? []).map((a) => ({
        ...(family === 'llamacpp' ? { id: i } : {}),
        token: a.token,
        logprob: a.logprob,
        ...(family === 'ollama' ? {} : { bytes: bytes(a.token) }),
      })),
    })),
  };
}

/** OpenAI completions arrays (vLLM, SGLang). */
function arrayLogprobs(c: Pick<ServedChoice, 'tokens' | 'tops'>, offset: number) {
  let at = offset;
  return {
    tokens: c.tokens.map((t) => t.token),
    token_logprobs: c.tokens.map((t) => t.logprob),
    top_logprobs: c.tops
      .slice(0, c.tokens.length)
      .map((top) => Object.fromEntries(top.map((a) => [a.token, a.logprob]))),
    text_offset: c.tokens.map((t) => {
      const here = at;
      at += t.token.length;
      return here;
    }),
  };
}

/** The `logprobs` field of a choice (or a chunk of it) on a route. */
export function logprobsField(
  family: ServerFamily,
  route: 'completions' | 'chat',
  c: Pick<ServedChoice, 'tokens' | 'tops'>,
  offset = 0,
): unknown {
  if (
    route === 'completions' &&
    (family === 'vllm' || family === 'sglang' || family === 'openai')
  ) {
    return arrayLogprobs(c, offset);
  }
  return contentLogprobs(family, c);
}

/** The `usage` (and llama.cpp's `timings`) of a reply. */
export function usageFields(
  family: ServerFamily,
  prompt: number,
  completion: number,
  cached: number,
  cacheReport: boolean,
): Record<string, unknown> {
  const usage: Record<string, unknown> = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
  if (family === 'vllm' && cacheReport) usage.prompt_tokens_details = { cached_tokens: cached };
  // SGLang reports only with --enable-cache-report, and only when something was cached.
  if (family === 'sglang' && cacheReport && cached > 0)
    usage.prompt_tokens_details = { cached_tokens: cached };
  if (family === 'llamacpp') {
    usage.prompt_tokens_details = { cached_tokens: cached };
    return {
      usage,
      timings: {
        cache_n: cached,
        prompt_n: prompt - cached,
        prompt_ms: 1,
        prompt_per_token_ms: 0.1,
        prompt_per_second: 1000,
        predicted_n: completion,
        predicted_ms: 1,
        predicted_per_token_ms: 0.1,
        predicted_per_second: 1000,
      },
    };
  }
  return { usage };
}

/** An error body in the family's own shape. */
export function errorBody(family: ServerFamily, status: number, message: string): unknown {
  const type =
    status === 400
      ? 'invalid_request_error'
      : status === 401
        ? 'authentication_error'
        : 'server_error';
  if (family === 'sglang') return { object: 'error', message, type, param: null, code: status };
  if (family === 'llamacpp') return { error: { code: status, message, type } };
  return { error: { message, type, param: null, code: status } };
}

/** The model list in the family's shape. */
export function modelList(family: ServerFamily, model: string): unknown {
  const card: Record<string, unknown> = { id: model, object: 'model', created: 1_700_000_000 };
  if (family === 'vllm')
    Object.assign(card, {
      owned_by: 'vllm',
      root: model,
      parent: null,
      max_model_len: 32768,
      permission: [],
    });
  if (family === 'sglang')
    Object.assign(card, { owned_by: 'sglang', root: model, max_model_len: 32768 });
  if (family === 'llamacpp')
    Object.assign(card, { owned_by: 'llamacpp', meta: { n_ctx_train: 32768, n_vocab: 151936 } });
  if (family === 'ollama') Object.assign(card, { owned_by: 'library' });
  if (family === 'openai') Object.assign(card, { owned_by: 'organization-owner' });
  return { object: 'list', data: [card] };
}
