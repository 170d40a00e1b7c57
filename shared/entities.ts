/**
 * The item kinds that stream consumers, the consumers' filters (infra/consumers.ts), the
 * seeker's export and counting read: each with the name stored in the item's
 * `entity` attribute, the zod schema of the domain object it holds and its key module. The
 * name is written once, in the key module beside the keys; everything else reads it here.
 * Storage-only kinds (planning buckets, timetables, the route cache, team collections)
 * are named in their key modules and read by their stores alone.
 */
import * as z from 'zod/mini';
import { deviceKeys } from './adapters/dynamodb/keys/device-keys';
import { matchKeys } from './adapters/dynamodb/keys/match-keys';
import { offerKeys } from './adapters/dynamodb/keys/offer-keys';
import { seekerKeys } from './adapters/dynamodb/keys/seeker-keys';
import { seekerReachKeys } from './adapters/dynamodb/keys/seeker-reach-keys';
import { vacancyKeys } from './adapters/dynamodb/keys/vacancy-keys';
import { match } from './domain/match';
import { offer } from './domain/offer';
import { type CountedKind, countedKinds } from './domain/planning/codes';
import { seekerProfile, upgradeSeekerProfile } from './domain/seeker';
import { upgradeVacancy, vacancy } from './domain/vacancy';

export interface EntityKind<Name extends string = string, Schema extends z.ZodMiniType = z.ZodMiniType> {
  name: Name;
  schema: Schema;
  /** Reads an item written by an older schema version as the current shape. */
  upgrade?: (stored: Record<string, unknown>) => unknown;
  keys: object;
  /** Counted into the planning figures as this kind (planning/codes.ts). */
  counted?: CountedKind;
}

/** Keeps each entry's own types (its name, schema and what it declares) for the readers. */
const kind = <const Entry extends EntityKind>(entry: Entry): Entry => entry;

export const entities = /* @__PURE__ */ (() =>
  ({
    vacancy: kind({
      name: vacancyKeys.entity,
      schema: vacancy,
      upgrade: upgradeVacancy,
      keys: vacancyKeys,
      counted: countedKinds.vacancy,
    }),
    seekerProfile: kind({
      name: seekerKeys.entity,
      schema: seekerProfile,
      upgrade: upgradeSeekerProfile,
      keys: seekerKeys,
      counted: countedKinds.seeker,
    }),
    match: kind({
      name: matchKeys.entity,
      schema: match,
      keys: matchKeys,
      counted: countedKinds.match,
    }),
    offer: kind({ name: offerKeys.entity, schema: offer, keys: offerKeys }),
    /** A vacancy's wave schedule (notifications/waves.ts): no person's data, only offer ids and counts. */
    offerWaves: kind({
      name: offerKeys.waveEntity,
      schema: z.looseObject({ vacancyId: z.string(), history: z.array(z.looseObject({ wave: z.number() })) }),
      keys: offerKeys,
      counted: countedKinds.offerWaves,
    }),
    device: kind({
      name: deviceKeys.entity,
      schema: z.object({
        id: z.string(),
        platform: z.enum(['android', 'ios']),
        endpoint: z.string(),
        createdAt: z.string(),
      }),
      keys: deviceKeys,
    }),
    seekerReach: kind({
      name: seekerReachKeys.entity,
      schema: z.object({ reachKm: z.number(), profile: z.record(z.string(), z.unknown()) }),
      keys: seekerReachKeys,
    }),
    dailyCount: kind({
      name: offerKeys.dailyCountEntity,
      schema: z.object({ count: z.number() }),
      keys: offerKeys,
    }),
    tombstone: kind({
      name: seekerKeys.tombstoneEntity,
      schema: z.object({ erasedAt: z.string() }),
      keys: seekerKeys,
    }),
  }) as const)();

export type Entities = typeof entities;
export type EntityName = Entities[keyof Entities]['name'];

/** The registry entry of a stored `entity` name, if it is one of these kinds. */
export const entityNamed = (name: unknown): Entities[keyof Entities] | undefined =>
  Object.values(entities).find((entry) => entry.name === name);

/**
 * The kinds held about one person that the seeker's export lists under their own name, by the
 * name stored in their items (the other kinds of the seeker's partition go under `other`).
 * Names only: the export reads items as they were written and builds none of their schemas.
 */
export const exportedKinds = {
  profile: seekerKeys.entity,
  matches: matchKeys.entity,
  offers: offerKeys.entity,
  devices: deviceKeys.entity,
  matchingIndex: seekerReachKeys.entity,
  messageCounters: offerKeys.dailyCountEntity,
  erasure: seekerKeys.tombstoneEntity,
} as const;

export const exportedNames: ReadonlySet<string> = /* @__PURE__ */ (() =>
  new Set(Object.values(exportedKinds)))();
