/** The vacancy form's state, what it sends, and the checks worth making before sending. */
import type { Schemas } from '../api/client';
import type { SkillChoice } from '../ui/reference';
import type { ContractName, ShiftName } from '../words';

type Vacancy = Schemas['Vacancy'];
type Sector = Schemas['VacancyDraft']['sector'];

export interface VacancyFormState {
  title: string;
  employerName: string;
  sector: Sector | '';
  job?: { code: string; text: string; occupation: string } | undefined;
  skills: SkillChoice[];
  commune?: { code: string; text: string } | undefined;
  contract: ContractName;
  openings: string;
  shifts: ShiftName[];
  salaryMin: string;
  salaryMax: string;
  salaryPeriod: 'hour' | 'month' | 'year';
  startDate: string;
  description: string;
}

export const emptyVacancy = (): VacancyFormState => ({
  title: '',
  employerName: '',
  sector: '',
  skills: [],
  contract: 'CDI',
  openings: '1',
  shifts: ['day'],
  salaryMin: '',
  salaryMax: '',
  salaryPeriod: 'month',
  startDate: '',
  description: '',
});

/** A stored vacancy in the form, in words. */
export function formOfVacancy(v: Vacancy): VacancyFormState {
  return {
    title: v.title,
    employerName: v.employerName ?? '',
    sector: v.sector,
    job: { code: v.jobTitle ?? '', text: v.labels.occupation, occupation: v.occupation },
    skills: v.skills.map((s) => (s.code ? { code: s.code, label: s.label } : { label: s.label })),
    commune: { code: v.site.commune, text: v.labels.commune },
    contract: v.contract,
    openings: String(v.openings),
    shifts: v.shifts,
    salaryMin: v.salary ? String(v.salary.min) : '',
    salaryMax: v.salary ? String(v.salary.max) : '',
    salaryPeriod: v.salary?.period ?? 'month',
    startDate: v.startDate ?? '',
    description: v.description ?? '',
  };
}

const number = (text: string) => Number(text.replace(',', '.').replace(/\s/g, ''));

/** The body for POST (and, with `null` for what was emptied, for PATCH). */
export function vacancyBody(form: VacancyFormState) {
  const salary =
    form.salaryMin || form.salaryMax
      ? {
          min: number(form.salaryMin || form.salaryMax),
          max: number(form.salaryMax || form.salaryMin),
          period: form.salaryPeriod,
        }
      : undefined;
  return {
    title: form.title.trim(),
    employerName: form.employerName.trim() || undefined,
    sector: form.sector as Sector,
    ...(form.job?.code ? { jobTitle: form.job.code } : { occupation: form.job?.occupation }),
    skills: form.skills.map((s) => (s.code ? { code: s.code } : s.label)),
    site: { commune: form.commune?.code ?? '' },
    contract: form.contract,
    openings: Number(form.openings),
    shifts: form.shifts,
    salary,
    startDate: form.startDate || undefined,
    description: form.description.trim() || undefined,
  };
}

/** What the person can fix before sending; the API checks everything again. */
export function vacancyFormErrors(form: VacancyFormState): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.title.trim().length < 3) errors.title = 'Donnez un intitulé d’au moins 3 caractères.';
  if (!form.sector) errors.sector = 'Choisissez le secteur.';
  if (!form.job) errors.jobTitle = 'Choisissez le métier dans la liste des suggestions.';
  if (!form.commune) errors['site.commune'] = 'Choisissez la commune dans la liste des suggestions.';
  const openings = Number(form.openings);
  if (!Number.isInteger(openings) || openings < 1 || openings > 500)
    errors.openings = 'Entre 1 et 500 postes.';
  if (form.shifts.length === 0) errors.shifts = 'Cochez au moins un horaire.';
  const min = number(form.salaryMin || form.salaryMax);
  const max = number(form.salaryMax || form.salaryMin);
  if ((form.salaryMin || form.salaryMax) && (!(min >= 0) || !(max >= 0)))
    errors['salary.min'] = 'Un salaire en euros, par exemple 2100.';
  else if (min > max) errors['salary.max'] = 'Le maximum ne doit pas être sous le minimum.';
  return errors;
}
