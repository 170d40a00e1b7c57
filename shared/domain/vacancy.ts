import * as z from 'zod/mini';
import { findJobTitle } from '../reference/job-titles';
import { communeLabelOf, contractLabel, jobLabel, sectorLabel, shiftLabels } from './labels';
import {
  boundedString,
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

export const contractType = /* @__PURE__ */ (() => z.enum(['CDI', 'CDD', 'interim', 'apprenticeship']))();
export const vacancyStatus = /* @__PURE__ */ (() => z.enum(['open', 'closed']))();

export const salaryRange = /* @__PURE__ */ (() =>
  z
    .strictObject({
      min: z.number().check(z.nonnegative(), z.maximum(1_000_000)),
      max: z.number().check(z.nonnegative(), z.maximum(1_000_000)),
      period: z.enum(['hour', 'month', 'year']),
      currency: z._default(z.literal('EUR'), 'EUR'),
    })
    .check(z.refine((s) => s.min <= s.max, { message: 'field.salaryOrder', path: ['max'] }))
    .register(z.globalRegistry, { description: 'Gross pay range' }))();

export const coordinates = /* @__PURE__ */ (() =>
  z
    .strictObject({
      lat: z.number().check(z.minimum(-90), z.maximum(90)),
      lon: z.number().check(z.minimum(-180), z.maximum(180)),
    })
    .register(z.globalRegistry, {
      description: 'WGS 84 coordinates of the site entrance (optional; the commune is used otherwise)',
    }))();

const shiftStart = /* @__PURE__ */ (() =>
  z.string().check(z.maxLength(5), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.clockTime')))();

/** The shift's own start when it differs from the usual one (commute/shifts.ts); it keeps its usual length. */
export const shiftStarts = /* @__PURE__ */ (() =>
  z
    .strictObject({
      day: z.optional(shiftStart),
      morning: z.optional(shiftStart),
      afternoon: z.optional(shiftStart),
      night: z.optional(shiftStart),
    })
    .register(z.globalRegistry, {
      description: 'Start time (Europe/Paris) per shift, e.g. {"morning":"05:00"}; usual hours otherwise',
    }))();

export const vacancySite = /* @__PURE__ */ (() =>
  z.strictObject({ commune: communeCode, coordinates: z.optional(coordinates) }))();

/** The job of a vacancy: a title (code OGR), a ROME code, or both when they agree. */
function checkJob(
  job: { jobTitle?: string | undefined; occupation?: string | undefined },
  context: z.core.$RefinementCtx,
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
export const vacancyDraft = /* @__PURE__ */ (() =>
  z
    .strictObject({
      title: plainText(3, 120),
      description: z.optional(plainText(0, 5_000, { multiline: true })),
      employerName: z
        .optional(plainText(2, 120))
        .register(z.globalRegistry, { description: 'The name seekers see, e.g. the company or site name' }),
      sector: sectorSlug,
      jobTitle: z.optional(jobTitleCode),
      occupation: z.optional(romeCode),
      skills: z._default(skillList, []),
      site: vacancySite,
      contract: contractType,
      openings: int32(1, 500),
      shifts: z
        ._default(distinctList(shiftName, 4).check(z.minLength(1)), ['day'])
        .register(z.globalRegistry, {
          description: 'Shifts worked; a vacancy that states none is a day job (08:00–17:00)',
        }),
      shiftStarts: z.optional(shiftStarts),
      salary: z.optional(salaryRange),
      startDate: z.optional(z.iso.date().check(z.maxLength(10))),
    })
    .check(z.superRefine(checkJob))
    .register(z.globalRegistry, { id: 'VacancyDraft' }))();
export type VacancyDraft = z.output<typeof vacancyDraft>;

/**
 * A PATCH body (JSON Merge Patch, RFC 7396): fields present replace, `null` removes an
 * optional field. The merged result is validated again as a whole draft.
 */
export const vacancyPatch = /* @__PURE__ */ (() =>
  z
    .partial(
      z.strictObject({
        title: vacancyDraft.shape.title,
        description: z.nullable(vacancyDraft.shape.description),
        employerName: z.nullable(vacancyDraft.shape.employerName),
        sector: vacancyDraft.shape.sector,
        jobTitle: z.nullable(vacancyDraft.shape.jobTitle),
        occupation: z.nullable(vacancyDraft.shape.occupation),
        skills: skillList,
        site: vacancyDraft.shape.site,
        contract: vacancyDraft.shape.contract,
        openings: vacancyDraft.shape.openings,
        shifts: z.nullable(distinctList(shiftName, 4).check(z.minLength(1))),
        shiftStarts: z.nullable(shiftStarts),
        salary: z.nullable(vacancyDraft.shape.salary),
        startDate: z.nullable(vacancyDraft.shape.startDate),
      }),
    )
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'field.patchEmpty'))
    .register(z.globalRegistry, { id: 'VacancyPatch' }))();
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
export const vacancy = /* @__PURE__ */ (() =>
  z
    .object({
      title: boundedString(120),
      description: z.optional(boundedString(5_000)),
      employerName: z.optional(boundedString(120)),
      sector: sectorSlug,
      jobTitle: z.optional(boundedString(6)),
      occupation: boundedString(5),
      skills: z.array(skill).check(z.maxLength(30)),
      site: z.object({ commune: boundedString(5), coordinates: z.optional(coordinates) }),
      contract: contractType,
      openings: int32(1, 500),
      shifts: z.array(shiftName).check(z.minLength(1), z.maxLength(4)),
      shiftStarts: z.optional(shiftStarts),
      salary: z.optional(salaryRange),
      startDate: z.optional(boundedString(10)),
      id: identifier,
      owner: identifier,
      status: vacancyStatus,
      version,
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
      closedAt: z.optional(isoTimestamp),
    })
    .register(z.globalRegistry, { id: 'StoredVacancy' }))();
export type Vacancy = z.output<typeof vacancy>;

/** A vacancy as answered: codes, and their French names beside them. */
export const vacancyView = /* @__PURE__ */ (() =>
  z
    .extend(vacancy, {
      labels: z
        .object({
          sector: boundedString(200),
          occupation: z
            .string()
            .check(z.maxLength(250))
            .register(z.globalRegistry, { description: 'The job title, else the ROME fiche label' }),
          commune: boundedString(120),
          contract: boundedString(40),
          shifts: z.array(boundedString(40)).check(z.maxLength(4)),
        })
        .register(z.globalRegistry, { description: 'French names of the codes of this vacancy' }),
    })
    .register(z.globalRegistry, { id: 'Vacancy' }))();
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
