/**
 * Works around a native memory leak in dynalite 4.0.0 (reported upstream, see README
 * "Local runtime"): its stream shim over LevelDB iterators (db/index.js,
 * createKeyStream / createValueStream) releases an iterator with `iterator.return()`,
 * but abstract-level 3 iterators have `close()` and no `return()`. So no iterator a Query
 * or Scan opens is ever closed: each keeps its native LevelDB iterator (and the snapshot
 * it pins) attached to the database until the process ends, about 50 MB per 1,000 paged
 * queries. Giving the iterator classes the `return()` dynalite calls closes them.
 */
import { createRequire } from 'node:module';

interface ClosableIterator {
  close(): Promise<void>;
  return?: () => Promise<IteratorReturnResult<undefined>>;
}

let applied = false;

export function closeDynaliteIterators(): void {
  if (applied) return;
  applied = true;
  // The abstract-level copy dynalite's LevelDB backends use, wherever npm placed it.
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const level = fromDynalite('abstract-level') as Record<string, { prototype: ClosableIterator }>;
  for (const name of ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator']) {
    const prototype = level[name]?.prototype;
    if (!prototype || prototype.return) continue;
    prototype.return = async function (this: ClosableIterator) {
      await this.close();
      return { done: true, value: undefined };
    };
  }
}
