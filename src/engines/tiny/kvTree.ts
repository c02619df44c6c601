/**
 * A prefix-tree KV cache for the tiny model, after SGLang's RadixAttention (Zheng et al.,
 * 2024, arXiv 2312.07104): the cache of every line the search touched, keyed by its steps,
 * kept within a memory budget and evicted least recently used first. A line's cursor starts
 * from the longest cached prefix of its path, so expanding or judging a node whose parent is
 * cached prefills only the node's own step. Each entry holds its whole prefix's keys and
 * values (a copy, not shared pages), so the budget counts every entry in full.
 */
import type { KvCacheProbe } from '../../core/search/schedule';
import type { TinyCursor } from './decode';
import { feed, startLine } from './decode';
import type { TinyForward } from './forward';
import type { TinyManifest } from './manifest';
import type { TinyTokenizer } from './tokenizer';

/** A cursor for a path, and how many tokens were prefilled to reach it. */
export interface CursorAt {
  cursor: TinyCursor;
  prefilled: number;
  /** The SPRM score at the path's last step-end token (null for the bare prompt). */
  sprm: number | null;
}

interface Entry {
  steps: readonly string[];
  cursor: TinyCursor;
  sprm: number | null;
  bytes: number;
  used: number;
}

/** Bytes an entry takes: its key/value floats and its logits. */
export function cursorBytes(cursor: TinyCursor): number {
  return cursor.kv.tensors.reduce((s, t) => s + t.byteLength, 0) + cursor.logits.byteLength;
}

/** Also a probe for the cache-aware scheduler (issue 4): it names the line used last. */
export class KvTreeCache implements KvCacheProbe {
  private readonly entries = new Map<string, Entry>();
  private clock = 0;
  private bytesHeld = 0;
  private last: Entry | null = null;
  /** Entries evicted so far. */
  evictions = 0;

  constructor(
    private readonly forward: TinyForward,
    private readonly manifest: TinyManifest,
    private readonly tokenizer: TinyTokenizer,
    /** Most bytes of keys, values and logits kept (entries over it are evicted, LRU). */
    readonly budgetBytes: number,
  ) {}

  /** The forward pass this cache fills (a proposer writes its steps with the same one). */
  get forwardPass(): TinyForward {
    return this.forward;
  }

  /** Bytes held now (never above the budget after a call returns). */
  get bytes(): number {
    return this.bytesHeld;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The steps of the line used last, if it is still held (the scheduler continues it). */
  heldSteps(): readonly string[] | null {
    return this.last?.steps ?? null;
  }

  /** Whether the cursor after this path is cached (does not count as a use). */
  has(numbers: readonly number[], steps: readonly string[]): boolean {
    return this.entries.has(keyOf(numbers, steps));
  }

  /** The cursor after the prompt and `steps`, prefilling only what no cached prefix covers. */
  async cursor(numbers: readonly number[], steps: readonly string[]): Promise<CursorAt> {
    let k = steps.length;
    let hit: Entry | undefined;
    for (; k >= 0; k--) {
      hit = this.entries.get(keyOf(numbers, steps.slice(0, k)));
      if (hit) break;
    }
    let prefilled = 0;
    let cursor: TinyCursor;
    let sprm: number | null = null;
    if (hit) {
      hit.used = ++this.clock;
      this.last = hit;
      cursor = hit.cursor;
      sprm = hit.sprm;
    } else {
      k = 0;
      cursor = await startLine(this.forward, this.tokenizer, numbers, this.manifest.vocab.length);
      prefilled += this.tokenizer.prompt(numbers).length;
      this.put(numbers, [], cursor, null);
    }
    for (let i = k; i < steps.length; i++) {
      const ids = this.tokenizer.encode(`${steps[i] ?? ''}\n`);
      const out = await feed(this.forward, cursor, ids, this.manifest.vocab.length);
      prefilled += ids.length;
      cursor = out.cursor;
      sprm = out.sprm[out.sprm.length - 1] ?? null;
      this.put(numbers, steps.slice(0, i + 1), cursor, sprm);
    }
    return { cursor, prefilled, sprm };
  }

  /** Keeps the cursor after a path (a step just written), evicting to stay in budget. */
  put(
    numbers: readonly number[],
    steps: readonly string[],
    cursor: TinyCursor,
    sprm: number | null,
  ): void {
    const key = keyOf(numbers, steps);
    const old = this.entries.get(key);
    if (old) this.bytesHeld -= old.bytes;
    const bytes = cursorBytes(cursor);
    const entry = { steps: [...steps], cursor, sprm, bytes, used: ++this.clock };
    this.entries.set(key, entry);
    this.last = entry;
    this.bytesHeld += bytes;
    this.evict();
  }

  private evict(): void {
    while (this.bytesHeld > this.budgetBytes && this.entries.size > 0) {
      let oldest: string | null = null;
      let at = Infinity;
      for (const [key, e] of this.entries) {
        if (e.used < at) {
          at = e.used;
          oldest = key;
        }
      }
      if (oldest === null) break;
      const gone = this.entries.get(oldest);
      if (gone === this.last) this.last = null;
      this.bytesHeld -= gone?.bytes ?? 0;
      this.entries.delete(oldest);
      this.evictions++;
    }
  }
}

function keyOf(numbers: readonly number[], steps: readonly string[]): string {
  return [numbers.join(' '), ...steps].join('\n');
}
