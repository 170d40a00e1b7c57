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

/** The offer figures of the indicators table (not forecast), each with how it reads. */
export const offerFigureNames: [string, string, 'count' | 'ratio' | 'percent'][] = [
  ['offers_sent', 'Propositions envoyées', 'count'],
  ['vacancies_offering', 'Offres ayant envoyé des propositions', 'count'],
  ['offers_per_vacancy', 'Propositions envoyées par offre', 'ratio'],
  ['offers_answered', 'Réponses aux propositions', 'count'],
  ['answer_rate', 'Taux de réponse (%)', 'percent'],
  ['offers_accepted', 'Propositions acceptées', 'count'],
  ['vacancies_first_accepted', 'Offres ayant une première acceptation', 'count'],
  ['median_hours_to_first_acceptance', 'Délai médian avant la première acceptation (heures)', 'count'],
];
