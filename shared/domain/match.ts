import { createHash } from 'node:crypto';
import { z } from 'zod';
import { commuteMode, identifier, int32, isoTimestamp, shiftName } from './schema-parts';
import { contactChannel } from './seeker';
import { shiftTripsView } from './transit/trip-view';
import { contractType } from './vacancy';

export const criterionResult = z.object({
  criterion: z.enum(['sector', 'open', 'consent', 'shifts', 'commute', 'occupation', 'skills', 'contract']),
  met: z.boolean(),
  detail: z.string().max(1000),
  points: z.number().optional(),
  maxPoints: z.number().optional(),
});

export const matchCommute = z.object({
  mode: commuteMode,
  minutes: z.number(),
  distanceKm: z.number(),
  shift: shiftName,
  method: z.enum(['estimate', 'amazon-location', 'timetable']),
  warnings: z.array(z.string().max(300)).max(10),
  trips: shiftTripsView.optional(),
});

const communeRef = z.object({ code: z.string().max(5), name: z.string().max(100) });
const label = z.string().max(200);

/** A seeker × vacancy pair that fits, as stored; views below decide who sees what. */
export const match = z
  .object({
    id: identifier,
    vacancyId: identifier,
    seekerId: identifier,
    employerId: identifier,
    status: z.enum(['active', 'withdrawn']),
    withdrawnReason: label.optional(),
    response: z.enum(['pending', 'accepted', 'declined']),
    respondedAt: isoTimestamp.optional(),
    score: int32(0, 100),
    explanation: z.array(criterionResult).max(10),
    commute: matchCommute,
    vacancy: z.object({
      title: label,
      sector: label,
      occupation: label,
      contract: contractType,
      openings: int32(1, 500),
      commune: communeRef,
    }),
    candidate: z.object({
      /** Commune name for communes of 5,000+ people, else the intercommunality: never a small village. */
      area: label,
      commuteBand: label,
      occupations: z.array(label).max(10),
      skillsMatched: z.array(label).max(30),
      skillsMissing: z.array(label).max(30),
    }),
    /** Only after the seeker accepts. */
    contact: z.object({ channel: contactChannel, phone: z.string().max(16).optional() }).optional(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'Match' });
export type Match = z.output<typeof match>;

/** What a seeker sees of their match. */
export const seekerMatchView = match
  .pick({
    id: true,
    vacancyId: true,
    status: true,
    response: true,
    score: true,
    explanation: true,
    commute: true,
    vacancy: true,
    createdAt: true,
    updatedAt: true,
  })
  .meta({ id: 'SeekerMatch' });

/** What an employer sees of a candidate: anonymised; contact only once accepted. */
export const candidateView = match
  .pick({
    id: true,
    response: true,
    score: true,
    explanation: true,
    candidate: true,
    contact: true,
    createdAt: true,
  })
  .extend({ commute: matchCommute.pick({ mode: true, minutes: true, shift: true }) })
  .meta({ id: 'Candidate' });

export const toSeekerView = (m: Match): z.output<typeof seekerMatchView> => seekerMatchView.parse(m);
export const toCandidateView = (m: Match): z.output<typeof candidateView> =>
  candidateView.parse({ ...m, contact: m.response === 'accepted' ? m.contact : undefined });

/** Deterministic and opaque: the same pair always has the same id, which reveals neither side. */
export const matchId = (vacancyId: string, seekerId: string) =>
  createHash('sha256').update(`${vacancyId}\u0000${seekerId}`).digest('base64url').slice(0, 22);

export function commuteBand(minutes: number): string {
  if (minutes <= 15) return '≤ 15 min';
  if (minutes <= 30) return '16–30 min';
  if (minutes <= 45) return '31–45 min';
  if (minutes <= 60) return '46–60 min';
  return '> 60 min';
}
