/**
 * Field schemas shared by several entities: codes checked against the reference data.
 * Messages are keys of the message catalogue (shared/messages/problems.ts), rendered in the
 * reader's language at the edge; zod's own messages come from its locales.
 *
 * Schemas are `zod/mini` (a third of classic zod's import cost). A description or an OpenAPI
 * name is given with `.register(z.globalRegistry, …)`, which names that very instance: a
 * shared schema (a constant, or a helper such as `int32` that names its own) is `.clone()`d
 * first, as classic zod's `.meta()` did.
 *
 * Every module-level schema or route in shared/ is built in an arrow function called at once and
 * marked `@__PURE__`, so that esbuild drops the ones a function does not use and a bundle builds
 * only what its own route reads and answers (`matches-list-mine`: 174 zod instances at import,
 * where it built 637 when every route's schemas were built). That building is most of what a
 * function adds to a cold start (README, "Bundles and cold starts"). test/unit/schema-modules.test.ts
 * finds unwrapped ones; test/infra/synth.test.ts checks a few named schemas are built only where used.
 */
import * as z from 'zod/mini';
import { isKnownCommune } from '../reference/communes';
import { isKnownJobTitle } from '../reference/job-titles';
import { offerMobileNumber } from '../reference/mobile-phones';
import { isKnownOccupation } from '../reference/occupations';
import { sectorSlugs } from '../reference/sectors';
import { findSkill, skillCodeOfLabel } from '../reference/skill-referential';
import { foldForSearch } from '../reference/text-search';

const boundedStrings = new Map<number, z.ZodMiniString>();
/**
 * A string of at most `max` characters, one instance per bound: zod schemas are immutable, so
 * the many answer fields of this shape share it, and a function builds a few schemas at import
 * instead of three per field. Clone it before naming or describing it (`.register`).
 */
export function boundedString(max: number) {
  const known = boundedStrings.get(max);
  if (known) return known;
  const schema = z.string().check(z.maxLength(max));
  boundedStrings.set(max, schema);
  return schema;
}

export const communeCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.maxLength(5),
      z.regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'field.communeCode', abort: true }),
      z.refine(isKnownCommune, 'field.unknownCommune'),
    )
    .register(z.globalRegistry, {
      description: 'INSEE commune code (code officiel géographique)',
      example: '64445',
    }))();

export const romeCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.maxLength(5),
      z.regex(/^[A-N]\d{4}$/, { message: 'field.romeCode', abort: true }),
      z.refine(isKnownOccupation, 'field.unknownOccupation'),
    )
    .register(z.globalRegistry, {
      description: 'ROME 4.0 occupation code (see GET /v1/ref/occupations)',
      example: 'H2913',
    }))();

export const jobTitleCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.maxLength(6),
      z.regex(/^\d{1,6}$/, { message: 'field.jobTitleCode', abort: true }),
      z.refine(isKnownJobTitle, 'field.unknownJobTitle'),
    )
    .register(z.globalRegistry, {
      description: 'ROME job title ("appellation") by its code OGR (see GET /v1/ref/occupations)',
      example: '15158',
    }))();

export const sectorSlug = /* @__PURE__ */ (() =>
  z.enum(sectorSlugs).register(z.globalRegistry, { description: 'Sector slug (see GET /v1/ref/sectors)' }))();

export const shiftName = /* @__PURE__ */ (() => z.enum(['day', 'morning', 'afternoon', 'night']))();
export type Shift = z.infer<typeof shiftName>;

export const commuteMode = /* @__PURE__ */ (() => z.enum(['car', 'transit', 'bike', 'walk']))();
export type CommuteMode = z.infer<typeof commuteMode>;

/** Caveats on a commute time in words, as `explainWarnings` (match.ts) writes them. */
export const explainedWarnings = /* @__PURE__ */ (() =>
  z
    .array(
      z.object({
        code: z.optional(boundedString(60)),
        text: boundedString(300),
      }),
    )
    .check(z.maxLength(10)))();

/** A list without repeated values (compared as written). */
export const distinctList = <T extends z.ZodMiniType<string>>(item: T, max: number) =>
  z.array(item).check(
    z.maxLength(max),
    z.refine((values) => new Set(values).size === values.length, 'field.repeated'),
  );

