import { InvalidCursorError, type Page } from '../ports/store';
import { ValidationError } from './errors';

/** Runs a paged read; a cursor the store did not issue for this list is the client's error. */
export async function pageOrExplain<T>(read: () => Promise<Page<T>>): Promise<Page<T>> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new ValidationError([{ field: 'cursor', message: 'http.badCursor' }]);
    }
    throw error;
  }
}
