import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const saveEveryMs = 100;

/**
 * Where each consumer of the local change feed has got to: per shard, the sequence number
 * up to which every record is done. One small JSON file per consumer, replaced atomically
 * (write, then rename), and written behind the consumer at most every 100 ms: saving
 * while a save waits only updates what it will write. A crash redelivers what was done
 * since the last save (at least once, as Lambda after a failed checkpoint).
 */
export class CheckpointStore {
  private readonly latest = new Map<string, number[]>();
  private readonly writing = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private flushing = false;

  constructor(private readonly dir: string) {}

  async load(consumer: string): Promise<number[] | undefined> {
    const text = await readFile(this.file(consumer), 'utf8').catch(() => undefined);
    if (!text) return undefined;
    const { shards } = JSON.parse(text) as { shards: number[] };
    return Array.isArray(shards) && shards.every(Number.isInteger) ? shards : undefined;
  }

  save(consumer: string, shards: number[]): void {
    this.latest.set(consumer, [...shards]);
    this.dirty.add(consumer);
    if (!this.writing.has(consumer)) this.writing.set(consumer, this.writeLoop(consumer));
  }

  /** Resolves once every checkpoint saved so far is on disk (without the usual wait). */
  async flush(): Promise<void> {
    this.flushing = true;
    while (this.writing.size > 0) await Promise.all(this.writing.values());
  }

  private async writeLoop(consumer: string) {
    try {
      await mkdir(this.dir, { recursive: true });
      while (this.dirty.delete(consumer)) {
        await new Promise((resolve) => setTimeout(resolve, this.flushing ? 0 : saveEveryMs));
        this.dirty.delete(consumer);
        const file = this.file(consumer);
        await writeFile(`${file}.next`, JSON.stringify({ shards: this.latest.get(consumer) }));
        await rename(`${file}.next`, file);
      }
    } finally {
      this.writing.delete(consumer);
    }
  }

  private file(consumer: string) {
    return join(this.dir, `${consumer}.json`);
  }
}
