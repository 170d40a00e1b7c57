/** Field schemas shared by several entities: codes checked against the reference data. */
import { z } from 'zod';
import { foldForSearch, isKnownCommune } from '../reference/communes';
import { isKnownOccupation } from '../reference/occupations';
import { sectorSlugs } from '../reference/sectors';

export const communeCode = z
  .string()
  .max(5)
  .regex(/^(\d{5}|2[AB]\d{3})$/, {
    message: 'an INSEE commune code has 5 characters, e.g. 64445',
    abort: true,
  })
  .refine(isKnownCommune, 'unknown INSEE commune code')
  .meta({ description: 'INSEE commune code (code officiel géographique)', example: '64445' });

export const romeCode = z
  .string()
  .max(5)
  .regex(/^[A-N]\d{4}$/, { message: 'a ROME code is a letter A–N and 4 digits, e.g. H2913', abort: true })
  .refine(isKnownOccupation, 'unknown ROME occupation code (see GET /v1/ref/occupations)')
  .meta({ description: 'ROME occupation code', example: 'H2913' });

export const sectorSlug = z.enum(sectorSlugs).meta({ description: 'Sector slug (see GET /v1/ref/sectors)' });

export const shiftName = z.enum(['day', 'morning', 'afternoon', 'night']);
export type Shift = z.infer<typeof shiftName>;

export const commuteMode = z.enum(['car', 'transit', 'bike', 'walk']);
export type CommuteMode = z.infer<typeof commuteMode>;

/** A list without repeated values (compared as written). */
export const distinctList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, 'values must not repeat');

/**
 * Human text: trimmed, without control characters, broken UTF-16 (lone surrogates) or
 * direction overrides, which would corrupt SMS, CSV exports and logs, or make a text read
 * otherwise than it is stored. Multi-line text may keep line breaks and tabs.
 */
export const plainText = (min: number, max: number, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(
      (text) =>
        /^[^\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/u.test(
          options.multiline ? text.replace(/[\n\r\t]/g, '') : text,
        ),
      'control characters, direction overrides and broken unicode are not allowed',
    );

/** Short skill labels; trimmed, and duplicates (ignoring case and accents) removed. */
export const skillList = z
  .array(plainText(1, 60))
  .max(30)
  .overwrite((labels) => {
    const seen = new Set<string>();
    return labels.filter((label) => {
      const key = foldForSearch(label);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

export const isoTimestamp = z.iso.datetime().max(40);
/** A bounded integer, documented as int32 in OpenAPI. */
export const int32 = (min: number, max: number) =>
  z.number().int().min(min).max(max).meta({ format: 'int32' });

/** Identifiers: UUIDs, Cognito subs, match ids. */
export const identifier = z.string().max(128);

export const version = int32(1, 2_000_000_000);
