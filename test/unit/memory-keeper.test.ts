import { afterEach, describe, expect, it, vi } from 'vitest';
import { glibcMallocTrim } from '../../infra/local/malloc-trim';
import { heldOutsideHeap, keepMemory, type MemorySample } from '../../infra/local/memory-keeper';

const MB = 1024 * 1024;

/**
 * A process whose memory the test sets; a collection gives back what V8 pooled, a malloc trim
 * what malloc's arenas hold free.
 */
function fakeProcess(start: { heap: number; outside: number }) {
  const state = { heapTotal: start.heap * MB, outside: start.outside * MB, pooled: 0, freeInArenas: 0 };
  const collections: unknown[] = [];
  const trims: number[] = [];
  return {
    state,
    collections,
    trims,
    sample: (): MemorySample => ({
      heapTotal: state.heapTotal,
      external: 8 * MB,
      rss: state.heapTotal + 8 * MB + state.outside + state.pooled + state.freeInArenas,
    }),
    collect: (options: unknown) => {
      collections.push(options);
      state.pooled = 0;
    },
    trimMalloc: () => {
      trims.push(collections.length);
      state.freeInArenas = 0;
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('the local runtime gives back the heap pages V8 keeps pooled', () => {
  it('counts what is held outside the heap and its buffers', () => {
    expect(heldOutsideHeap({ rss: 500 * MB, heapTotal: 120 * MB, external: 10 * MB })).toBe(370 * MB);
  });

  it('collects only once the pool has grown past the slack, with a last-resort collection', () => {
    const process = fakeProcess({ heap: 100, outside: 120 });
    const keeper = keepMemory({ ...process, slackBytes: 64 * MB, everyMs: 60_000 });
    process.state.pooled = 60 * MB;
    expect(keeper.check()).toBe(false);
    // Heap growth is the heap's: never a reason to collect.
    process.state.heapTotal += 300 * MB;
    expect(keeper.check()).toBe(false);
    process.state.pooled = 70 * MB;
    expect(keeper.check()).toBe(true);
    expect(process.collections).toEqual([{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
    keeper.stop();
  });

  it("gives malloc's free pages back after the collection, so its floor stays where it was", () => {
    vi.useFakeTimers();
    const process = fakeProcess({ heap: 100, outside: 120 });
    const keeper = keepMemory({ ...process, slackBytes: 64 * MB, everyMs: 60_000, settleMs: 500 });
    // LevelDB freed memory inside glibc's arenas: still mapped, nothing live.
    process.state.freeInArenas = 80 * MB;
    expect(keeper.check()).toBe(true);
    // Trimmed once, after the one collection.
    expect(process.trims).toEqual([1]);
    vi.advanceTimersByTime(500);
    // The floor did not rise: the next 65 MB of free arena pages are given back too.
    process.state.freeInArenas = 65 * MB;
    expect(keeper.check()).toBe(true);
    expect(process.trims).toEqual([1, 2]);
    keeper.stop();
  });

  it("finds glibc's malloc_trim on Linux, and it runs", () => {
    const trim = glibcMallocTrim();
    const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
    const glibc = process.platform === 'linux' && Boolean(report.header?.glibcVersionRuntime);
    expect(trim !== undefined).toBe(glibc);
    trim?.();
  });

  it('raises its floor to what a collection could not give back, so it does not collect again and again', () => {
    vi.useFakeTimers();
    const process = fakeProcess({ heap: 100, outside: 120 });
    const keeper = keepMemory({ ...process, slackBytes: 64 * MB, everyMs: 60_000, settleMs: 500 });
    // LevelDB's caches grow for real (not pooled pages): a collection leaves them.
    process.state.outside += 100 * MB;
    expect(keeper.check()).toBe(true);
    vi.advanceTimersByTime(500);
    expect(keeper.check()).toBe(false);
    expect(keeper.check()).toBe(false);
    // Pages pooled again beyond the new floor are given back.
    process.state.pooled = 65 * MB;
    expect(keeper.check()).toBe(true);
    expect(process.collections).toHaveLength(2);
    keeper.stop();
  });

  it('checks on its own, on a timer that does not keep the process alive', () => {
    vi.useFakeTimers();
    const process = fakeProcess({ heap: 100, outside: 120 });
    const keeper = keepMemory({ ...process, slackBytes: 64 * MB, everyMs: 5_000 });
    process.state.pooled = 200 * MB;
    vi.advanceTimersByTime(4_999);
    expect(process.collections).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(process.collections).toHaveLength(1);
    keeper.stop();
    process.state.pooled = 200 * MB;
    vi.advanceTimersByTime(60_000);
    expect(process.collections).toHaveLength(1);
  });

  it('finds V8 collector without --expose-gc, and a last-resort collection runs', () => {
    const keeper = keepMemory({ slackBytes: -Number.MAX_SAFE_INTEGER, everyMs: 60_000 });
    expect(keeper.check()).toBe(true);
    keeper.stop();
  });
});
