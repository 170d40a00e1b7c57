import { routeCacheKeys } from './route-cache-keys';

/**
 * Timetables. Commute items use the route cache's keys (`PK = ROUTE#<from>#<to>`,
 * `SK = transit#tt#<import>`), so the matcher reads them like any cached route; the import
 * in the sort key lets a new import be written beside the current one and switched to at
 * once. The current import's summary is one item; the network (for planners' scenarios)
 * is kept in a few compressed chunks under its import.
 */
export const timetableKeys = {
  commuteEntity: 'TimetableCommute',
  commute: (version: string, from: string, to: string) =>
    routeCacheKeys.primary(`${from}#${to}#transit#tt#${version}`),
  currentEntity: 'TimetableImport',
  current: { PK: 'TIMETABLE', SK: 'CURRENT' },
  networkEntity: 'TimetableNetwork',
  networkPartition: (version: string) => `TIMETABLE#${version}`,
  networkChunk: (version: string, index: number) => ({
    PK: `TIMETABLE#${version}`,
    SK: `NETWORK#${String(index).padStart(4, '0')}`,
  }),
  networkPrefix: 'NETWORK#',
} as const;