/**
 * Human text: trimmed, without control characters, broken UTF-16 (lone surrogates) or
 * direction overrides, which would corrupt SMS, CSV exports and logs, or make a text read
 * otherwise than it is stored. Multi-line text may keep line breaks and tabs.
 */
export const plainText = (min: number, max: number, options: { multiline?: boolean } = {}) =>
  z.string().check(
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.refine(
      (text) =>
        /^[^\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/u.test(
          options.multiline ? text.replace(/[\n\r\t]/g, '') : text,
        ),
      'field.plainText',
    ),
  );

/** A skill as stored and answered: a referential code with its label, or a free text. */
export const skill = /* @__PURE__ */ (() =>
  z
    .object({
      code: z
        .optional(boundedString(8))
        .register(z.globalRegistry, { description: 'Code OGR of a ROME skill (GET /v1/ref/skills)' }),
      label: boundedString(250),
    })
    .register(z.globalRegistry, { id: 'Skill' }))();
export type Skill = z.output<typeof skill>;

/** Skills of an item written before schema version 2: plain texts. */
export const upgradeSkills = (skills: unknown[] | undefined): Skill[] =>
  (skills ?? []).map((one) => (typeof one === 'string' ? { label: one } : (one as Skill)));

const skillCode = /* @__PURE__ */ (() =>
  z.string().check(
    z.maxLength(8),
    z.regex(/^\d{1,8}$/, 'field.skill'),
    z.refine((code) => findSkill(code) !== undefined, 'field.unknownSkill'),
  ))();

/**
 * What a client may send for a skill: a free text ("soudage TIG"), a referential code
 * (`{ "code": "103070" }`, as GET /v1/ref/skills suggests) or a stored skill sent back.
 * A free text that is a referential label becomes that skill.
 */
export const skillInput = /* @__PURE__ */ (() =>
  z.pipe(
    z.union([
      plainText(1, 120),
      z.strictObject({ code: skillCode, label: z.optional(boundedString(250)) }),
      z.strictObject({ label: plainText(1, 120) }),
    ]),
    z.transform((given): Skill => {
      if (typeof given === 'object' && 'code' in given)
        return { code: given.code, label: findSkill(given.code)?.label ?? given.code };
      const text = typeof given === 'string' ? given : given.label;
      const code = skillCodeOfLabel(text);
      return code ? { code, label: findSkill(code)?.label ?? text } : { label: text };
    }),
  ))();

/** Skills, duplicates (same code, or same text ignoring case and accents) removed. */
export const skillList = /* @__PURE__ */ (() =>
  z.pipe(
    z.array(skillInput).check(z.maxLength(30)),
    z.transform((skills) => {
      const seen = new Set<string>();
      return skills.filter((one) => {
        const key = one.code ?? foldForSearch(one.label);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }),
  ))();

/**
 * A mobile number as people write it ("06 12 34 56 78", "+33 6 12 34 56 78", "0033…") of a
 * country that can receive offers (shared/reference/mobile-phones.ts), stored in E.164.
 */
export const mobilePhone = /* @__PURE__ */ (() =>
  z
    .pipe(
      z.string().check(z.trim(), z.maxLength(32)),
      z.transform((text, context) => {
        const number = offerMobileNumber(text);
        if (number) return number;
        context.issues.push({ code: 'custom', message: 'field.phone', input: text });
        return z.NEVER;
      }),
    )
    .register(z.globalRegistry, {
      description: 'A French or EU mobile number, in any usual form; answered in E.164',
      example: '06 12 34 56 78',
    }))();

export const isoTimestamp = /* @__PURE__ */ (() => z.iso.datetime().check(z.maxLength(40)))();
/** A bounded integer, documented as int32 in OpenAPI. */
export const int32 = (min: number, max: number) =>
  z.int().check(z.minimum(min), z.maximum(max)).register(z.globalRegistry, { format: 'int32' });

/** The same read from a query string, where "20" means 20. */
export const queryInt32 = (min: number, max: number) =>
  z.coerce
    .number()
    .check(z.int(), z.minimum(min), z.maximum(max))
    .register(z.globalRegistry, { format: 'int32' });

/** Identifiers: UUIDs, Cognito subs, match ids. */
export const identifier = /* @__PURE__ */ (() => boundedString(128))();

export const version = /* @__PURE__ */ (() => int32(1, 2_000_000_000))();
