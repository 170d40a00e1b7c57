import { InvalidCursorError } from '../../ports/store';

/**
 * Opaque page cursors: the query's LastEvaluatedKey, base64url-encoded. On the way in a
 * cursor must have exactly the expected key attributes, all strings, and the partition
 * being listed, so a forged or foreign cursor is a 400, never another owner's page.
 */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  expected: { attributes: string[]; partition: [attribute: string, value: string] },
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded))
    throw new InvalidCursorError();
  const entries = Object.entries(decoded);
  const valid =
    entries.length === expected.attributes.length &&
    entries.every(([name, value]) => expected.attributes.includes(name) && typeof value === 'string') &&
    (decoded as Record<string, string>)[expected.partition[0]] === expected.partition[1];
  if (!valid) throw new InvalidCursorError();
  return decoded as Record<string, string>;
}
