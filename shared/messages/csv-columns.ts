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
  offers_sent: 'Propositions envoyées',
  offers_answered: 'Réponses aux propositions',
  offers_accepted: 'Propositions acceptées',
  vacancies_offering: 'Offres ayant envoyé des propositions',
  vacancies_first_accepted: 'Offres ayant une première acceptation',
  median_hours_to_first_acceptance: 'Délai médian avant la première acceptation (heures)',
  offers_per_vacancy: 'Propositions envoyées par offre',
  answer_rate: 'Taux de réponse',
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
