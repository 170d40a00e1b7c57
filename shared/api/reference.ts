import * as z from 'zod/mini';
import {
  boundedString,
  communeCode,
  commuteMode,
  explainedWarnings,
  int32,
  queryInt32,
  romeCode,
} from '../domain/schema-parts';
import { journeyView } from '../domain/transit/trip-view';
import { defineRoute } from '../http/route-contract';
import { commonProblems, problemDocument } from './common';

const tags = ['Reference data'];

export const sectorView = /* @__PURE__ */ (() =>
  z
    .object({
      slug: boundedString(50),
      label: boundedString(200),
      naf: z.array(z.object({ code: boundedString(10), label: boundedString(300) })).check(z.maxLength(50)),
    })
    .register(z.globalRegistry, { id: 'Sector' }))();

const coded = (maxCode: number) =>
  z.object({ code: z.string().check(z.maxLength(maxCode)), label: boundedString(250) });

export const occupationView = /* @__PURE__ */ (() =>
  z
    .object({
      code: z
        .string()
        .check(z.maxLength(6))
        .register(z.globalRegistry, { description: 'Code OGR of the job title (send it as `jobTitle`)' }),
      label: z
        .string()
        .check(z.maxLength(250))
        .register(z.globalRegistry, { description: 'The job title, both genders' }),
      principal: z
        .boolean()
        .register(z.globalRegistry, { description: 'France Travail’s principal title of its fiche' }),
      rare: z.boolean().register(z.globalRegistry, { description: 'Marked "peu usité" (rarely used)' }),
      occupation: coded(5)
        .clone()
        .register(z.globalRegistry, { description: 'Its ROME 4.0 code and fiche label' }),
      parent: coded(5).clone().register(z.globalRegistry, { description: 'Its ROME 3 fiche (parent)' }),
      domain: coded(3).clone().register(z.globalRegistry, { description: 'Its domaine professionnel' }),
    })
    .register(z.globalRegistry, { id: 'JobTitle' }))();

export const skillView = /* @__PURE__ */ (() =>
  z
    .object({
      code: z
        .string()
        .check(z.maxLength(8))
        .register(z.globalRegistry, { description: 'Code OGR (send `{ "code": … }` in `skills`)' }),
      label: boundedString(250),
      kind: z
        .enum(['knowledge', 'know-how'])
        .register(z.globalRegistry, { description: 'Savoir (knowledge) or savoir-faire (know-how)' }),
      ofOccupation: z
        .boolean()
        .register(z.globalRegistry, { description: 'Listed by the fiche of the occupation asked for' }),
    })
    .register(z.globalRegistry, { id: 'SkillSuggestion' }))();

export const communeView = /* @__PURE__ */ (() =>
  z
    .object({
      code: boundedString(5),
      name: boundedString(100),
      postcodes: z.array(boundedString(5)).check(z.maxLength(100)),
      population: int32(0, 100_000_000),
      departement: boundedString(3),
      label: z
        .string()
        .check(z.maxLength(120))
        .register(z.globalRegistry, { description: 'How people recognise it: "Mourenx (64150)"' }),
      epci: z.nullable(z.object({ code: boundedString(20), name: boundedString(200) })),
    })
    .register(z.globalRegistry, { id: 'Commune' }))();

export const epciView = /* @__PURE__ */ (() =>
  z
    .object({
      code: z
        .string()
        .check(z.maxLength(9))
        .register(z.globalRegistry, { description: 'SIREN (send it in an area’s `epcis`)' }),
      name: boundedString(200),
      type: z
        .string()
        .check(z.maxLength(10))
        .register(z.globalRegistry, { description: 'CC, CA, CU, METRO, MET69' }),
      population: int32(0, 100_000_000),
    })
    .register(z.globalRegistry, { id: 'Epci' }))();

const searchLimit = /* @__PURE__ */ (() => z._default(queryInt32(1, 100), 20))();

