import type { TinyLoadState } from '../engines/tiny/session';

/** The tiny model's loading as the Engine settings show it (engines/tiny/session.ts). */
export interface TinySlice {
  tinyLoad: TinyLoadState;
}

export const createTinySlice = (): TinySlice => ({ tinyLoad: { phase: 'idle' } });
