/**
 * The server engine: any OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama) behind
 * Arbor's StepProposer and StepJudge. Pure modules: `fetch` is the only platform call, and it
 * may be injected.
 */
export type { ConnectOptions, Fetch, GenerateOptions, ReplySource, ServerModel } from './client';
export { ServerClient, normaliseBaseUrl } from './client';
export type { ServerEngine, ServerEngineOptions, ServerHooks } from './engine';
export { createServerEngine } from './engine';
export {
  CorsBlockedError,
  ServerBusyError,
  ServerError,
  ServerHttpError,
  ServerLogprobsError,
  ServerResponseError,
  ServerStreamCutError,
  ServerTimeoutError,
  ServerUnreachableError,
} from './errors';
export type { FamilyAdapter, ServerFamily } from './families';
export { FAMILIES, SERVER_FAMILIES } from './families';
export type { FlightSpan } from './limiter';
export { inFlightOverTime } from './limiter';
export type { PromptFormat } from './prompts';
export type { ServerDraftSink } from './proposer';
export type { RecordedReply, ServerRecording } from './recording';
export { cachedShare } from './cachedShare';
export { NotInRecordingError, replaySource, requestKey, serverRecordingSchema } from './recording';
export type { ServerEngineSettings } from './settings';
export { DEFAULT_SERVER_ENGINE, SERVER_TABLE, checkServerSettings } from './settings';
