/**
 * The web-llm engine: a real model on the user's GPU behind Arbor's StepProposer and
 * StepJudge. Everything here imports `@mlc-ai/web-llm` for its types only; the library itself
 * is loaded lazily by `loader.ts` in a Web Worker.
 */
export type { KvCacheProbe } from '../../core/search/schedule';
export type {
  ChatEngine,
  RequestUsage,
  WebLlmEngine,
  WebLlmEngineOptions,
  WebLlmHooks,
} from './adapter';
export { DEFAULT_ROLLOUT_MAX_STEPS, checkOptions, createWebLlmEngine } from './adapter';
export type { ChatTurn, TaskPrompts } from './conversation';
export {
  GAME24_PROMPTS,
  WORD_PROBLEM_PROMPTS,
  judgeRequest,
  pathConversation,
  rolloutRequest,
  stepRequest,
} from './conversation';
export { STOPPED_MESSAGE, abortError, isAbortError } from './errors';
export { PauseGate } from './gate';
export type { FinishReason } from './kvCache';
export { ConversationCache, TURN_OVERHEAD, approxTokens } from './kvCache';
export type { YesNo } from './logprobs';
export { MissingLogprobsError, judgeFromCompletion, yesNo } from './logprobs';
export type { DraftSink } from './proposer';
