import { type SeekerProfile, statedProfile } from '../../shared/domain/seeker';
import { seekerProfileInput } from '../../shared/domain/seeker-input';
import { type Vacancy, vacancyDraft, vacancyOfDraft } from '../../shared/domain/vacancy';
/** Valid request bodies used across tests (Pau–Lacq–Tarbes communes, pilot sectors). */
export const welderVacancy = () => ({
  title: 'Soudeur·se TIG aéronautique',
  sector: 'aeronautics',
  occupation: 'H2913',
  skills: ['soudage TIG', 'lecture de plans'],
  site: { commune: '64335' },
  contract: 'CDI',
  openings: 2,
  shifts: ['morning', 'afternoon'],
  salary: { min: 2100, max: 2600, period: 'month' },
  startDate: '2027-01-04',
});

export const paluSeekerProfile = () => ({
  sectors: ['aeronautics', 'metalworking'],
  occupations: ['H2913', 'H2902'],
  skills: ['soudage TIG', 'soudage MIG'],
  home: { commune: '64445' },
  commute: { maxMinutes: 40, modes: ['car', 'transit'] },
  shifts: ['morning', 'afternoon'],
  contact: { channel: 'sms', phone: '+33612345678' },
  consent: { matching: true, statistics: true },
});

const storedAt = '2026-11-26T08:00:00.000Z';

/** A sample vacancy as the store holds it (draft checked, job completed with its ROME code). */
export const storedVacancy = (over: Partial<Vacancy> = {}, draft: object = welderVacancy()): Vacancy => ({
  ...vacancyOfDraft(vacancyDraft.parse(draft)),
  id: 'v1',
  owner: 'acme',
  status: 'open',
  version: 1,
  createdAt: storedAt,
  updatedAt: storedAt,
  ...over,
});

/** A sample profile as the store holds it. */
export const storedSeeker = (
  over: Partial<SeekerProfile> = {},
  input: object = paluSeekerProfile(),
): SeekerProfile => ({
  ...statedProfile(seekerProfileInput.parse(input)),
  id: 's1',
  version: 1,
  createdAt: storedAt,
  updatedAt: storedAt,
  ...over,
});

/** The job titles issue 11's new users typed, and the ROME code each must reach among the first five suggestions. */
export const everydayTitles: [typed: string, code: string][] = [
  ['cariste', 'N1101'],
  ['fraiseur', 'H2903'],
  ['soudeur', 'H2913'],
  ['aide-soignant', 'J1501'],
  ['opérateur commande numérique', 'H2903'],
  ['chaudronnier', 'H2902'],
  ['préparateur de commandes', 'N1103'],
];
