import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** The `handler` export of a function entry file (a path from the route or consumer tables). */
export async function loadHandler<T>(entry: string): Promise<T> {
  const module = await import(pathToFileURL(resolve(projectRoot, entry)).href);
  return module.handler as T;
}
