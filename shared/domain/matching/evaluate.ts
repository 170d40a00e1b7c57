import type { TravelTime } from '../../ports/travel-time';
import { occupationDomain } from '../../reference/occupations';
import type { CommuteEstimate } from '../commute/estimator';
import { shiftTimes } from '../commute/shifts';
import type { Located } from '../locate';
import type { CommuteMode, Shift } from '../schema-parts';
import type { MatchableSeeker } from '../seeker';
import { clock } from '../transit/journeys';
import { type ShiftTripsView, viewOfTrips } from '../transit/trip-view';
import type { Vacancy } from '../vacancy';
import { compareSkills } from './skills';

export type Criterion =
  | 'sector'
  | 'open'
  | 'consent'
  | 'shifts'
  | 'commute'
  | 'occupation'
  | 'skills'
  | 'contract';

export interface CriterionResult {
  criterion: Criterion;
  met: boolean;
  detail: string;
  points?: number;
  maxPoints?: number;
}

export interface CommuteChoice {
  mode: CommuteMode;
  minutes: number;
  distanceKm: number;
  shift: Shift;
  method: CommuteEstimate['method'];
  warnings: string[];
  /** The vehicles there and back, when the commute comes from a timetable. */
  trips?: ShiftTripsView;
}

export type Evaluation =
  | {
      fits: true;
      score: number;
      explanation: CriterionResult[];
      commute: CommuteChoice;
      skills: { matched: string[]; missing: string[] };
    }
  | { fits: false; explanation: CriterionResult[] };

/** Score weights (0–100 in all). */
export const weights = { occupation: 40, skills: 35, commute: 20, contract: 5 } as const;

export interface MatchSides {
  vacancy: Vacancy;
  site: Located;
  seeker: MatchableSeeker;
  home: Located;
}

/**
 * Does this seeker fit this vacancy, and how well? Hard filters first (sector, open,
 * consent, shifts, commute); then a 0–100 score from occupation, skills, commute margin
 * and contract. Every criterion is explained with its numbers, met or missed.
 */
export async function evaluateMatch(sides: MatchSides, travel: TravelTime): Promise<Evaluation> {
  const { vacancy, seeker } = sides;
  const explanation: CriterionResult[] = [];
  const fail = (criterion: Criterion, detail: string): Evaluation => {
    explanation.push({ criterion, met: false, detail });
    return { fits: false, explanation };
  };

  if (!seeker.sectors.includes(vacancy.sector))
    return fail('sector', `${vacancy.sector} is not among ${seeker.sectors.join(', ')}`);
  explanation.push({ criterion: 'sector', met: true, detail: vacancy.sector });
  if (vacancy.status !== 'open') return fail('open', 'the vacancy is closed');
  if (!seeker.consent.matching) return fail('consent', 'the seeker has not consented to matching');

  const shifts = candidateShifts(vacancy.shifts, seeker.shifts);
  if (shifts.length === 0) {
    return fail(
      'shifts',
      `vacancy shifts ${vacancy.shifts?.join(', ')} ∩ seeker shifts ${seeker.shifts?.join(', ')} is empty`,
    );
  }
  if (vacancy.shifts && seeker.shifts)
    explanation.push({ criterion: 'shifts', met: true, detail: `both work ${shifts.join(', ')}` });

  const commute = await bestCommute(sides, shifts, travel);
  if (!commute.choice) return fail('commute', commute.detail);
  const limit = seeker.commute.maxMinutes;
  const commutePoints = Math.round(weights.commute * (1 - commute.choice.minutes / limit) * 10) / 10;
  explanation.push({
    criterion: 'commute',
    met: true,
    detail: `${commute.choice.mode} ${commute.choice.minutes} min ≤ ${limit} (${commute.choice.shift} shift${commute.choice.method === 'estimate' ? ', estimated' : ''}${commute.choice.trips ? `: ${commute.choice.trips.description}` : ''})`,
    points: commutePoints,
    maxPoints: weights.commute,
  });

  const occupation = occupationPoints(vacancy.occupation, seeker.occupations);
  explanation.push({
    criterion: 'occupation',
    met: occupation.points > 0,
    detail: occupation.detail,
    points: occupation.points,
    maxPoints: weights.occupation,
  });

  const skills = compareSkills(vacancy.skills, seeker.skills);
  const required = vacancy.skills.length;
  const skillPoints =
    required === 0
      ? weights.skills
      : Math.round((weights.skills * skills.matched.length * 10) / required) / 10;
  explanation.push({
    criterion: 'skills',
    met: skills.missing.length === 0,
    detail:
      required === 0
        ? 'no particular skill asked'
        : `skills ${skills.matched.length}/${required}${skills.missing.length ? `: missing ${skills.missing.join(', ')}` : ''}`,
    points: skillPoints,
    maxPoints: weights.skills,
  });

  const contractOk = !seeker.contracts || seeker.contracts.includes(vacancy.contract);
  explanation.push({
    criterion: 'contract',
    met: contractOk,
    detail: seeker.contracts
      ? `${vacancy.contract} ${contractOk ? 'is' : 'is not'} among ${seeker.contracts.join(', ')}`
      : `${vacancy.contract} (no preference stated)`,
    points: contractOk ? weights.contract : 0,
    maxPoints: weights.contract,
  });

  const score = Math.round(
    occupation.points + skillPoints + commutePoints + (contractOk ? weights.contract : 0),
  );
  return { fits: true, score: Math.min(100, score), explanation, commute: commute.choice, skills };
}

