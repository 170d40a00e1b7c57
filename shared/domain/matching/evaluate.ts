import type { CommuteMiss, ReasonCode, ReasonParams } from '../../messages/reasons';
import type { TravelTime } from '../../ports/travel-time';
import { findOccupation, occupationDomain, parentFiche } from '../../reference/occupations';
import type { CommuteEstimate } from '../commute/estimator';
import { shiftTimes } from '../commute/shifts';
import { jobLabel, sectorLabel, seekerJobLabels } from '../labels';
import type { Located } from '../locate';
import type { CommuteMode, Shift, Skill } from '../schema-parts';
import type { MatchableSeeker } from '../seeker';
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

/**
 * One criterion, as data: whether it is met, the code of its sentence in the message
 * catalogue (shared/messages/reasons.ts) and the params that sentence needs.
 */
export type CriterionResult = {
  [K in ReasonCode]: {
    criterion: Criterion;
    met: boolean;
    code: K;
    params: ReasonParams[K];
    points?: number;
    maxPoints?: number;
  };
}[ReasonCode];

export interface CommuteChoice {
  mode: CommuteMode;
  minutes: number;
  distanceKm: number;
  shift: Shift;
  method: CommuteEstimate['method'];
  warnings: CommuteEstimate['warnings'];
  /** The vehicles there and back, when the commute comes from a timetable. */
  trips?: ShiftTripsView;
}

export type Evaluation =
  | {
      fits: true;
      score: number;
      explanation: CriterionResult[];
      commute: CommuteChoice;
      skills: { matched: Skill[]; missing: Skill[] };
    }
  | { fits: false; explanation: CriterionResult[] };

/** Score weights (0–100 in all); occupation points fall with distance in the ROME tree. */
export const weights = { occupation: 40, skills: 35, commute: 20, contract: 5 } as const;
export const occupationPoints = { same: 40, sameParent: 30, sameDomain: 20, other: 0 } as const;

export interface MatchSides {
  vacancy: Vacancy;
  site: Located;
  seeker: MatchableSeeker;
  home: Located;
}

const reason = <K extends ReasonCode>(
  criterion: Criterion,
  met: boolean,
  code: K,
  params: ReasonParams[K],
  points?: { points: number; maxPoints: number },
) => ({ criterion, met, code, params, ...points }) as CriterionResult;

/**
 * Does this seeker fit this vacancy, and how well? Hard filters first (sector, open,
 * consent, shifts, commute); then a 0–100 score from occupation, skills, commute margin
 * and contract. Every criterion is explained with its numbers, met or missed.
 */
export async function evaluateMatch(sides: MatchSides, travel: TravelTime): Promise<Evaluation> {
  const { vacancy, seeker } = sides;
  const explanation: CriterionResult[] = [];
  const fail = (result: CriterionResult): Evaluation => {
    explanation.push(result);
    return { fits: false, explanation };
  };

  const sector = sectorLabel(vacancy.sector);
  if (!seeker.sectors.includes(vacancy.sector))
    return fail(
      reason('sector', false, 'sector.mismatch', { sector, wanted: seeker.sectors.map(sectorLabel) }),
    );
  explanation.push(reason('sector', true, 'sector.match', { sector }));
  if (vacancy.status !== 'open') return fail(reason('open', false, 'vacancy.closed', {}));
  if (!seeker.consent.matching) return fail(reason('consent', false, 'consent.missing', {}));

  const shifts = candidateShifts(vacancy.shifts, seeker.shifts);
  if (shifts.length === 0)
    return fail(
      reason('shifts', false, 'shifts.none', { vacancy: vacancy.shifts, seeker: seeker.shifts ?? [] }),
    );
  if (seeker.shifts) explanation.push(reason('shifts', true, 'shifts.common', { shifts }));

  const limit = seeker.commute.maxMinutes;
  const commute = await bestCommute(sides, shifts, travel);
  if (!commute.choice)
    return fail(reason('commute', false, 'commute.unreachable', { limit, misses: commute.misses }));
  const { choice } = commute;
  const commutePoints = Math.round(weights.commute * (1 - choice.minutes / limit) * 10) / 10;
  explanation.push(
    reason(
      'commute',
      true,
      'commute.within',
      {
        mode: choice.mode,
        minutes: choice.minutes,
        limit,
        shift: choice.shift,
        method: choice.method,
        ...(choice.trips ? { trips: choice.trips } : {}),
      },
      { points: commutePoints, maxPoints: weights.commute },
    ),
  );

  const occupation = occupationFit(vacancy, seeker);
  explanation.push(occupation);

  const skills = compareSkills(vacancy.skills, seeker.skills);
  const required = vacancy.skills.length;
  const skillPoints =
    required === 0
      ? weights.skills
      : Math.round((weights.skills * skills.matched.length * 10) / required) / 10;
  const skillScore = { points: skillPoints, maxPoints: weights.skills };
  explanation.push(
    required === 0
      ? reason('skills', true, 'skills.noneAsked', {}, skillScore)
      : skills.missing.length === 0
        ? reason('skills', true, 'skills.all', { required }, skillScore)
        : reason(
            'skills',
            false,
            'skills.missing',
            { missing: skills.missing.map((s) => s.label), required },
            skillScore,
          ),
  );

  const contractOk = !seeker.contracts || seeker.contracts.includes(vacancy.contract);
  const contractScore = { points: contractOk ? weights.contract : 0, maxPoints: weights.contract };
  explanation.push(
    !seeker.contracts
      ? reason('contract', true, 'contract.noPreference', { contract: vacancy.contract }, contractScore)
      : contractOk
        ? reason('contract', true, 'contract.wanted', { contract: vacancy.contract }, contractScore)
        : reason(
            'contract',
            false,
            'contract.unwanted',
            { contract: vacancy.contract, wanted: seeker.contracts },
            contractScore,
          ),
  );

  const score = Math.round((occupation.points ?? 0) + skillPoints + commutePoints + contractScore.points);
  return { fits: true, score: Math.min(100, score), explanation, commute: choice, skills };
}

