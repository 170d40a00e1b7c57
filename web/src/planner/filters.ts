import type { Schemas } from '../api/client';

export type Sector = Schemas['VacancyDraft']['sector'];

/** What the planner is looking at: an area and, optionally, a sector. */
export interface PlannerFilters {
  area: string;
  sector?: Sector | undefined;
}

export const metricNames: [string, string][] = [
  ['vacancies_posted', 'Offres publiées'],
  ['openings_posted', 'Postes ouverts'],
  ['vacancies_open', 'Offres ouvertes en fin de mois'],
  ['vacancies_closed', 'Offres clôturées'],
  ['median_days_to_close', 'Délai médian avant clôture (jours)'],
  ['seekers_active', 'Candidats actifs'],
  ['matches_new', 'Mises en relation'],
  ['matches_accepted', 'Mises en relation acceptées'],
];
