/**
 * One forward pass of the tiny model over new tokens given the KV cache of the tokens before
 * them, on either onnxruntime (onnxruntime-node in tests and benches, onnxruntime-web in the
 * browser's worker). The runtime is passed in, so this file imports neither.
 */
import type { TinyManifest } from './manifest';

/** The key and value tensors of every layer for a prefix: [1, heads, length, head_dim]. */
export interface TinyKv {
  /** Tokens the cache covers. */
  length: number;
  /** keys then values of layer 0, 1, …: each heads × length × head_dim floats. */
  tensors: Float32Array[];
}

export interface TinyForwardResult {
  /** Next-token logits after each new token: new × vocab floats. */
  logits: Float32Array;
  /** The SPRM head's score at each new token (a step's score is at its step-end token). */
  sprm: Float32Array;
  kv: TinyKv;
}

/** Runs the model on `ids` after the prefix `past` covers (null: from the start). */
export type TinyForward = (
  ids: readonly number[],
  past: TinyKv | null,
) => Promise<TinyForwardResult>;

/** The slice of an onnxruntime module and session this needs (both packages fit it). */
export interface OrtTensorLike {
  readonly data: unknown;
  readonly dims: readonly number[];
}
export interface OrtLike {
  Tensor: new (
    type: 'int64' | 'float32',
    data: BigInt64Array | Float32Array,
    dims: readonly number[],
  ) => OrtTensorLike;
}
export interface OrtSessionLike {
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
}

/** The forward pass on an onnxruntime session of the manifest's model. */
export function ortForward(
  ort: OrtLike,
  session: OrtSessionLike,
  manifest: TinyManifest,
): TinyForward {
  const { layers, heads, head_dim: dim } = manifest.shapes;
  const vocab = manifest.vocab.length;
  return async (ids, past) => {
    const length = past?.length ?? 0;
    if (ids.length === 0) throw new Error('tiny model: a forward pass needs at least one token');
    if (length + ids.length > manifest.shapes.max_len) {
      throw new Error(
        `tiny model: ${String(length + ids.length)} tokens exceed its ${String(manifest.shapes.max_len)}`,
      );
    }
    const feeds: Record<string, OrtTensorLike> = {
      input_ids: new ort.Tensor(
        'int64',
        BigInt64Array.from(ids, (i) => BigInt(i)),
        [1, ids.length],
      ),
    };
    for (let l = 0; l < layers; l++) {
      for (const [k, kind] of ['key', 'value'].entries()) {
        const data = past?.tensors[2 * l + k] ?? new Float32Array(0);
        feeds[`past_${kind}_${String(l)}`] = new ort.Tensor('float32', data, [
          1,
          heads,
          length,
          dim,
        ]);
      }
    }
    const out = await session.run(feeds);
    const read = (name: string): Float32Array => {
      const t = out[name];
      if (t === undefined || !(t.data instanceof Float32Array)) {
        throw new Error(`tiny model: the session gave no float output ${name}`);
      }
      return t.data;
    };
    const logits = read('logits');
    if (logits.length !== ids.length * vocab)
      throw new Error('tiny model: logits of the wrong size');
    const tensors: Float32Array[] = [];
    for (let l = 0; l < layers; l++) {
      tensors.push(read(`present_key_${String(l)}`), read(`present_value_${String(l)}`));
    }
    return { logits, sprm: read('sprm'), kv: { length: length + ids.length, tensors } };
  };
}
