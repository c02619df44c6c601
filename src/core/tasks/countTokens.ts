/**
 * A stand-in for a model's tokenizer so the simulated engine can count compute: every run of
 * digits, every word and every other non-space character is one token. For `4 + 8 = 12
 * (left: 6 12)` that is 11 tokens, close to what a BPE tokenizer gives for such text.
 */
export function countTokens(text: string): number {
  return text.match(/\d+|[A-Za-z]+|[^\sA-Za-z\d]/g)?.length ?? 0;
}
