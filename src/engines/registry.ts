import type { EngineDefinition } from './definition';
import { serverEngine } from './server/definition';
import type { ServerEngineSettings } from './server/settings';
import { simulatedEngine } from './simulated/definition';
import type { SimulatedEngineSettings } from './simulated/settings';
import { tinyEngine } from './tiny/definition';
import type { TinyEngineSettings } from './tiny/settings';
import { webLlmEngine } from './webllm/definition';
import type { WebLlmEngineSettings } from './webllm/settings';

/**
 * Every engine, one line each. The first is the default on first load.
 * Adding an engine is its folder (settings, table, definition) plus a line here and a member
 * of {@link EngineSettings}.
 */
export const ENGINES = [simulatedEngine, webLlmEngine, serverEngine, tinyEngine] as const;

/** Which engine writes and scores the steps, with its settings. */
export type EngineSettings =
  SimulatedEngineSettings | WebLlmEngineSettings | ServerEngineSettings | TinyEngineSettings;

/** An engine's kind: `'simulated' | 'webllm' | 'server' | 'tiny'`. */
export type EngineKind = EngineSettings['kind'];

/** The definition of an engine kind. */
export function engineOf<K extends EngineKind>(
  kind: K,
): EngineDefinition<Extract<EngineSettings, { kind: K }>> {
  const found = ENGINES.find((e) => e.kind === kind);
  if (!found) throw new RangeError(`No engine "${kind}"`);
  return found as unknown as EngineDefinition<Extract<EngineSettings, { kind: K }>>;
}

/** The definition of the engine these settings are for. */
export function engineFor(settings: EngineSettings): EngineDefinition<EngineSettings> {
  return engineOf(settings.kind) as unknown as EngineDefinition<EngineSettings>;
}
