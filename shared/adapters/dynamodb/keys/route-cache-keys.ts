/** Cached routes: one item per (from commune, to commune) pair, one sort key per mode and hour band. */
export const routeCacheKeys = {
  entity: 'CachedRoute',
  primary: (key: string) => {
    const [from, to, ...rest] = key.split('#');
    return { PK: `ROUTE#${from}#${to}`, SK: rest.join('#') };
  },
} as const;
