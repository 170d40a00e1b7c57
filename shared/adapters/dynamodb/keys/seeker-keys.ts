/**
 * Every key a seeker's items carry. All items that belong to one person share the
 * partition `SEEKER#<id>`, so erasure is one Query plus deletes (no Scan).
 */
export const seekerKeys = {
  entity: 'SeekerProfile',
  partition: (id: string) => `SEEKER#${id}`,
  profile: (id: string) => ({ PK: seekerKeys.partition(id), SK: 'PROFILE' }),
  /** Last activity, by month (GSI3): the retention job finds people inactive for two years without a Scan. */
  activityPartition: (month: string) => `ACTIVE#${month}`,
  activity: (updatedAt: string, id: string) => ({
    GSI3PK: seekerKeys.activityPartition(updatedAt.slice(0, 7)),
    GSI3SK: `${updatedAt}#${id}`,
  }),
  /** Outside the person's partition on purpose: it must survive the erasure it records. */
  tombstone: (id: string) => ({ PK: `TOMBSTONE#${id}`, SK: 'SEEKER' }),
  tombstoneEntity: 'Tombstone',
} as const;