/**
 * Shifts to check the commute for: the vacancy's (a vacancy that states none is a day job),
 * those the seeker works too when they say which.
 */
export function candidateShifts(vacancyShifts: Shift[], seekerShifts: Shift[] | undefined): Shift[] {
  return seekerShifts ? vacancyShifts.filter((shift) => seekerShifts.includes(shift)) : vacancyShifts;
}

/**
 * How close the seeker's jobs are to the vacancy's: the same title or ROME 4.0 code, the same
 * ROME 3 parent fiche (e.g. TIG welder and welder), the same domaine professionnel, or none.
 */
function occupationFit(vacancy: Vacancy, seeker: MatchableSeeker): CriterionResult {
  const wanted = jobLabel(vacancy);
  const theirs = seekerJobLabels(seeker);
  const scored = (key: keyof typeof occupationPoints) => ({
    points: occupationPoints[key],
    maxPoints: weights.occupation,
  });
  if (vacancy.jobTitle && seeker.jobTitles?.includes(vacancy.jobTitle))
    return reason('occupation', true, 'occupation.same', { occupation: wanted }, scored('same'));
  if (seeker.occupations.includes(vacancy.occupation))
    return reason(
      'occupation',
      true,
      'occupation.same',
      { occupation: theirs.get(vacancy.occupation) ?? wanted },
      scored('same'),
    );
  const parent = parentFiche(vacancy.occupation);
  const sibling = seeker.occupations.find((code) => parentFiche(code) === parent);
  if (sibling)
    return reason(
      'occupation',
      true,
      'occupation.sameParent',
      {
        wanted,
        offered: theirs.get(sibling) ?? sibling,
        parent: findOccupation(vacancy.occupation)?.parent.label ?? parent,
      },
      scored('sameParent'),
    );
  const domain = occupationDomain(vacancy.occupation);
  const near = seeker.occupations.find((code) => occupationDomain(code) === domain);
  if (near)
    return reason(
      'occupation',
      true,
      'occupation.sameDomain',
      {
        wanted,
        offered: theirs.get(near) ?? near,
        domain: findOccupation(vacancy.occupation)?.domain.label || domain,
      },
      scored('sameDomain'),
    );
  return reason('occupation', false, 'occupation.other', { wanted }, scored('other'));
}

/** The quickest feasible way to work: a mode and a shift for which both trips fit the limit. */
async function bestCommute(sides: MatchSides, shifts: Shift[], travel: TravelTime) {
  const { seeker, home, site, vacancy } = sides;
  const limit = seeker.commute.maxMinutes;
  let choice: CommuteChoice | undefined;
  const misses: CommuteMiss[] = [];
  const imprecise = home.precision !== 'site' || site.precision !== 'site';
  const centroid = home.precision === 'centroid' || site.precision === 'centroid';
  for (const mode of seeker.commute.modes) {
    for (const shift of shifts) {
      const { start, end } = shiftTimes(shift, vacancy.shiftStarts);
      const { outbound, back, trips } = await travel.shift({
        from: home.point,
        to: site.point,
        mode,
        start,
        end,
        imprecise,
        centroid,
        fromCommune: seeker.home.commune,
        toCommune: vacancy.site.commune,
      });
      if (outbound.minutes === null || back.minutes === null) {
        misses.push({ mode, shift, noService: true });
        continue;
      }
      const minutes = Math.max(outbound.minutes, back.minutes);
      if (minutes > limit) {
        misses.push({ mode, shift, minutes });
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
  return { choice, misses };
}
