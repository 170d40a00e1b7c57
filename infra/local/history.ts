/**
 * SYNTHETIC demo history for the pilot territory: what `npm run seed` writes. Nothing in
 * it describes real employers or people. Deterministic for a given seed and end month.
 *
 * Shapes (illustrative, not measured): about 140 vacancies a month, by sector shares of
 * synthetic.ts; agri-food hires for the summer harvest and canning (June–September);
 * construction in spring; logistics before Christmas; aeronautics ramps up ~20 % a year;
 * chemistry eases slowly; everyone posts less in August and December. Vacancies stay
 * open a sector-specific median time (aeronautics and health longest). Seekers join at
 * a growing rate (the platform's adoption) and leave after ~10 months (median).
 */
import { addMonths } from '../../shared/domain/planning/months';
import type { SeekerProfile } from '../../shared/domain/seeker';
import type { Vacancy } from '../../shared/domain/vacancy';
import { pilotTerritory } from '../../shared/reference/territories';
import {
  locatedCommunesOf,
  pick,
  pickSkills,
  pickSome,
  pickTitle,
  prng,
  sectorMix,
  shiftsPool,
  synthetic,
  syntheticEmployers,
  syntheticSeeker,
  weightedCommune,
} from './synthetic';

const day = 86_400_000;
const communes = locatedCommunesOf(pilotTerritory.epcis);

export interface PlannedVacancy {
  vacancy: Vacancy;
  /** When it closes; after the end of the history it stays open. */
  closesAt: string;
}
export interface PlannedSeeker {
  profile: SeekerProfile;
  leavesAt: string;
}

export interface History {
  months: string[];
  vacancies: PlannedVacancy[];
  seekers: PlannedSeeker[];
}

/** Month-of-year factors (index 0 = January). */
const seasonality: Record<string, number[]> = {
  agrifood: [0.7, 0.7, 0.8, 0.9, 1.2, 1.7, 1.9, 1.5, 1.4, 0.9, 0.7, 0.6],
  construction: [0.8, 1, 1.3, 1.4, 1.3, 1.1, 1, 0.6, 1.1, 1, 0.9, 0.5],
  logistics: [0.8, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.7, 1, 1.4, 1.6, 1.2],
};
const everyone = [1, 1, 1.05, 1.05, 1, 1, 0.95, 0.65, 1.1, 1.05, 1, 0.75];
const yearlyTrend: Record<string, number> = { aeronautics: 0.2, chemistry: -0.04, health: 0.05 };
const medianOpenDays: Record<string, number> = {
  aeronautics: 48,
  health: 45,
  metalworking: 38,
  chemistry: 32,
  geoscience: 35,
  energy: 30,
  construction: 28,
  agrifood: 18,
  logistics: 14,
};
const vacanciesPerMonth = 140;

/** A normal draw (Box–Muller) from the uniform generator. */
const normal = (next: () => number) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
/** Count with Poisson-like noise (normal approximation, never negative). */
const noisy = (next: () => number, mean: number) =>
  Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(next)));
const lognormalDays = (next: () => number, median: number, spread = 0.6) =>
  Math.max(1, Math.round(median * Math.exp(spread * normal(next))));

const monthStart = (month: string) => Date.parse(`${month}-01T00:00:00.000Z`);
const uuidOf = (kind: number, n: number) =>
  `5eed0000-0000-4000-${String(8000 + kind).padStart(4, '0')}-${String(n).padStart(12, '0')}`;

export function planHistory(options: {
  months: string[];
  now: Date;
  seed?: number;
  scale?: number;
}): History {
  const scale = options.scale ?? 1;
  const next = prng(options.seed ?? 2026);
  const vacancies: PlannedVacancy[] = [];
  const seekers: PlannedSeeker[] = [];
  const now = options.now.getTime();
  options.months.forEach((month, index) => {
    const start = monthStart(month);
    const calendar = Number(month.slice(5)) - 1;
    const end = Math.min(now, monthStart(addMonths(month, 1)) - 1);
    const at = () => new Date(start + Math.floor(next() * (end - start))).toISOString();
    const years = (index - options.months.length + 1) / 12;
    // The current month has only begun: it gets its share of the month's arrivals, not a spike.
    const elapsed = end < start + 27 * day ? (end - start) / (30 * day) : 1;
    for (const [sector, share, occupations] of sectorMix) {
      const factor =
        (seasonality[sector]?.[calendar] ?? everyone[calendar] ?? 1) *
        (1 + (yearlyTrend[sector] ?? 0)) ** years;
      const expected = vacanciesPerMonth * scale * share * factor * elapsed;
      const employers = syntheticEmployers[sector] ?? ['Entreprise du Bassin'];
      for (let n = noisy(next, expected); n > 0; n--) {
        const createdAt = at();
        const id = uuidOf(1, vacancies.length + 1);
        const occupation = pick(next, occupations);
        const title = pickTitle(next, occupation);
        const employer = Math.floor(next() * employers.length);
        vacancies.push({
          vacancy: {
            id,
            owner: `synthetic-employer-${sector}-${employer + 1}`,
            title: synthetic(title?.label ?? 'Poste'),
            employerName: synthetic(employers[employer] ?? 'Entreprise du Bassin'),
            sector,
            ...(title ? { jobTitle: title.code } : {}),
            occupation,
            skills: pickSkills(next, occupation, 3),
            site: { commune: weightedCommune(next, communes) },
            contract: pick(next, ['CDI', 'CDI', 'CDD', 'interim', 'apprenticeship'] as const),
            openings: 1 + Math.floor(next() * next() * 6),
            shifts: next() < 0.6 ? pickSome(next, shiftsPool, 2) : ['day'],
            status: 'open',
            version: 1,
            createdAt,
            updatedAt: createdAt,
          },
          closesAt: new Date(
            Date.parse(createdAt) + lognormalDays(next, medianOpenDays[sector] ?? 30) * day,
          ).toISOString(),
        });
      }
    }
    // Adoption: from 25 to 75 new profiles a month over the history.
    const arrivals = (25 + (50 * index) / Math.max(1, options.months.length - 1)) * scale * elapsed;
    for (let n = noisy(next, arrivals); n > 0; n--) {
      const createdAt = at();
      const id = `synthetic-seeker-${seekers.length + 1}`;
      const profile = syntheticSeeker(next, id);
      seekers.push({
        profile: {
          ...profile,
          home: { commune: weightedCommune(next, communes) },
          createdAt,
          updatedAt: createdAt,
        },
        leavesAt: new Date(Date.parse(createdAt) + lognormalDays(next, 300, 0.7) * day).toISOString(),
      });
    }
  });
  return { months: options.months, vacancies, seekers };
}
