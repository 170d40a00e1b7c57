/** Runs `work` over `items`, at most `width` at a time (bounded fan-out against one table). */
export async function forEachInParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<unknown>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/**
 * Writes without If-Match are last-writer-wins: re-read and write again when another write
 * got in between. Every failed attempt means another writer succeeded, so N writers racing
 * need at most N attempts each; the bound only stops a runaway.
 */
export const lastWriterWinsAttempts = 100;
