/**
 * glibc's `malloc_trim(0)`, called through koffi (a C FFI with prebuilt binaries: no compiler).
 *
 * Why: LevelDB (under dynalite) allocates on libuv's worker threads, so in glibc's per-thread
 * arenas. Memory it frees in the middle of an arena stays mapped: 30,000 paged Queries grew the
 * arenas from 13 to 88 MB with nothing live in them, and one `malloc_trim(0)` (through gdb) took
 * them from 50 to 8 MB (README "Soak and burst benchmark"). Only the top of an arena is ever
 * returned by itself; `MALLOC_ARENA_MAX=1` moved the same growth into the main arena.
 *
 * Where there is no glibc (macOS, Windows, musl) or koffi cannot load, there is nothing to trim.
 */
import { createRequire } from 'node:module';

export type TrimMalloc = () => void;

export function glibcMallocTrim(): TrimMalloc | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as {
      load(path: string): { func(signature: string): (pad: number) => number };
    };
    const trim = koffi.load('libc.so.6').func('int malloc_trim(size_t pad)');
    return () => void trim(0);
  } catch {
    return undefined;
  }
}
