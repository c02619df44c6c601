/** What the UI calls the tiny engine (never "simulated": a real model writes every token). */
export const TINY_ENGINE_LABEL =
  'Tiny model — 0.8M parameters, trained on Game of 24, runs in your browser';

/** Why the tiny model cannot run a task other than Game of 24. */
export const TINY_WORD_PROBLEMS =
  'The tiny model was trained on Game of 24 only: word problems need a larger model (web-llm or a server).';
