/**
 * Column headers and figure names of the CSV exports, in words for spreadsheets (French)
 * — the machine CSV keeps the field names. Part of the one message catalogue.
 */
export const columnWords: Record<string, string> = {
  month: 'Mois',
  vacancies_posted: 'Offres publiées',
  openings_posted: 'Postes ouverts',
  vacancies_open: 'Offres ouvertes en fin de mois',
  vacancies_closed: 'Offres clôturées',
  median_days_to_close: 'Délai médian avant clôture (jours)',
  seekers_active: 'Candidats actifs',
  matches_new: 'Mises en relation',
  matches_accepted: 'Mises en relation acceptées',
  suppressed: 'Non publié (secret statistique)',
  occupation: 'Code ROME',
  label: 'Libellé',
  openVacancies: 'Offres ouvertes',
  seekersInReach: 'Candidats à portée',
  seekersSuppressed: 'Candidats à portée non publiés (moins de 11)',
  ratio: 'Offres par candidat',
  noSeekerInReach: 'Aucun candidat à portée',
  rank: 'Rang',
  skill: 'Code compétence',
  seekersPerVacancy: 'Candidats par offre',
  seekers: 'Candidats',
  forecast: 'Prévision',
  lower80: 'Bas (80 %)',
  upper80: 'Haut (80 %)',
  lower95: 'Bas (95 %)',
  upper95: 'Haut (95 %)',
};

export const yesNo = (value: boolean) => (value ? 'oui' : 'non');
