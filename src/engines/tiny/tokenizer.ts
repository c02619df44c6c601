/**
 * The tiny model's tokenizer: longest match over the manifest's vocabulary (digits and a few
 * pieces of the step format such as ` = ` and ` (left: `), as scripts/tiny/arbor_tiny/vocab.py.
 */
import type { TinyManifest } from './manifest';

export interface TinyTokenizer {
  /** Token ids; throws on a character the vocabulary lacks. */
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
  /** The ids a prompt for these numbers starts with: BOS, the numbers, a newline. */
  prompt(numbers: readonly number[]): number[];
}

export function tinyTokenizer(manifest: TinyManifest): TinyTokenizer {
  const { bos_id: bos, pad_id: pad } = manifest.format;
  const pieces = manifest.vocab
    .map((text, id) => ({ text, id }))
    .filter(({ id }) => id !== bos && id !== pad)
    .sort((x, y) => y.text.length - x.text.length);
  const encode = (text: string): number[] => {
    const out: number[] = [];
    let i = 0;
    while (i < text.length) {
      const hit = pieces.find((p) => text.startsWith(p.text, i));
      if (hit === undefined) {
        throw new Error(`tiny model: ${JSON.stringify(text[i])} is not in its vocabulary`);
      }
      out.push(hit.id);
      i += hit.text.length;
    }
    return out;
  };
  return {
    encode,
    decode: (ids) =>
      ids
        .filter((id) => id !== bos && id !== pad)
        .map((id) => manifest.vocab[id] ?? '')
        .join(''),
    prompt: (numbers) => [bos, ...encode(`${numbers.join(' ')}\n`)],
  };
}
