import { z } from 'zod';
import {
  communeCode,
  distinctList,
  identifier,
  int32,
  isoTimestamp,
  plainText,
  romeCode,
  sectorSlug,
  shiftName,
  skillList,
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
  .refine((s) => s.min <= s.max, { message: 'min must not exceed max', path: ['max'] })
  .meta({ description: 'Gross pay range' });

export const coordinates = z
  .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
  .meta({ description: 'WGS 84 coordinates of the site entrance (optional; the commune is used otherwise)' });

const shiftStart = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 05:30');

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

/** What an employer writes when posting a vacancy. Unknown fields are refused. */
export const vacancyDraft = z
  .strictObject({
    title: plainText(3, 120),
    description: plainText(0, 5_000, { multiline: true }).optional(),
    sector: sectorSlug,
    occupation: romeCode,
    skills: skillList.default([]),
    site: vacancySite,
    contract: contractType,
    openings: int32(1, 500),
    shifts: distinctList(shiftName, 4).min(1).optional(),
    shiftStarts: shiftStarts.optional(),
    salary: salaryRange.optional(),
    startDate: z.iso.date().max(10).optional(),
  })
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
    sector: vacancyDraft.shape.sector,
    occupation: vacancyDraft.shape.occupation,
    skills: skillList,
    site: vacancyDraft.shape.site,
    contract: vacancyDraft.shape.contract,
    openings: vacancyDraft.shape.openings,
    shifts: vacancyDraft.shape.shifts.nullable(),
    shiftStarts: shiftStarts.nullable(),
    salary: vacancyDraft.shape.salary.nullable(),
    startDate: vacancyDraft.shape.startDate.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'a patch must change at least one field')
  .meta({ id: 'VacancyPatch' });
export type VacancyPatch = z.output<typeof vacancyPatch>;

export const vacancy = vacancyDraft
  .extend({
    id: identifier,
    owner: identifier,
    status: vacancyStatus,
    version,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    closedAt: isoTimestamp.optional(),
  })
  .meta({ id: 'Vacancy' });
export type Vacancy = z.output<typeof vacancy>;
