/** Token pickers for the tiny model: a seeded sample from softmax(logits / temperature). */
import type { Rng } from '../../core/rng';
import type { TokenPicker } from './decode';
import { greedy } from './decode';

/** Samples with `rng` at `temperature` (≤ 0: greedy). */
export function samplePicker(rng: Rng, temperature: number): TokenPicker {
  if (temperature <= 0) return greedy;
  return (logits) => {
    let max = -Infinity;
    for (const x of logits) if (x > max) max = x;
    const weights = Array.from(logits, (x) => Math.exp((x - max) / temperature));
    const total = weights.reduce((a, b) => a + b, 0);
    let u = rng.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u < 0) return i;
    }
    return weights.length - 1;
  };
}
