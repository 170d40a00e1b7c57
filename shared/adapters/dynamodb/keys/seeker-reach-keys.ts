import { type Cell, cellId } from '../../../domain/geo';
import { type Shift, shiftName } from '../../../domain/schema-parts';

/** Sort keys are tenths of km, offset so that a projection (which may be negative) stays positive. */
const tenths = (km: number, round: (x: number) => number) =>
  String(Math.max(0, round((km + 20_000) * 10))).padStart(6, '0');

/**
 * The shift partitions a seeker's items sit in: each of theirs, or `any` when they state none
 * or all four (they work every shift: one item, not four read twice by a two-shift vacancy).
 */
export type ShiftClass = Shift | 'any';
export const shiftClassesOf = (shifts: Shift[] | undefined): ShiftClass[] =>
  shifts && shifts.length < shiftName.options.length ? shifts : ['any'];
/** The partitions a vacancy reads: those of its shifts, and the seekers who work any shift. */
export const shiftClassesFor = (vacancyShifts: Shift[]): ShiftClass[] => [...vacancyShifts, 'any'];

/**
 * Reach index, format 2: per (seeker, sector, shift class, direction) one item in the
 * seeker's partition (so erasure takes it). In GSI2 it sits under the sector, the shift
 * class, the cell of the seeker's home at the level that fits their reach, and the
 * direction; the sort key starts with the seeker's reach projected on that direction
 * (geo.ts `seekerProjectionKm`), so a site reads only seekers whose projection reaches it.
 */
export const seekerReachKeys = {
  entity: 'SeekerReach',
  format: 2,
  primary: (seekerId: string, sector: string, shift: ShiftClass, direction: number) => ({
    PK: `SEEKER#${seekerId}`,
    SK: `REACH#${sector}#${shift}#D${direction}`,
  }),
  /** Every reach item of a seeker, of either format, starts with it. */
  sortPrefix: 'REACH#',
  partition: (sector: string, shift: ShiftClass, cell: Cell, direction: number) =>
    `SEEKERS#${sector}#${shift}#${cellId(cell)}#D${direction}`,
  byCell: (
    sector: string,
    shift: ShiftClass,
    cell: Cell,
    direction: number,
    projectionKm: number,
    seekerId: string,
  ) => ({
    GSI2PK: seekerReachKeys.partition(sector, shift, cell, direction),
    GSI2SK: `P${tenths(projectionKm, Math.ceil)}#${seekerId}`,
  }),
  /** Sort keys of seekers whose projection is at least `km`. */
  projectionAtLeast: (km: number) => `P${tenths(km, Math.floor)}`,
  /** Written once every seeker's items are in format 2: then format 1 partitions are no longer read. */
  migrated: { PK: 'META#REACH_INDEX', SK: 'FORMAT' },
} as const;

const reachKey = (km: number) => `R${String(km).padStart(5, '0')}`;

/**
 * Reach index, format 1 (before shifts and directions): one item per (seeker, sector) under
 * the sector and the cell of their home; sort key the reach. Kept to read items written
 * before the migration (`npm run migrate:reach-index`) and to test it.
 */
export const legacyReachKeys = {
  primary: (seekerId: string, sector: string) => ({ PK: `SEEKER#${seekerId}`, SK: `REACH#${sector}` }),
  cellPartition: (sector: string, cell: Cell) => `SEEKERS#${sector}#${cellId(cell)}`,
  byCell: (sector: string, cell: Cell, reachKm: number, seekerId: string) => ({
    GSI2PK: legacyReachKeys.cellPartition(sector, cell),
    GSI2SK: `${reachKey(Math.ceil(reachKm * 10))}#${seekerId}`,
  }),
  reachAtLeast: (km: number) => reachKey(Math.floor(km * 10)),
} as const;
