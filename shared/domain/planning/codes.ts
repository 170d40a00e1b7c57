/**
 * The planning vocabulary's codes, each a branded type with one encode and one decode:
 * metrics (one table), cells, counters and marks in a bucket, bucket keys, statistical
 * unit ids, atom ids and counted-entity keys. Nothing outside this module builds or
 * reads them by hand.
 */
import type { Month } from './months';

declare const brand: unique symbol;
type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** The "any sector" / "any occupation" marker of a cell. */
export const all = '*';

// ── Metrics ───────────────────────────────────────────────────────────────────────────

/**
 * Every metric the statistics consumer counts: its code in the buckets, whether it
 * counts persons (then statistical secrecy applies, secrecy.ts), what it is about, and
 * how it is kept: per month, as a per-month histogram (days to close), or in the "now"
 * bucket (current skill supply and demand). The first eight are the published monthly
 * figures, in the order the API lists them.
 */
export const metrics = {
  vacancies_posted: { code: 'vp', persons: false, of: 'vacancies', kept: 'monthly' },
  openings_posted: { code: 'op', persons: false, of: 'vacancies', kept: 'monthly' },
  vacancies_open: { code: 'vo', persons: false, of: 'vacancies', kept: 'monthly' },
  vacancies_closed: { code: 'vc', persons: false, of: 'vacancies', kept: 'monthly' },
  median_days_to_close: { code: 'tc', persons: false, of: 'vacancies', kept: 'histogram' },
  seekers_active: { code: 'sa', persons: true, of: 'seekers', kept: 'monthly' },
  matches_new: { code: 'nm', persons: true, of: 'vacancies', kept: 'monthly' },
  matches_accepted: { code: 'ma', persons: true, of: 'vacancies', kept: 'monthly' },
  skill_demand: { code: 'kd', persons: false, of: 'vacancies', kept: 'now' },
  skill_supply: { code: 'ks', persons: true, of: 'seekers', kept: 'now' },
} as const;
export type Metric = keyof typeof metrics;
export type MetricCode = (typeof metrics)[Metric]['code'];
export type PublishedMetric = {
  [M in Metric]: (typeof metrics)[M]['kept'] extends 'now' ? never : M;
}[Metric];
export type MonthlyMetric = {
  [M in Metric]: (typeof metrics)[M]['kept'] extends 'monthly' ? M : never;
}[Metric];

const metricOfCode = new Map<string, Metric>(
  (Object.keys(metrics) as Metric[]).map((metric) => [metrics[metric].code, metric]),
);

// ── Cells ─────────────────────────────────────────────────────────────────────────────

/** `<sector>|<occupation>` (the occupation slot holds a skill key for skill metrics); `*` = any. */
export type Cell = Brand<string, 'Cell'>;

export const cell = {
  encode: (sector: string, occupation: string) => `${sector}|${occupation}` as Cell,
  decode(value: Cell | string): { sector: string; occupation: string } {
    const [sector = '', occupation = ''] = value.split('|');
    return { sector, occupation };
  },
  /** (*, *) */
  total: `${all}|${all}` as Cell,
  /** A total or a one-way breakdown (never sector × occupation): what person tables publish. */
  isOneWay(value: Cell | string) {
    const { sector, occupation } = cell.decode(value);
    return sector === all || occupation === all;
  },
  /** (*, o) with o given: a per-occupation (or per-skill) cell. */
  isPerOccupation(value: Cell | string) {
    const { sector, occupation } = cell.decode(value);
    return sector === all && occupation !== all;
  },
};

// ── Counters and marks (a bucket's attributes) ──────────────────────────────────────────

/** A bucket attribute holding a count: `<metric code>|<cell>`, or `tc|<cell>|<days>` for the histogram. */
export type Counter = Brand<string, 'Counter'>;

export const counter = {
  encode: (metric: Metric, at: Cell, bin?: number) =>
    (bin === undefined ? `${metrics[metric].code}|${at}` : `${metrics[metric].code}|${at}|${bin}`) as Counter,
  /** The metric, cell and (histogram) bin of an attribute; undefined when it is not a counter. */
  decode(name: string): { metric: Metric; cell: Cell; bin?: number } | undefined {
    const parts = name.split('|');
    const metric = metricOfCode.get(parts[0] ?? '');
    if (!metric || (parts.length !== 3 && parts.length !== 4)) return undefined;
    const at = cell.encode(parts[1] as string, parts[2] as string);
    return parts.length === 4 ? { metric, cell: at, bin: Number(parts[3]) } : { metric, cell: at };
  },
};

/** A bucket attribute left by one step of one entity's change: `m|<entity key>|<part>`. */
export type Mark = Brand<string, 'Mark'>;

export const mark = {
  encode: (entity: EntityKey, part: number) => `m|${entity}|${part}` as Mark,
  is: (name: string) => name.startsWith('m|'),
};

// ── Bucket keys ───────────────────────────────────────────────────────────────────────

/** The "now" bucket holds current skill supply and demand, not a month. */
export const nowBucket = 'now';
export type BucketMonth = Month | typeof nowBucket;

/** One unit's bucket of one month (or "now"): `<unit>|<month>`. */
export type BucketKey = Brand<string, 'BucketKey'>;

export const bucketKey = {
  encode: (unit: UnitId | string, month: BucketMonth) => `${unit}|${month}` as BucketKey,
  decode(key: BucketKey | string): { unit: UnitId; month: BucketMonth } {
    const [unit, month] = key.split('|') as [string, string];
    return { unit: unit as UnitId, month };
  },
};

// ── Statistical units and atoms ─────────────────────────────────────────────────────────

/**
 * A statistical unit (units.ts): a commune of 5,000+ people on its own (`C<commune>`),
 * the rest of an EPCI (`E<SIREN>`) or a small commune outside any EPCI (`D<commune>`).
 */
export type UnitId = Brand<string, 'UnitId'>;
export type UnitOf = { kind: 'commune' | 'lone'; commune: string } | { kind: 'epci'; epci: string };

export const unitId = {
  encode: (unit: UnitOf) =>
    (unit.kind === 'epci'
      ? `E${unit.epci}`
      : `${unit.kind === 'commune' ? 'C' : 'D'}${unit.commune}`) as UnitId,
  decode(id: UnitId | string): UnitOf {
    const rest = id.slice(1);
    if (id.startsWith('E')) return { kind: 'epci', epci: rest };
    return { kind: id.startsWith('C') ? 'commune' : 'lone', commune: rest };
  },
};

/** Where person figures are published (atoms.ts): an EPCI (its SIREN) or a lone commune (`D<commune>`). */
export type AtomId = Brand<string, 'AtomId'>;
export type AtomOf = { kind: 'epci'; epci: string } | { kind: 'lone'; commune: string };

export const atomId = {
  encode: (atom: AtomOf) => (atom.kind === 'epci' ? atom.epci : `D${atom.commune}`) as AtomId,
  decode: (id: AtomId | string): AtomOf =>
    id.startsWith('D') ? { kind: 'lone', commune: id.slice(1) } : { kind: 'epci', epci: id },
};

// ── Counted entities ──────────────────────────────────────────────────────────────────

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
