/**
 * SYNTHETIC data for tests, benchmarks and the demo: plausible seekers and vacancies over the
 * pilot territory (Pyrénées-Atlantiques and Hautes-Pyrénées), homes weighted by commune
 * population, real ROME job titles and skills of each sector's typical occupations, made-up
 * employers. None of it describes real people or employers; every name it shows says SYNTHETIC.
 */

import type { CommuteMode, Shift } from '../../shared/domain/schema-parts';
import type { SeekerProfile } from '../../shared/domain/seeker';
import type { Vacancy } from '../../shared/domain/vacancy';
import type { CommuneRow } from '../../shared/reference/commune-rows';
import { communeLocation } from '../../shared/reference/coordinates';
import communeRows from '../../shared/reference/data/communes.json';
import { type JobTitle, listJobTitles } from '../../shared/reference/job-titles';
import type { SectorSlug } from '../../shared/reference/sectors';
import { skillsOfOccupation } from '../../shared/reference/skill-referential';

export function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pilotCommunes = (communeRows as unknown as CommuneRow[]).filter(
  (row) => (row[4] === '64' || row[4] === '65') && communeLocation(row[0]),
);
const totalPopulation = pilotCommunes.reduce((sum, row) => sum + row[3], 0);

/** Sector shares loosely following the territory's industrial employment (synthetic). */
export const sectorMix: [SectorSlug, number, string[]][] = [
  ['aeronautics', 0.16, ['H2913', 'H2909', 'I1602', 'H3203', 'H1404']],
  ['agrifood', 0.14, ['H2102', 'H3301', 'H2101']],
  ['chemistry', 0.12, ['H2301', 'H1503', 'H1303']],
  ['geoscience', 0.06, ['F1105', 'F1401', 'H1210']],
  ['energy', 0.06, ['H2701', 'I1309']],
  ['metalworking', 0.1, ['H2902', 'H2913', 'H2903']],
  ['logistics', 0.14, ['N1101', 'N1103', 'N4101']],
  ['construction', 0.12, ['F1703', 'F1602', 'F1201']],
  ['health', 0.1, ['J1501', 'J1506']],
];
/** Made-up employers of each sector, for the demo (the words "(SYNTHETIC)" go with every one shown). */
export const syntheticEmployers: Record<string, string[]> = {
  aeronautics: ['Aéro Gaves Usinage', 'Composites du Béarn', 'Hélices Pyrénées Maintenance'],
  agrifood: ['Conserverie de l’Adour', 'Salaisons de la Vallée', 'Maïs Doux du Vic-Bilh'],
  chemistry: ['Chimie Fine de Lacq', 'Polymères du Bassin', 'Soufre et Dérivés du Sud-Ouest'],
  geoscience: ['Géoforages Béarnais', 'Études du Sous-Sol Pyrénéen'],
  energy: ['Énergies du Gave', 'Réseaux Chaleur Bigorre'],
  metalworking: ['Tôlerie Industrielle de l’Ousse', 'Mécanique de Précision Tarbaise', 'Forges du Lavedan'],
  logistics: ['Plateforme Logistique Pau-Pyrénées', 'Transports Bigourdans', 'Entrepôts de l’Adour'],
  construction: ['Bâtiments du Piémont', 'Travaux Publics Béarn-Bigorre'],
  health: ['Clinique des Coteaux', 'Ehpad Les Tilleuls', 'Soins à Domicile du Gave'],
};
export const synthetic = (name: string) => `${name} (SYNTHETIC)`;

const titlesByOccupation = new Map<string, JobTitle[]>();
/** Job titles of an occupation people use (not those marked rarely used), principal titles first. */
export function titlesOf(occupation: string): JobTitle[] {
  let titles = titlesByOccupation.get(occupation);
  if (!titles) {
    titles = listJobTitles()
      .filter((title) => title.occupation === occupation && !title.rare && title.label.length <= 90)
      .sort((a, b) => Number(b.principal) - Number(a.principal));
    titlesByOccupation.set(occupation, titles);
  }
  return titles;
}

/** One of the occupation's titles, the principal one more often than the others. */
export function pickTitle(next: () => number, occupation: string): JobTitle | undefined {
  const titles = titlesOf(occupation);
  return next() < 0.5 ? titles[0] : pick(next, titles);
}

