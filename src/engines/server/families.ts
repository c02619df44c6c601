/**
 * Each server family's differences, in one place each (issue 13). Everything here was read
 * from the families' own sources (vLLM `entrypoints/openai/…/protocol.py`, SGLang
 * `srt/entrypoints/openai/protocol.py`, llama.cpp `tools/server/README.md` and
 * `server-common.cpp` / `server-task.cpp`, Ollama `openai/openai.go`); nothing here has been
 * run against a real server. Code elsewhere asks this table and never switches on the family.
 * `openai` is the fallback: only what every family does (chat route, one choice per request,
 * `logprobs` + `top_logprobs`, `max_tokens` ≥ 1).
 */

/** The server families Arbor knows, and the fallback. */
export type ServerFamily = 'vllm' | 'sglang' | 'llamacpp' | 'ollama' | 'openai';

export const SERVER_FAMILIES: readonly ServerFamily[] = [
  'vllm',
  'sglang',
  'llamacpp',
  'ollama',
  'openai',
];

/** One family's facts. */
export interface FamilyAdapter {
  readonly family: ServerFamily;
  /** What the UI calls it. */
  readonly label: string;
  /** The `owned_by` the server writes on every model it lists (its own name), if any. */
  readonly ownedBy: string | null;
  /**
   * A cheap GET that only this family answers in its own way, for servers whose `owned_by`
   * does not say (Ollama writes the model's namespace there, e.g. "library").
   */
  readonly probe: { readonly path: string; matches(body: unknown): boolean } | null;
  /**
   * Whether `/v1/completions` takes the prompt as raw text. Ollama's turns it into a
   * generate request without `raw`, so the model's template wraps it: use chat there.
   */
  readonly rawCompletions: boolean;
  /** Whether a request may ask for `n` choices (Ollama has no `n`). */
  readonly multipleChoices: boolean;
  /** Whether completions accept `echo` (llama.cpp refuses it: "Only no echo is supported"). */
  readonly echo: boolean;
  /** The smallest `max_tokens` it accepts (SGLang: "max_tokens must be positive"). */
  readonly minMaxTokens: number;
  /**
   * Whether log-probabilities are the model's own, before temperature (vLLM's default
   * `--logprobs-mode raw_logprobs`): then a judge may sample greedily and still read them.
   * Elsewhere they follow the sampling settings, so the judge asks at temperature 1.
   */
  readonly logprobsBeforeTemperature: boolean;
  /** Most `top_logprobs` it returns (vLLM `--max-logprobs` 20; Ollama ≤ 20). */
  readonly maxTopLogprobs: number;
  /** The chat request's token limit field (vLLM deprecates `max_tokens` there). */
  readonly chatMaxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** How it reports prefill its cache served, in words (for "not reported"). */
  readonly cacheReport: string;
  /** The exact setting that lets a browser page's origin through, with `{origin}` to fill. */
  readonly corsSetting: string;
  /** Ports it listens on by default: a hint when a blocked request says nothing else. */
  readonly defaultPorts: readonly number[];
}

const hasKey = (body: unknown, key: string): boolean =>
  typeof body === 'object' && body !== null && key in body;

export const FAMILIES: { readonly [F in ServerFamily]: FamilyAdapter } = {
  vllm: {
    family: 'vllm',
    label: 'vLLM',
    ownedBy: 'vllm',
    probe: null,
    rawCompletions: true,
    multipleChoices: true,
    echo: true,
    minMaxTokens: 0,
    logprobsBeforeTemperature: true,
    maxTopLogprobs: 20,
    chatMaxTokensField: 'max_completion_tokens',
    cacheReport:
      'usage.prompt_tokens_details.cached_tokens, only when started with --enable-prompt-tokens-details',
    corsSetting: 'start vLLM with --allowed-origins \'["{origin}"]\' (its default is "*")',
    defaultPorts: [8000],
  },
  sglang: {
    family: 'sglang',
    label: 'SGLang',
    ownedBy: 'sglang',
    probe: null,
    rawCompletions: true,
    multipleChoices: true,
    echo: true,
    minMaxTokens: 1,
    logprobsBeforeTemperature: false,
    maxTopLogprobs: 20,
    chatMaxTokensField: 'max_tokens',
    cacheReport:
      'usage.prompt_tokens_details.cached_tokens, only when started with --enable-cache-report',
    corsSetting:
      'SGLang allows every origin; a proxy in front of it must send Access-Control-Allow-Origin: {origin}',
    defaultPorts: [30000],
  },
  llamacpp: {
    family: 'llamacpp',
    label: 'llama.cpp (llama-server)',
    ownedBy: 'llamacpp',
    probe: { path: '/props', matches: (body) => hasKey(body, 'total_slots') },
    rawCompletions: true,
    // `n` is bounded by the server's parallel slots (-np): Arbor sends one choice per
    // request and lets the slots take requests in parallel instead.
    multipleChoices: false,
    echo: false,
    minMaxTokens: 1,
    logprobsBeforeTemperature: false,
    maxTopLogprobs: 20,
    chatMaxTokensField: 'max_tokens',
    cacheReport: 'timings.cache_n (newer builds also usage.prompt_tokens_details.cached_tokens)',
    corsSetting: 'start llama-server with --cors-origins {origin} (older builds: no CORS option)',
    defaultPorts: [8080, 9931],
  },
  ollama: {
    family: 'ollama',
    label: 'Ollama',
    ownedBy: null,
    probe: { path: '/api/version', matches: (body) => hasKey(body, 'version') },
    rawCompletions: false,
    multipleChoices: false,
    echo: false,
    minMaxTokens: 1,
    logprobsBeforeTemperature: false,
    maxTopLogprobs: 20,
    chatMaxTokensField: 'max_tokens',
    cacheReport: 'nothing (Ollama reports no cached prefill)',
    corsSetting: 'set OLLAMA_ORIGINS={origin} in the environment Ollama starts in, and restart it',
    defaultPorts: [11434],
  },
  openai: {
    family: 'openai',
    label: 'OpenAI-compatible server',
    ownedBy: null,
    probe: null,
    rawCompletions: false,
    multipleChoices: false,
    echo: false,
    minMaxTokens: 1,
    logprobsBeforeTemperature: false,
    maxTopLogprobs: 5,
    chatMaxTokensField: 'max_tokens',
    cacheReport: 'usage.prompt_tokens_details.cached_tokens, if it sends it',
    corsSetting:
      'let the origin {origin} through in its CORS settings (Access-Control-Allow-Origin)',
    defaultPorts: [],
  },
};

/** The family a server says it is by `owned_by`, or null. */
export function familyByOwner(ownedBy: readonly string[]): ServerFamily | null {
  for (const adapter of Object.values(FAMILIES)) {
    if (adapter.ownedBy !== null && ownedBy.includes(adapter.ownedBy)) return adapter.family;
  }
  return null;
}

/** Families whose default port is `port` (a hint only). */
export function familiesOnPort(port: number): ServerFamily[] {
  return Object.values(FAMILIES)
    .filter((a) => a.defaultPorts.includes(port))
    .map((a) => a.family);
}
