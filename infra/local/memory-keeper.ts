/**
 * Gives back the memory V8 and malloc keep for themselves in a long-running local runtime.
 *
 * Measured (README "Soak and burst benchmark"): under paged reads the runtime's RSS grew by
 * hundreds of MB while the JavaScript heap stayed flat. The growth is neither LevelDB nor
 * malloc: it is V8 heap pages of 256 KB marked POOLED, which V8's memory allocator keeps
 * after a GC frees them, for reuse, and only unmaps on memory pressure (a "last resort"
 * collection) or when the process is idle long enough for its memory reducer. A process
 * serving requests without pause is never idle, so the pool tracks the heap's peak and
 * stays. In Lambda a function's life is short and bounded by its memory size; only the
 * local runtime, which runs for days, needs this.
 *
 * The other part is malloc's: LevelDB frees memory inside glibc's per-thread arenas, which glibc
 * keeps mapped (malloc-trim.ts).
 *
 * So: every `everyMs`, if what the process holds beyond the heap V8 reports has grown by more
 * than `slackBytes` over its floor, run one last-resort collection, which releases the pool,
 * then `malloc_trim`, which releases the arenas' free pages (the collection frees native
 * memory too: trimming after it gives that back as well). The floor is what the process held
 * just after the last collection (LevelDB's caches, compiled code), so memory really held never
 * makes it collect over and over.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { glibcMallocTrim, type TrimMalloc } from './malloc-trim';

export interface MemorySample {
  rss: number;
  heapTotal: number;
  external: number;
}

/** The decision, apart from the process: memory held outside V8's own heap and buffers. */
export function heldOutsideHeap(sample: MemorySample): number {
  return sample.rss - sample.heapTotal - sample.external;
}

/** A collection that also gives V8's pool of freed pages back to the system. */
export const lastResortCollection = { type: 'major', execution: 'sync', flavor: 'last-resort' } as const;
type Collect = (options?: typeof lastResortCollection) => void;

/** V8's `gc` function, without `--expose-gc` on the command line (npm start has none). */
export function exposedCollector(): Collect {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as Collect;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as Collect;
}

export interface MemoryKeeper {
  /** One check: collects if over the slack; says whether it did. */
  check(): boolean;
  stop(): void;
}

export function keepMemory(
  options: {
    everyMs?: number;
    slackBytes?: number;
    settleMs?: number;
    sample?: () => MemorySample;
    collect?: Collect;
    /** Gives malloc's free pages back; glibc's malloc_trim by default, none without glibc. */
    trimMalloc?: TrimMalloc;
  } = {},
): MemoryKeeper {
  const slack = options.slackBytes ?? 64 * 1024 * 1024;
  const settleMs = options.settleMs ?? 500;
  const sample = options.sample ?? (() => process.memoryUsage());
  let collect = options.collect;
  const trimMalloc = 'trimMalloc' in options ? options.trimMalloc : glibcMallocTrim();
  let floor = heldOutsideHeap(sample());
  const check = () => {
    if (heldOutsideHeap(sample()) <= floor + slack) return false;
    collect ??= exposedCollector();
    collect(lastResortCollection);
    trimMalloc?.();
    // V8 unmaps the released pages on a background thread: what stays held is read a little later.
    setTimeout(() => {
      floor = heldOutsideHeap(sample());
    }, settleMs).unref();
    return true;
  };
  const timer = setInterval(check, options.everyMs ?? 5_000);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
