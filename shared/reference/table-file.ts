import { readFileSync } from 'node:fs';

/**
 * A reference table read from its JSON file in `data/` at first use instead of being bundled:
 * a function carries only the tables its code reads and pays for parsing one only when a
 * request needs it. infra/bundles.ts copies each file a bundle names (`'communes.json'`) into
 * the bundle's own `data/` folder, where the same relative URL finds it. Mark each call
 * `@__PURE__`, so that a bundle which never reads the table drops its name too.
 */
export function tableFile<T>(file: `${string}.json`): () => T {
  let table: T | undefined;
  return () => {
    table ??= JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as T;
    return table;
  };
}
