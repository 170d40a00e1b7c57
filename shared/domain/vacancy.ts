import * as z from 'zod';
import { findJobTitle } from '../reference/job-titles';
import { communeLabelOf, contractLabel, jobLabel, sectorLabel, shiftLabels } from './labels';
import {
  communeCode,
  distinctList,
  identifier,
  int32,
  isoTimestamp,
  jobTitleCode,
  plainText,
  romeCode,
  sectorSlug,
  shiftName,
  skill,
  skillList,
  upgradeSkills,
  version,
} from './schema-parts';

export const contractType = z.enum(['CDI', 'CDD', 'interim', 'apprenticeship']);
export const vacancyStatus = z.enum(['open', 'closed']);

export const salaryRange = z
  .strictObject({
    min: z.number().nonnegative().max(1_000_000),
    max: z.number().nonnegative().max(1_000_000),
    period: z.enum(['hour', 'month', 'year']),
    currency: z.literal('EUR').default('EUR'),
  })
  .refine((s) => s.min <= s.max, { message: 'field.salaryOrder', path: ['max'] })
  .meta({ description: 'Gross pay range' });

export const coordinates = z
  .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
  .meta({ description: 'WGS 84 coordinates of the site entrance (optional; the commune is used otherwise)' });

const shiftStart = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.clockTime');

/** The shift's own start when it differs from the usual one (commute/shifts.ts); it keeps its usual length. */
export const shiftStarts = z
  .strictObject({
    day: shiftStart.optional(),
    morning: shiftStart.optional(),
    afternoon: shiftStart.optional(),
    night: shiftStart.optional(),
  })
  .meta({
    description: 'Start time (Europe/Paris) per shift, e.g. {"morning":"05:00"}; usual hours otherwise',
  });

export const vacancySite = z.strictObject({ commune: communeCode, coordinates: coordinates.optional() });

/** The job of a vacancy: a title (code OGR), a ROME code, or both when they agree. */
function checkJob(
  job: { jobTitle?: string | undefined; occupation?: string | undefined },
  context: z.RefinementCtx,
) {
  if (!job.jobTitle && !job.occupation) {
    context.addIssue({ code: 'custom', message: 'field.occupationOrTitle', path: ['jobTitle'] });
    return;
  }
  const title = job.jobTitle ? findJobTitle(job.jobTitle) : undefined;
  if (title && job.occupation && title.occupation !== job.occupation)
    context.addIssue({
      code: 'custom',
      message: 'field.jobTitleMismatch',
      params: { expected: title.occupation },
      path: ['occupation'],
    });
}

/** What an employer writes when posting a vacancy. Unknown fields are refused. */
export const vacancyDraft = z
  .strictObject({
    title: plainText(3, 120),
    description: plainText(0, 5_000, { multiline: true }).optional(),
    employerName: plainText(2, 120)
      .optional()
      .meta({ description: 'The name seekers see, e.g. the company or site name' }),
    sector: sectorSlug,
    jobTitle: jobTitleCode.optional(),
    occupation: romeCode.optional(),
    skills: skillList.default([]),
    site: vacancySite,
    contract: contractType,
    openings: int32(1, 500),
    shifts: distinctList(shiftName, 4)
      .min(1)
      .default(['day'])
      .meta({ description: 'Shifts worked; a vacancy that states none is a day job (08:00–17:00)' }),
    shiftStarts: shiftStarts.optional(),
    salary: salaryRange.optional(),
    startDate: z.iso.date().max(10).optional(),
  })
  .superRefine(checkJob)
  .meta({ id: 'VacancyDraft' });
export type VacancyDraft = z.output<typeof vacancyDraft>;

/**
 * A PATCH body (JSON Merge Patch, RFC 7396): fields present replace, `null` removes an
 * optional field. The merged result is validated again as a whole draft.
 */
