import { afterAll, beforeAll } from 'vitest';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../infra/local/runtime';
import { apiClient } from './api';

/**
 * Starts a local runtime (in-memory dynalite, random port) for the test file and stops it
 * afterwards. Read `runtime` and `api` inside tests, once beforeAll has run.
 */
export function useLocalRuntime(options: LocalRuntimeOptions | (() => Promise<LocalRuntimeOptions>) = {}) {
  const handle = {} as { runtime: LocalRuntime; api: ReturnType<typeof apiClient> };
  beforeAll(async () => {
    handle.runtime = await startLocalRuntime(typeof options === 'function' ? await options() : options);
    handle.api = apiClient(handle.runtime.url);
  });
  afterAll(() => handle.runtime?.stop());
  return handle;
}
