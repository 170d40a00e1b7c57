/**
 * The vehicles of a shift's journeys as people read them (times as "05:12"), stored in a
 * match and shown by the API; the message catalogue names them in a sentence
 * (shared/messages/reasons.ts, `tripsText`).
 */
import * as z from 'zod/mini';
import { boundedString } from '../schema-parts';
import { clock, type Journey, type ShiftTrips } from './journeys';

const time = /* @__PURE__ */ (() => boundedString(5))();
const text = /* @__PURE__ */ (() => boundedString(200))();

export const legView = /* @__PURE__ */ (() =>
  z.object({
    line: text,
    mode: z.enum(['tram', 'metro', 'rail', 'bus', 'ferry', 'cable', 'coach', 'other']),
    from: text,
    to: text,
    departure: time,
    arrival: time,
  }))();

export const journeyView = /* @__PURE__ */ (() =>
  z
    .object({
      departure: time
        .clone()
        .register(z.globalRegistry, { description: 'Leaving the door (walk to the stop included)' }),
      arrival: time
        .clone()
        .register(z.globalRegistry, { description: 'At the door (walk from the stop included)' }),
      legs: z.array(legView).check(z.maxLength(10)),
    })
    .register(z.globalRegistry, { id: 'TransitJourney' }))();
export type JourneyView = z.output<typeof journeyView>;

export const shiftTripsView = /* @__PURE__ */ (() =>
  z
    .object({
      outbound: journeyView,
      back: journeyView,
    })
    .register(z.globalRegistry, {
      id: 'ShiftTrips',
      description: 'The trips of a timetable commute: there, and the way back',
    }))();
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

export const viewOfTrips = (trips: ShiftTrips): ShiftTripsView => ({
  outbound: viewOfJourney(trips.outbound),
  back: viewOfJourney(trips.back),
});