/** A few referential skills of the occupation's fiche (knowledge, the short labels people pick). */
export function pickSkills(next: () => number, occupation: string, max: number) {
  const known = skillsOfOccupation(occupation).filter((skill) => skill.kind === 'knowledge');
  return pickSome(next, known.slice(0, 12), max).map(({ code, label }) => ({ code, label }));
}

export const skillPool = [
  'soudage TIG',
  'soudage MIG MAG',
  'lecture de plans',
  'CACES R489',
  'habilitation électrique',
  'HACCP',
  'usinage CN',
  'composites',
  'contrôle non destructif',
  'anglais technique',
];
export const shiftsPool: Shift[] = ['day', 'morning', 'afternoon', 'night'];

export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

export function pickSome<T>(next: () => number, items: readonly T[], max: number): T[] {
  const count = 1 + Math.floor(next() * max);
  return [...new Set(Array.from({ length: count }, () => pick(next, items)))];
}

/** A commune drawn by population, from the pilot départements or from `pool` (commune rows). */
export function weightedCommune(next: () => number, pool: readonly CommuneRow[] = pilotCommunes): string {
  const total = pool === pilotCommunes ? totalPopulation : pool.reduce((sum, row) => sum + row[3], 0);
  let target = next() * total;
  for (const row of pool) {
    target -= row[3];
    if (target <= 0) return row[0];
  }
  return pool[0]?.[0] ?? '64445';
}

/** Located communes of the given EPCIs (the pilot territory, for the demo history). */
export const locatedCommunesOf = (epcis: readonly string[]) =>
  (communeRows as unknown as CommuneRow[]).filter((row) => epcis.includes(row[5]) && communeLocation(row[0]));

function weightedSector(next: () => number) {
  let target = next();
  for (const entry of sectorMix) {
    target -= entry[1];
    if (target <= 0) return entry;
  }
  return sectorMix[0] as (typeof sectorMix)[number];
}

const at = '2026-11-26T08:00:00.000Z';

export function syntheticSeeker(next: () => number, id: string): SeekerProfile {
  const [sector, , occupations] = weightedSector(next);
  const second = next() < 0.3 ? weightedSector(next)[0] : undefined;
  const mine = pickSome(next, occupations, 2);
  const jobTitles = mine.flatMap((occupation) => pickTitle(next, occupation)?.code ?? []);
  const modes: CommuteMode[] = next() < 0.8 ? ['car'] : [];
  if (next() < 0.35) modes.push('transit');
  if (next() < 0.15) modes.push('bike');
  if (modes.length === 0) modes.push('transit');
  return {
    id,
    sectors: second && second !== sector ? [sector, second] : [sector],
    ...(jobTitles.length ? { jobTitles } : {}),
    occupations: mine,
    skills: mine.flatMap((occupation) => pickSkills(next, occupation, 4)),
    home: { commune: weightedCommune(next) },
    commute: { maxMinutes: pick(next, [15, 20, 30, 30, 40, 45, 60]), modes },
    ...(next() < 0.5 ? { shifts: pickSome(next, shiftsPool, 3) } : {}),
    contact: { channel: 'none' },
    consent: { matching: next() < 0.95, statistics: next() < 0.8 },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export function syntheticVacancy(next: () => number, id: string, owner = 'synthetic-employer'): Vacancy {
  const [sector, , occupations] = weightedSector(next);
  const occupation = pick(next, occupations);
  const title = pickTitle(next, occupation);
  return {
    id,
    owner,
    title: synthetic(title?.label ?? 'Poste'),
    employerName: synthetic(pick(next, syntheticEmployers[sector] ?? ['Entreprise du Bassin'])),
    sector,
    ...(title ? { jobTitle: title.code } : {}),
    occupation,
    skills: pickSkills(next, occupation, 3),
    site: { commune: weightedCommune(next) },
    contract: pick(next, ['CDI', 'CDD', 'interim', 'apprenticeship'] as const),
    openings: 1 + Math.floor(next() * 5),
    shifts: next() < 0.6 ? pickSome(next, shiftsPool, 2) : ['day'],
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}
