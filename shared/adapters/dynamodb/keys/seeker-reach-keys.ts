import { type Cell, cellId } from '../../../domain/geo';

const reachKey = (km: number) => `R${String(km).padStart(5, '0')}`;

/**
 * Reach index: one item per (seeker, sector) in the seeker's partition (so erasure takes
 * it), in GSI2 under the sector and the cell of the seeker's home at the level that fits
 * their reach; the sort key starts with the reach (tenths of km), so a query can skip
 * seekers who cannot travel as far as the vacancy is from their cell.
 */
export const seekerReachKeys = {
  entity: 'SeekerReach',
  primary: (seekerId: string, sector: string) => ({ PK: `SEEKER#${seekerId}`, SK: `REACH#${sector}` }),
  sortPrefix: 'REACH#',
  cellPartition: (sector: string, cell: Cell) => `SEEKERS#${sector}#${cellId(cell)}`,
  byCell: (sector: string, cell: Cell, reachKm: number, seekerId: string) => ({
    GSI2PK: seekerReachKeys.cellPartition(sector, cell),
    GSI2SK: `${reachKey(Math.ceil(reachKm * 10))}#${seekerId}`,
  }),
  /** Sort keys of seekers whose reach is at least `km`. */
  reachAtLeast: (km: number) => reachKey(Math.floor(km * 10)),
} as const;
