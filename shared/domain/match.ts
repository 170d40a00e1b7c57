import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Language } from '../messages/language';
import { noticeText } from '../messages/notices';
import { reasonText } from '../messages/reasons';
import { communeLabelOf, contractLabel, jobLabel, occupationLabel, sectorLabel, shiftLabels } from './labels';
import { commuteMode, identifier, int32, isoTimestamp, shiftName } from './schema-parts';
import { contactChannel } from './seeker';
import { shiftTripsView } from './transit/trip-view';
import { contractType, type Vacancy, vacancyStatus } from './vacancy';

const criterionName = z.enum([
  'sector',
  'open',
  'consent',
  'shifts',
  'commute',
  'occupation',
  'skills',
  'contract',
]);

/** A criterion as stored: its sentence's code and params (older items kept an English `detail`). */
export const criterionResult = z.object({
  criterion: criterionName,
  met: z.boolean(),
  code: z.string().max(60).optional(),
  params: z.record(z.string().max(40), z.unknown()).optional(),
  detail: z.string().max(500).optional(),
  points: z.number().optional(),
  maxPoints: z.number().optional(),
});

/** A caveat on a commute time: a notice code (and params), or a sentence written by an older version. */
const commuteWarning = z.union([
  z.object({ code: z.string().max(60), params: z.record(z.string().max(40), z.number()).optional() }),
  z.string().max(300),
]);

export const matchCommute = z.object({
  mode: commuteMode,
  minutes: z.number(),
  distanceKm: z.number(),
  shift: shiftName,
  method: z.string().max(40),
  warnings: z.array(commuteWarning).max(10),
  trips: shiftTripsView.optional(),
});

const communeRef = z.object({ code: z.string().max(5), name: z.string().max(100) });
const label = z.string().max(250);

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
      jobTitle: z.string().max(6).optional(),
      occupation: label,
      contract: contractType,
      openings: int32(1, 500),
      shifts: z.array(shiftName).max(4).optional(),
      commune: communeRef,
    }),
    candidate: z.object({
      /** Commune name for communes of 5,000+ people, else the intercommunality: never a small village. */
      area: label,
      commuteBand: label,
      /** Job labels of the seeker (older items kept ROME codes). */
      occupations: z.array(label).max(10),
      skillsMatched: z.array(label).max(30),
      skillsMissing: z.array(label).max(30),
    }),
    /** Only after the seeker accepts: the channel they chose, their phone for SMS, their first name if given. */
    contact: z
      .object({
        channel: contactChannel,
        phone: z.string().max(16).optional(),
        firstName: z.string().max(60).optional(),
      })
      .optional(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'StoredMatch' });
export type Match = z.output<typeof match>;

/** Each criterion as people read it: the stored data and its sentence. */
const explainedCriterion = z.object({
  criterion: criterionName,
  met: z.boolean(),
  code: z.string().max(60).optional(),
  params: z.record(z.string().max(40), z.unknown()).optional(),
  text: z
    .string()
    .max(1000)
    .meta({ description: 'The criterion in words, in the language asked for (French by default)' }),
  points: z.number().optional(),
  maxPoints: z.number().optional(),
});
const explainedCommute = matchCommute.extend({
  warnings: z.array(z.object({ code: z.string().max(60).optional(), text: z.string().max(300) })).max(10),
});
const vacancySummary = match.shape.vacancy.extend({
  labels: z
    .object({
      sector: label,
      occupation: label,
      contract: label,
      commune: label,
      shifts: z.array(label).max(4),
    })
    .meta({ description: 'French names of the codes above' }),
});

/** What a seeker sees of their match. */
export const seekerMatchView = z
  .object({
    id: identifier,
    vacancyId: identifier,
    status: match.shape.status,
    withdrawnReason: label.optional(),
    response: match.shape.response,
    score: match.shape.score,
    explanation: z.array(explainedCriterion).max(10),
    commute: explainedCommute,
    vacancy: vacancySummary,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'SeekerMatch' });

/** The offer page: the match and what the employer wrote about the job; `offer` is null once the vacancy is gone. */
export const seekerOfferView = seekerMatchView
  .extend({
    offer: z
      .object({
        status: vacancyStatus,
        employerName: z.string().max(120).optional(),
        description: z.string().max(5_000).optional(),
        salary: z
          .object({
            min: z.number(),
            max: z.number(),
            period: z.enum(['hour', 'month', 'year']),
            currency: z.literal('EUR'),
          })
          .optional(),
        startDate: z.string().max(10).optional(),
        openings: int32(1, 500),
      })
      .nullable(),
  })
  .meta({ id: 'SeekerOffer' });

export const toSeekerOfferView = (m: Match, vacancy: Vacancy | undefined, language: Language) =>
  seekerOfferView.parse({
    ...toSeekerView(m, language),
    offer: vacancy
      ? {
          status: vacancy.status,
          employerName: vacancy.employerName,
          description: vacancy.description,
          salary: vacancy.salary,
          startDate: vacancy.startDate,
          openings: vacancy.openings,
        }
      : null,
  });

/** What an employer sees of a candidate: anonymised; contact only once accepted. */
export const candidateView = z
  .object({
    id: identifier,
    response: match.shape.response,
    score: match.shape.score,
    explanation: z.array(explainedCriterion).max(10),
    candidate: match.shape.candidate,
    contact: match.shape.contact,
    commute: matchCommute.pick({ mode: true, minutes: true, shift: true }),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'Candidate' });

export const explain = (criteria: Match['explanation'], language: Language) =>
  criteria.map(({ detail, ...criterion }) => ({
    ...criterion,
    text: criterion.code
      ? reasonText(criterion.code, criterion.params, criterion.met, language)
      : (detail ?? reasonText(undefined, undefined, criterion.met, language)),
  }));

export const explainWarnings = (warnings: Match['commute']['warnings'], language: Language) =>
  warnings.map((warning) =>
    typeof warning === 'string'
      ? { text: warning }
      : { code: warning.code, text: noticeText(warning.code, language, warning.params) },
  );

function vacancyInWords(vacancy: Match['vacancy']) {
  return {
    ...vacancy,
    labels: {
      sector: sectorLabel(vacancy.sector),
      occupation: jobLabel(vacancy),
      contract: contractLabel(vacancy.contract),
      commune: communeLabelOf(vacancy.commune.code),
      shifts: shiftLabels(vacancy.shifts ?? ['day']),
    },
  };
}

export const toSeekerView = (m: Match, language: Language): z.output<typeof seekerMatchView> =>
  seekerMatchView.parse({
    ...m,
    withdrawnReason: m.withdrawnReason && noticeText(m.withdrawnReason, language),
    explanation: explain(m.explanation, language),
    commute: { ...m.commute, warnings: explainWarnings(m.commute.warnings, language) },
    vacancy: vacancyInWords(m.vacancy),
  });

export const toCandidateView = (m: Match, language: Language): z.output<typeof candidateView> =>
  candidateView.parse({
    ...m,
    explanation: explain(m.explanation, language),
    // Older items listed ROME codes: show their labels.
    candidate: { ...m.candidate, occupations: m.candidate.occupations.map(occupationLabel) },
    contact: m.response === 'accepted' ? m.contact : undefined,
  });

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
