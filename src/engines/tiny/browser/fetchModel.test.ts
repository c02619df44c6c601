import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fetchModelBytes } from './fetchModel';

/**
 * The model file is fetched in chunks with progress, and refused when it is not the file the
 * manifest describes: an HTTP error, a short or long file, another file's hash.
 */

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const sha256 = createHash('sha256').update(bytes).digest('hex');

/** A fetch that answers with `body` in chunks of 300 bytes (or the status). */
function serving(body: Uint8Array, status = 200): typeof fetch {
  return () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 300) controller.enqueue(body.slice(i, i + 300));
        controller.close();
      },
    });
    return Promise.resolve(new Response(status === 200 ? stream : null, { status }));
  };
}

describe('fetchModelBytes', () => {
  it('reports each chunk and returns the bytes when size and hash match', async () => {
    const seen: [number, number][] = [];
    const got = await fetchModelBytes(
      'model.onnx',
      { bytes: 1000, sha256 },
      (f, t) => seen.push([f, t]),
      serving(bytes),
    );
    expect(got).toEqual(bytes);
    expect(seen).toEqual([
      [300, 1000],
      [600, 1000],
      [900, 1000],
      [1000, 1000],
    ]);
  });

  it('names the HTTP status of a failed fetch', async () => {
    await expect(
      fetchModelBytes('model.onnx', { bytes: 1000, sha256 }, () => {}, serving(bytes, 404)),
    ).rejects.toThrow('fetching model.onnx gave HTTP 404');
  });

  it('refuses a file cut short, a longer one and another file', async () => {
    await expect(
      fetchModelBytes('m', { bytes: 1000, sha256 }, () => {}, serving(bytes.slice(0, 900))),
    ).rejects.toThrow('m has 900 bytes, the manifest says 1000');
    await expect(
      fetchModelBytes('m', { bytes: 900, sha256 }, () => {}, serving(bytes)),
    ).rejects.toThrow("m is larger than the manifest's 900 bytes");
    const other = bytes.map((b) => (b + 1) % 256);
    await expect(
      fetchModelBytes('m', { bytes: 1000, sha256 }, () => {}, serving(other)),
    ).rejects.toThrow(`the manifest says ${sha256.slice(0, 12)}…: the file is not the model`);
  });
});
