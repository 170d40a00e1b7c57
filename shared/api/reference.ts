import * as z from 'zod';
import { communeCode, commuteMode, int32, romeCode } from '../domain/schema-parts';
import { journeyView } from '../domain/transit/trip-view';
import { defineRoute } from '../http/route-contract';
import { commonProblems, problemDocument } from './common';

const tags = ['Reference data'];

export const sectorView = z
  .object({
    slug: z.string().max(50),
    label: z.string().max(200),
    naf: z.array(z.object({ code: z.string().max(10), label: z.string().max(300) })).max(50),
  })
  .meta({ id: 'Sector' });

const coded = (maxCode: number) => z.object({ code: z.string().max(maxCode), label: z.string().max(250) });

export const occupationView = z
  .object({
    code: z.string().max(6).meta({ description: 'Code OGR of the job title (send it as `jobTitle`)' }),
    label: z.string().max(250).meta({ description: 'The job title, both genders' }),
    principal: z.boolean().meta({ description: 'France Travail’s principal title of its fiche' }),
    rare: z.boolean().meta({ description: 'Marked "peu usité" (rarely used)' }),
    occupation: coded(5).meta({ description: 'Its ROME 4.0 code and fiche label' }),
    parent: coded(5).meta({ description: 'Its ROME 3 fiche (parent)' }),
    domain: coded(3).meta({ description: 'Its domaine professionnel' }),
  })
  .meta({ id: 'JobTitle' });

export const skillView = z
  .object({
    code: z.string().max(8).meta({ description: 'Code OGR (send `{ "code": … }` in `skills`)' }),
    label: z.string().max(250),
    kind: z
      .enum(['knowledge', 'know-how'])
      .meta({ description: 'Savoir (knowledge) or savoir-faire (know-how)' }),
    ofOccupation: z.boolean().meta({ description: 'Listed by the fiche of the occupation asked for' }),
  })
  .meta({ id: 'SkillSuggestion' });

export const communeView = z
  .object({
    code: z.string().max(5),
    name: z.string().max(100),
    postcodes: z.array(z.string().max(5)).max(100),
    population: int32(0, 100_000_000),
    departement: z.string().max(3),
    label: z.string().max(120).meta({ description: 'How people recognise it: "Mourenx (64150)"' }),
    epci: z.object({ code: z.string().max(20), name: z.string().max(200) }).nullable(),
  })
  .meta({ id: 'Commune' });

export const epciView = z
  .object({
    code: z.string().max(9).meta({ description: 'SIREN (send it in an area’s `epcis`)' }),
    name: z.string().max(200),
    type: z.string().max(10).meta({ description: 'CC, CA, CU, METRO, MET69' }),
    population: int32(0, 100_000_000),
  })
  .meta({ id: 'Epci' });

const searchLimit = z.coerce.number().int().min(1).max(100).meta({ format: 'int32' }).default(20);

export const listSectorsRoute = defineRoute({
  operationId: 'listSectors',
  method: 'GET',
  path: '/v1/ref/sectors',
  summary: 'Sectors and the NAF rév. 2 codes that define them; `q` finds them by words of their label',
  tags,
  access: 'signed-in',
  query: z.strictObject({ q: z.string().trim().max(100).optional() }),
  responses: {
    200: { description: 'All sectors', schema: z.object({ items: z.array(sectorView).max(100) }) },
    ...commonProblems,
  },
});

export const searchOccupationsRoute = defineRoute({
  operationId: 'searchOccupations',
  method: 'GET',
  path: '/v1/ref/occupations',
  summary:
    'Job titles (ROME 4.0 appellations) as people type them: every word a prefix, any case, accents or gender; best first',
  tags,
  access: 'signed-in',
  query: z.strictObject({ q: z.string().trim().max(100).optional(), limit: searchLimit }),
  responses: {
    200: {
      description:
        'Job titles, the exact title first, then principal titles, then synonyms, rarely used ones last',
      schema: z.object({ items: z.array(occupationView).max(100) }),
    },
    ...commonProblems,
  },
});

export const searchSkillsRoute = defineRoute({
  operationId: 'searchSkills',
  method: 'GET',
  path: '/v1/ref/skills',
  summary:
    'Skills of the ROME referential: those of the occupation first, then any whose label has every word typed',
  tags,
  access: 'signed-in',
  query: z.strictObject({
    occupation: romeCode.optional(),
    q: z.string().trim().max(100).optional(),
    limit: searchLimit,
  }),
  responses: {
    200: { description: 'Skill suggestions', schema: z.object({ items: z.array(skillView).max(100) }) },
    ...commonProblems,
  },
});

export const searchCommunesRoute = defineRoute({
  operationId: 'searchCommunes',
  method: 'GET',
  path: '/v1/ref/communes',
  summary: 'Communes by name prefix or postal code (accent-insensitive), most populous first',
  tags,
  access: 'signed-in',
  query: z.strictObject({ q: z.string().trim().min(1).max(100), limit: searchLimit }),
  responses: {
    200: { description: 'Matching communes', schema: z.object({ items: z.array(communeView).max(100) }) },
    ...commonProblems,
  },
});

export const searchEpcisRoute = defineRoute({
  operationId: 'searchEpcis',
  method: 'GET',
  path: '/v1/ref/epcis',
  summary: 'Intercommunalities (EPCI) whose name has every word typed as a prefix, most populous first',
  tags,
  access: 'signed-in',
  query: z.strictObject({ q: z.string().trim().min(1).max(100), limit: searchLimit }),
  responses: {
    200: { description: 'Matching EPCIs', schema: z.object({ items: z.array(epciView).max(100) }) },
    ...commonProblems,
  },
});

export const commuteView = z
  .object({
    minutes: z.number().nullable().meta({ description: 'null when the mode does not run for this trip' }),
    distanceKm: z.number(),
    mode: commuteMode,
    method: z.string().max(40).meta({ description: '"estimate", "amazon-location", "timetable"' }),
    confidence: z.enum(['low', 'medium', 'high']),
    warnings: z.array(z.object({ code: z.string().max(60).optional(), text: z.string().max(300) })).max(10),
    journey: journeyView
      .optional()
      .meta({ description: 'With `method: timetable`: the first journey leaving within the hour' }),
  })
  .meta({ id: 'Commute' });

export const commuteRoute = defineRoute({
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
    mode: commuteMode.default('car'),
    hour: z.coerce.number().int().min(0).max(23).meta({ format: 'int32' }).default(8),
  }),
  responses: {
    200: { description: 'The estimate, with its method, confidence and warnings', schema: commuteView },
    ...commonProblems,
    422: { description: 'A commune has no known coordinates', schema: problemDocument },
  },
});
