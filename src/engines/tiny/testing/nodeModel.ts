/** The shipped tiny model on onnxruntime-node, for tests and benches (never the app). */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import type { TinyModel } from '../engine';
import { ortForward } from '../forward';
import { parseTinyManifest } from '../manifest';

const DIR = new URL('../../../../public/models/tiny24/', import.meta.url);

/** The manifest and the ONNX file's bytes, as committed under public/models/tiny24/. */
export function readTinyFiles(): { manifest: ReturnType<typeof parseTinyManifest>; bytes: Buffer } {
  const manifest = parseTinyManifest(
    JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')),
  );
  return { manifest, bytes: readFileSync(new URL(manifest.file, DIR)) };
}

/** Loads the model in onnxruntime-node, one thread. */
export async function loadNodeTinyModel(): Promise<TinyModel> {
  const { manifest, bytes } = readTinyFiles();
  ort.env.logLevel = 'error';
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
  return { manifest, forward: ortForward(ort, session, manifest) };
}