/** Shifts to check the commute for: common ones when both state shifts, else the vacancy's, else day work. */
export function candidateShifts(
  vacancyShifts: Shift[] | undefined,
  seekerShifts: Shift[] | undefined,
): Shift[] {
  if (vacancyShifts && seekerShifts) return vacancyShifts.filter((shift) => seekerShifts.includes(shift));
  return vacancyShifts ?? ['day'];
}

function occupationPoints(wanted: string, offered: string[]) {
  if (offered.includes(wanted)) return { points: weights.occupation, detail: `same ROME code ${wanted}` };
  const domain = occupationDomain(wanted);
  const near = offered.find((code) => occupationDomain(code) === domain);
  if (near) return { points: 25, detail: `same ROME domain ${domain} (${near} for ${wanted})` };
  return { points: 0, detail: `${wanted} is not among ${offered.join(', ')}` };
}

/** The quickest feasible way to work: a mode and a shift for which both trips fit the limit. */
async function bestCommute(sides: MatchSides, shifts: Shift[], travel: TravelTime) {
  const { seeker, home, site, vacancy } = sides;
  const limit = seeker.commute.maxMinutes;
  let choice: CommuteChoice | undefined;
  const misses: string[] = [];
  for (const mode of seeker.commute.modes) {
    for (const shift of shifts) {
      const { start, end } = shiftTimes(shift, vacancy.shiftStarts);
      const { outbound, back, trips } = await travel.shift({
        from: home.point,
        to: site.point,
        mode,
        start,
        end,
        imprecise: !home.precise || !site.precise,
        fromCommune: seeker.home.commune,
        toCommune: vacancy.site.commune,
      });
      if (outbound.minutes === null || back.minutes === null) {
        misses.push(`${mode}: no service for the ${shift} shift (${clock(start * 60)}–${clock(end * 60)})`);
        continue;
      }
      const minutes = Math.max(outbound.minutes, back.minutes);
      if (minutes > limit) {
        misses.push(`${mode} ${minutes} min > ${limit}`);
        continue;
      }
      if (!choice || minutes < choice.minutes) {
        choice = {
          mode,
          minutes,
          distanceKm: outbound.distanceKm,
          shift,
          method: outbound.method,
          warnings: outbound.warnings,
          ...(trips ? { trips: viewOfTrips(trips) } : {}),
        };
      }
    }
  }
  return { choice, detail: [...new Set(misses)].join('; ') };
}