export const listSectorsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listSectors',
    method: 'GET',
    path: '/v1/ref/sectors',
    summary: 'Sectors and the NAF rév. 2 codes that define them; `q` finds them by words of their label',
    tags,
    access: 'signed-in',
    query: z.strictObject({ q: z.optional(z.string().check(z.trim(), z.maxLength(100))) }),
    responses: {
      200: {
        description: 'All sectors',
        schema: z.object({ items: z.array(sectorView).check(z.maxLength(100)) }),
      },
      ...commonProblems,
    },
  }))();

export const searchOccupationsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'searchOccupations',
    method: 'GET',
    path: '/v1/ref/occupations',
    summary:
      'Job titles (ROME 4.0 appellations) as people type them: every word a prefix, any case, accents or gender; best first',
    tags,
    access: 'signed-in',
    query: z.strictObject({
      q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
      limit: searchLimit,
    }),
    responses: {
      200: {
        description:
          'Job titles, the exact title first, then principal titles, then synonyms, rarely used ones last',
        schema: z.object({ items: z.array(occupationView).check(z.maxLength(100)) }),
      },
      ...commonProblems,
    },
  }))();

export const searchSkillsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'searchSkills',
    method: 'GET',
    path: '/v1/ref/skills',
    summary:
      'Skills of the ROME referential: those of the occupation first, then any whose label has every word typed',
    tags,
    access: 'signed-in',
    query: z.strictObject({
      occupation: z.optional(romeCode),
      q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
      limit: searchLimit,
    }),
    responses: {
      200: {
        description: 'Skill suggestions',
        schema: z.object({ items: z.array(skillView).check(z.maxLength(100)) }),
      },
      ...commonProblems,
    },
  }))();

export const searchCommunesRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'searchCommunes',
    method: 'GET',
    path: '/v1/ref/communes',
    summary: 'Communes by name prefix or postal code (accent-insensitive), most populous first',
    tags,
    access: 'signed-in',
    query: z.strictObject({
      q: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      limit: searchLimit,
    }),
    responses: {
      200: {
        description: 'Matching communes',
        schema: z.object({ items: z.array(communeView).check(z.maxLength(100)) }),
      },
      ...commonProblems,
    },
  }))();

export const searchEpcisRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'searchEpcis',
    method: 'GET',
    path: '/v1/ref/epcis',
    summary: 'Intercommunalities (EPCI) whose name has every word typed as a prefix, most populous first',
    tags,
    access: 'signed-in',
    query: z.strictObject({
      q: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      limit: searchLimit,
    }),
    responses: {
      200: {
        description: 'Matching EPCIs',
        schema: z.object({ items: z.array(epciView).check(z.maxLength(100)) }),
      },
      ...commonProblems,
    },
  }))();

export const commuteView = /* @__PURE__ */ (() =>
  z
    .object({
      minutes: z
        .nullable(z.number())
        .register(z.globalRegistry, { description: 'null when the mode does not run for this trip' }),
      distanceKm: z.number(),
      mode: commuteMode,
      method: z
        .string()
        .check(z.maxLength(40))
        .register(z.globalRegistry, { description: '"estimate", "amazon-location", "timetable"' }),
      confidence: z.enum(['low', 'medium', 'high']),
      warnings: explainedWarnings,
      journey: z.optional(journeyView).register(z.globalRegistry, {
        description: 'With `method: timetable`: the first journey leaving within the hour',
      }),
    })
    .register(z.globalRegistry, { id: 'Commute' }))();

export const commuteRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'commute',
    method: 'GET',
    path: '/v1/ref/commute',
    summary:
      'Door-to-door commute between two communes by a mode, leaving at an hour (transit from timetables when loaded)',
    tags,
    access: 'signed-in',
    query: z.strictObject({
      from: communeCode,
      to: communeCode,
      mode: z._default(commuteMode, 'car'),
      hour: z._default(queryInt32(0, 23), 8),
    }),
    responses: {
      200: { description: 'The estimate, with its method, confidence and warnings', schema: commuteView },
      ...commonProblems,
      422: { description: 'A commune has no known coordinates', schema: problemDocument },
    },
  }))();
