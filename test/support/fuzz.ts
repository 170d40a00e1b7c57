import fc from 'fast-check';

/** Requests per property: each route gets this many generated requests. */
export const runs = 1000;

/** Sends requests a few at a time: the local runtime is one process on two cores. */
export async function sendAll<T>(
  items: T[],
  send: (item: T) => Promise<number>,
  concurrency = 16,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < items.length; i += concurrency) {
    statuses.push(...(await Promise.all(items.slice(i, i + concurrency).map(send))));
  }
  return statuses;
}

/** A path segment from any string, even one that is not valid UTF-16. */
export const segment = (text: string) => {
  try {
    return encodeURIComponent(text) || 'x';
  } catch {
    return 'x%ED%A0%80';
  }
};

export const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>',
    '\u0000',
    '\ud800',
    '%00',
    '{}',
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
export const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
  ),
})).value;