export const vacancyPatch = z
  .strictObject({
    title: vacancyDraft.shape.title,
    description: vacancyDraft.shape.description.nullable(),
    employerName: vacancyDraft.shape.employerName.nullable(),
    sector: vacancyDraft.shape.sector,
    jobTitle: vacancyDraft.shape.jobTitle.nullable(),
    occupation: vacancyDraft.shape.occupation.nullable(),
    skills: skillList,
    site: vacancyDraft.shape.site,
    contract: vacancyDraft.shape.contract,
    openings: vacancyDraft.shape.openings,
    shifts: distinctList(shiftName, 4).min(1).nullable(),
    shiftStarts: shiftStarts.nullable(),
    salary: vacancyDraft.shape.salary.nullable(),
    startDate: vacancyDraft.shape.startDate.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'field.patchEmpty')
  .meta({ id: 'VacancyPatch' });
export type VacancyPatch = z.output<typeof vacancyPatch>;

/** A checked draft as stored: its job always carries the ROME code (the title's when only a title was given). */
export function vacancyOfDraft(
  draft: VacancyDraft,
): Omit<Vacancy, 'id' | 'owner' | 'status' | 'version' | 'createdAt' | 'updatedAt'> {
  const occupation = draft.occupation ?? findJobTitle(draft.jobTitle ?? '')?.occupation;
  if (!occupation) throw new Error('vacancyOfDraft: the draft has neither a known job title nor a ROME code');
  return { ...draft, occupation };
}

/** The version of the stored shape: 2 adds job titles, referential skills and stated day shifts. */
export const vacancySchemaVersion = 2;

/** A vacancy as stored and answered: the job always has its ROME code, the shifts are stated. */
export const vacancy = z
  .object({
    title: z.string().max(120),
    description: z.string().max(5_000).optional(),
    employerName: z.string().max(120).optional(),
    sector: sectorSlug,
    jobTitle: z.string().max(6).optional(),
    occupation: z.string().max(5),
    skills: z.array(skill).max(30),
    site: z.object({ commune: z.string().max(5), coordinates: coordinates.optional() }),
    contract: contractType,
    openings: int32(1, 500),
    shifts: z.array(shiftName).min(1).max(4),
    shiftStarts: shiftStarts.optional(),
    salary: salaryRange.optional(),
    startDate: z.string().max(10).optional(),
    id: identifier,
    owner: identifier,
    status: vacancyStatus,
    version,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    closedAt: isoTimestamp.optional(),
  })
  .meta({ id: 'StoredVacancy' });
export type Vacancy = z.output<typeof vacancy>;

/** A vacancy as answered: codes, and their French names beside them. */
export const vacancyView = vacancy
  .extend({
    labels: z
      .object({
        sector: z.string().max(200),
        occupation: z.string().max(250).meta({ description: 'The job title, else the ROME fiche label' }),
        commune: z.string().max(120),
        contract: z.string().max(40),
        shifts: z.array(z.string().max(40)).max(4),
      })
      .meta({ description: 'French names of the codes of this vacancy' }),
  })
  .meta({ id: 'Vacancy' });
export type VacancyView = z.output<typeof vacancyView>;

export const toVacancyView = (v: Vacancy): VacancyView => ({
  ...v,
  labels: {
    sector: sectorLabel(v.sector),
    occupation: jobLabel(v),
    commune: communeLabelOf(v.site.commune),
    contract: contractLabel(v.contract),
    shifts: shiftLabels(v.shifts),
  },
});

/**
 * Reads a stored vacancy of any schema version as the current shape: version 1 kept skills
 * as plain texts and left day jobs without shifts.
 */
export function upgradeVacancy(stored: Record<string, unknown>): Vacancy {
  const { schemaVersion, ...rest } = stored;
  if (schemaVersion === vacancySchemaVersion) return rest as Vacancy;
  return {
    ...(rest as Vacancy),
    skills: upgradeSkills(rest.skills as unknown[] | undefined),
    shifts: (rest.shifts as Vacancy['shifts'] | undefined) ?? ['day'],
  };
}
