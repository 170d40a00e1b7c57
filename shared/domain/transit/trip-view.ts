/**
 * The vehicles of a shift's journeys as people read them (times as "05:12"), stored in a
 * match and shown by the API, and the French sentence that names them:
 * "TER 05:12 Mourenx → Lacq, arrivée 05:31 ; retour 14:07".
 */
import { z } from 'zod';
import { clock, type Journey, type ShiftTrips } from './journeys';

const time = z.string().max(5);
const text = z.string().max(200);

export const legView = z.object({
  line: text,
  mode: z.enum(['tram', 'metro', 'rail', 'bus', 'ferry', 'cable', 'coach', 'other']),
  from: text,
  to: text,
  departure: time,
  arrival: time,
});

export const journeyView = z
  .object({
    departure: time.meta({ description: 'Leaving the door (walk to the stop included)' }),
    arrival: time.meta({ description: 'At the door (walk from the stop included)' }),
    legs: z.array(legView).max(10),
  })
  .meta({ id: 'TransitJourney' });
export type JourneyView = z.output<typeof journeyView>;

export const shiftTripsView = z
  .object({
    outbound: journeyView,
    back: journeyView,
    description: z
      .string()
      .max(600)
      .meta({ description: 'In French, e.g. "TER 05:12 Mourenx → Lacq, arrivée 05:31 ; retour 14:07"' }),
  })
  .meta({ id: 'ShiftTrips', description: 'The trips of a timetable commute: there, and the way back' });
export type ShiftTripsView = z.output<typeof shiftTripsView>;

export const viewOfJourney = (journey: Journey): JourneyView => ({
  departure: clock(journey.departure),
  arrival: clock(journey.arrival),
  legs: journey.legs.map((leg) => ({
    line: leg.line,
    mode: leg.mode,
    from: leg.from,
    to: leg.to,
    departure: clock(leg.departure),
    arrival: clock(leg.arrival),
  })),
});

export function viewOfTrips(trips: ShiftTrips): ShiftTripsView {
  const outbound = viewOfJourney(trips.outbound);
  const back = viewOfJourney(trips.back);
  return { outbound, back, description: describeTrips({ outbound, back }) };
}

/** "TER 05:12 Mourenx → Lacq, arrivée 05:31", with ", puis …" for each change. */
export function describeJourney(journey: JourneyView): string {
  const legs = journey.legs
    .map((leg) => `${leg.line} ${leg.departure} ${leg.from} → ${leg.to}`)
    .join(', puis ');
  return `${legs}, arrivée ${journey.legs[journey.legs.length - 1]?.arrival ?? journey.arrival}`;
}

/** "TER 05:12 Mourenx → Lacq, arrivée 05:31 ; retour 14:07". */
export const describeTrips = (trips: Pick<ShiftTripsView, 'outbound' | 'back'>) =>
  `${describeJourney(trips.outbound)} ; retour ${trips.back.legs[0]?.departure ?? trips.back.departure}`;
