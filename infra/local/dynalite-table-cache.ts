/**
 * dynalite reads a table's description from LevelDB (and decodes its JSON) on every request:
 * ~5 % of the local runtime's CPU under a burst (README "Soak and burst benchmark"). This
 * keeps an ACTIVE table's description in memory until the next write of any description
 * (create, update, delete), which is the only way one changes.
 */
type Callback = (error: Error | null, value?: unknown) => void;

export interface DynaliteTableDb {
  get(key: string, cb: Callback): void;
  put(key: string, value: unknown, cb: Callback): void;
  del(key: string, cb: Callback): void;
  batch?: (...args: unknown[]) => void;
}

export function cacheActiveTables(tableDb: DynaliteTableDb): void {
  const active = new Map<string, unknown>();
  const get = tableDb.get.bind(tableDb);
  tableDb.get = (key, cb) => {
    if (active.has(key)) {
      const table = active.get(key);
      // Answer asynchronously, as LevelDB does: dynalite's callers expect it.
      process.nextTick(() => cb(null, table));
      return;
    }
    // A write that started while this read was under way wins: the result is not cached.
    const generation = writes;
    get(key, (error, table) => {
      const status = (table as { TableStatus?: string } | undefined)?.TableStatus;
      if (!error && status === 'ACTIVE' && generation === writes) active.set(key, table);
      cb(error, table);
    });
  };
  let writes = 0;
  const forgetting =
    <Args extends unknown[]>(write: (...args: Args) => void) =>
    (...args: Args) => {
      writes++;
      active.clear();
      write(...args);
    };
  tableDb.put = forgetting(tableDb.put.bind(tableDb));
  tableDb.del = forgetting(tableDb.del.bind(tableDb));
  if (tableDb.batch) tableDb.batch = forgetting(tableDb.batch.bind(tableDb));
}
