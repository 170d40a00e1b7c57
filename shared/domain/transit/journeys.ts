/**
 * Journeys between two communes as they are stored (one list per ordered pair for the
 * whole representative day) and the questions a shift asks of them.
 */
import type { TransitMode } from './network';
import { type DoorJourney, legsOf, type PreparedNetwork } from './profile';

/** One vehicle of a journey, readable without the network. */
export interface JourneyLeg {
  line: string;
  mode: TransitMode;
  from: string;
  to: string;
  /** Seconds after midnight of the representative day. */
  departure: number;
  arrival: number;
}

/** Door to door: leave home at `departure`, at the door at `arrival` (seconds), walks included. */
export interface Journey {
  departure: number;
  arrival: number;
  legs: JourneyLeg[];
}

/** Journeys longer than this are never a commute (the longest limit a seeker may state is 120 min). */
export const longestJourneySeconds = 120 * 60;

export function readableJourneys(prepared: PreparedNetwork, found: DoorJourney[]): Journey[] {
  return found
    .filter((journey) => journey.arrival - journey.departure <= longestJourneySeconds)
    .map((journey) => ({
      departure: journey.departure,
      arrival: journey.arrival,
      legs: legsOf(prepared, journey.entry).map((leg) => {
        const line = prepared.network.lines[leg.line];
        return {
          line: line?.name ?? '',
          mode: line?.mode ?? 'other',
          from: prepared.network.stops[leg.from]?.name ?? '',
          to: prepared.network.stops[leg.to]?.name ?? '',
          departure: leg.departure,
          arrival: leg.arrival,
        };
      }),
    }));
}

const day = 24 * 3600;

/** The latest journey at the door by `deadline` (seconds after midnight), earliest departure first in `journeys`. */
export function latestArrivingBy(journeys: Journey[], deadline: number): Journey | undefined {
  let found: Journey | undefined;
  for (const journey of journeys) if (journey.arrival <= deadline) found = journey;
  return found;
}

/** The journey that gets home first among those leaving at `time` or later. */
export function earliestLeavingFrom(journeys: Journey[], time: number): Journey | undefined {
  return journeys.find((journey) => journey.departure >= time);
}

/** Minutes of a shift's journey counted from or to the shift's own time, waiting included. */
export const minutesBetween = (from: number, to: number) => Math.ceil((to - from) / 60);

/** "05:12" for seconds after midnight (past 24:00 wraps to the next morning). */
export function clock(seconds: number): string {
  const minutes = Math.floor((((seconds % day) + day) % day) / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The journeys of a shift: there before it starts, back after it ends. */
export interface ShiftTrips {
  outbound: Journey;
  back: Journey;
}
