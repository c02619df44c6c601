/**
 * The shipped tiny model in onnxruntime-node: the file is the one the manifest names (sha256),
 * and greedy decoding of held-out puzzles gives the text PyTorch wrote into the manifest.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TinyModel } from './engine';
import { greedyLine } from './greedyLine';
import { readTinyFiles, loadNodeTinyModel } from './testing/nodeModel';
import { tinyTokenizer } from './tokenizer';

const { manifest, bytes } = readTinyFiles();
const tokenizer = tinyTokenizer(manifest);
let model: TinyModel;
beforeAll(async () => {
  model = await loadNodeTinyModel();
});

describe('the tiny model in onnxruntime-node', () => {
  it('is the file the manifest names, within 8 MB', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.sha256);
    expect(bytes.length).toBe(manifest.bytes);
    expect(bytes.length).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('writes the greedy text PyTorch recorded for held-out puzzles', async () => {
    expect(manifest.greedy_checks.length).toBeGreaterThanOrEqual(5);
    for (const check of manifest.greedy_checks) {
      const line = await greedyLine(model.forward, manifest, tokenizer, check.numbers);
      expect(line.steps, check.prompt).toEqual(check.steps);
      for (const s of line.sprm) expect(s > 0 && s < 1).toBe(true);
    }
  });

  it('refuses a character outside its vocabulary and a line longer than its context', async () => {
    expect(() => tokenizer.encode('4 x 6')).toThrow(/"x" is not in its vocabulary/);
    const long = new Array<number>(manifest.shapes.max_len + 1).fill(manifest.format.bos_id);
    await expect(model.forward(long, null)).rejects.toThrow(/exceed/);
  });
});
