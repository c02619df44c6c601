/**
 * The messages between the page and the tiny model's worker (`worker.ts`). The page keeps the
 * prefix-tree KV cache; each forward pass sends the prefix's KV (copied) and gets the new KV
 * back (transferred), so the worker holds only the onnxruntime session.
 */
import type { TinyKv } from '../forward';
import type { TinyManifest } from '../manifest';

export type ToTinyWorker =
  | {
      type: 'load';
      manifest: TinyManifest;
      /** Absolute URL of the ONNX file. */
      modelUrl: string;
    }
  | { type: 'forward'; id: number; ids: number[]; past: TinyKv | null };

export type FromTinyWorker =
  | { type: 'progress'; fetched: number; total: number | null }
  | { type: 'ready'; backend: string }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; logits: Float32Array; sprm: Float32Array; kv: TinyKv }
  | { type: 'forward-failed'; id: number; message: string };
