/**
 * The planning vocabulary's codes, each a branded type with one encode and one decode:
 * nothing outside this module builds or reads them by hand.
 */

declare const brand: unique symbol;
type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** The kinds of entity the planning figures count. */
export const countedKinds = { vacancy: 'vacancy', seeker: 'seeker', match: 'match' } as const;
export type CountedKind = keyof typeof countedKinds;

/** A counted entity, as the statistics store keys its contribution record: `V#<id>`, `S#<id>`, `M#<id>`. */
export type EntityKey = Brand<string, 'EntityKey'>;

const entityPrefix = { vacancy: 'V#', seeker: 'S#', match: 'M#' } as const satisfies Record<
  CountedKind,
  string
>;

export const entityKey = {
  encode: (kind: CountedKind, id: string) => `${entityPrefix[kind]}${id}` as EntityKey,
  decode(key: EntityKey): { kind: CountedKind; id: string } {
    for (const kind of Object.keys(entityPrefix) as CountedKind[]) {
      if (key.startsWith(entityPrefix[kind])) return { kind, id: key.slice(entityPrefix[kind].length) };
    }
    throw new Error(`not a counted entity: ${key}`);
  },
  /** A key read back from storage. */
  parse(stored: string): EntityKey {
    entityKey.decode(stored as EntityKey);
    return stored as EntityKey;
  },
};
