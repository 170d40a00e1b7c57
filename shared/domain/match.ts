import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { Language } from '../messages/language';
import { noticeText } from '../messages/notices';
import { reasonText } from '../messages/reasons';
import { communeLabelOf, contractLabel, jobLabel, occupationLabel, sectorLabel, shiftLabels } from './labels';
import {
  boundedString,
  commuteMode,
  explainedWarnings,
  identifier,
  int32,
  isoTimestamp,
  shiftName,
} from './schema-parts';
import { contactChannel } from './seeker';
import { shiftTripsView } from './transit/trip-view';
import { contractType, type Vacancy, vacancyStatus } from './vacancy';

const criterionName = /* @__PURE__ */ (() =>
  z.enum(['sector', 'open', 'consent', 'shifts', 'commute', 'occupation', 'skills', 'contract']))();

/** A criterion as stored: its sentence's code and params (older items kept an English `detail`). */
export const criterionResult = /* @__PURE__ */ (() =>
  z.object({
    criterion: criterionName,
    met: z.boolean(),
    code: z.optional(boundedString(60)),
    params: z.optional(z.record(boundedString(40), z.unknown())),
    detail: z.optional(boundedString(500)),
    points: z.optional(z.number()),
    maxPoints: z.optional(z.number()),
  }))();

/** A caveat on a commute time: a notice code (and params), or a sentence written by an older version. */
const commuteWarning = /* @__PURE__ */ (() =>
  z.union([
    z.object({
      code: boundedString(60),
      params: z.optional(z.record(boundedString(40), z.number())),
    }),
    boundedString(300),
  ]))();

export const matchCommute = /* @__PURE__ */ (() =>
  z.object({
    mode: commuteMode,
    minutes: z.number(),
    distanceKm: z.number(),
    shift: shiftName,
    method: boundedString(40),
    warnings: z.array(commuteWarning).check(z.maxLength(10)),
    trips: z.optional(shiftTripsView),
  }))();

const communeRef = /* @__PURE__ */ (() =>
  z.object({
    code: boundedString(5),
    name: boundedString(100),
  }))();
const label = /* @__PURE__ */ (() => boundedString(250))();

/** A seeker × vacancy pair that fits, as stored; views below decide who sees what. */
export const match = /* @__PURE__ */ (() =>
  z
    .object({
      id: identifier,
      vacancyId: identifier,
      seekerId: identifier,
      employerId: identifier,
      status: z.enum(['active', 'withdrawn']),
      withdrawnReason: z.optional(label),
      response: z.enum(['pending', 'accepted', 'declined']),
      respondedAt: z.optional(isoTimestamp),
      score: int32(0, 100),
      explanation: z.array(criterionResult).check(z.maxLength(10)),
      commute: matchCommute,
      vacancy: z.object({
        title: label,
        sector: label,
        jobTitle: z.optional(boundedString(6)),
        occupation: label,
        contract: contractType,
        openings: int32(1, 500),
        shifts: z.optional(z.array(shiftName).check(z.maxLength(4))),
        commune: communeRef,
      }),
      candidate: z.object({
        /** Commune name for communes of 5,000+ people, else the intercommunality: never a small village. */
        area: label,
        commuteBand: label,
        /** Job labels of the seeker (older items kept ROME codes). */
        occupations: z.array(label).check(z.maxLength(10)),
        skillsMatched: z.array(label).check(z.maxLength(30)),
        skillsMissing: z.array(label).check(z.maxLength(30)),
      }),
      /** Only after the seeker accepts: the channel they chose, their phone for SMS, their first name if given. */
      contact: z.optional(
        z.object({
          channel: contactChannel,
          phone: z.optional(boundedString(16)),
          firstName: z.optional(boundedString(60)),
        }),
      ),
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    })
    .register(z.globalRegistry, { id: 'StoredMatch' }))();
export type Match = z.output<typeof match>;

/** Each criterion as people read it: the stored data and its sentence. */
const explainedCriterion = /* @__PURE__ */ (() =>
  z.object({
    criterion: criterionName,
    met: z.boolean(),
    code: z.optional(boundedString(60)),
    params: z.optional(z.record(boundedString(40), z.unknown())),
    text: z.string().check(z.maxLength(1000)).register(z.globalRegistry, {
      description: 'The criterion in words, in the language asked for (French by default)',
    }),
    points: z.optional(z.number()),
    maxPoints: z.optional(z.number()),
  }))();
const explainedCommute = /* @__PURE__ */ (() => z.extend(matchCommute, { warnings: explainedWarnings }))();
const vacancySummary = /* @__PURE__ */ (() =>
  z.extend(match.shape.vacancy, {
    labels: z
      .object({
        sector: label,
        occupation: label,
        contract: label,
        commune: label,
        shifts: z.array(label).check(z.maxLength(4)),
      })
      .register(z.globalRegistry, { description: 'French names of the codes above' }),
  }))();

/** What a seeker sees of their match. */
export const seekerMatchView = /* @__PURE__ */ (() =>
  z
    .object({
      id: identifier,
      vacancyId: identifier,
      status: match.shape.status,
      withdrawnReason: z.optional(label),
      response: match.shape.response,
      score: match.shape.score,
      explanation: z.array(explainedCriterion).check(z.maxLength(10)),
      commute: explainedCommute,
      vacancy: vacancySummary,
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    })
    .register(z.globalRegistry, { id: 'SeekerMatch' }))();

/** The offer page: the match and what the employer wrote about the job; `offer` is null once the vacancy is gone. */
export const seekerOfferView = /* @__PURE__ */ (() =>
  z
    .extend(seekerMatchView, {
      offer: z.nullable(
        z.object({
          status: vacancyStatus,
          employerName: z.optional(boundedString(120)),
          description: z.optional(boundedString(5_000)),
          salary: z.optional(
            z.object({
              min: z.number(),
              max: z.number(),
              period: z.enum(['hour', 'month', 'year']),
              currency: z.literal('EUR'),
            }),
          ),
          startDate: z.optional(boundedString(10)),
          openings: int32(1, 500),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'SeekerOffer' }))();

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
export const candidateView = /* @__PURE__ */ (() =>
  z
    .object({
      id: identifier,
      response: match.shape.response,
      score: match.shape.score,
      explanation: z.array(explainedCriterion).check(z.maxLength(10)),
      candidate: match.shape.candidate,
      contact: match.shape.contact,
      commute: z.pick(matchCommute, { mode: true, minutes: true, shift: true }),
      createdAt: isoTimestamp,
    })
    .register(z.globalRegistry, { id: 'Candidate' }))();

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
