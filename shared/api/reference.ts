import { z } from 'zod';
import { communeCode, commuteMode, int32 } from '../domain/schema-parts';
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

export const occupationView = z
  .object({ code: z.string().max(5), label: z.string().max(200), domain: z.string().max(3) })
  .meta({ id: 'Occupation' });

export const communeView = z
  .object({
    code: z.string().max(5),
    name: z.string().max(100),
    postcodes: z.array(z.string().max(5)).max(100),
    population: int32(0, 100_000_000),
    departement: z.string().max(3),
    epci: z.object({ code: z.string().max(20), name: z.string().max(200) }).nullable(),
  })
  .meta({ id: 'Commune' });

const searchLimit = z.coerce.number().int().min(1).max(100).meta({ format: 'int32' }).default(20);

export const listSectorsRoute = defineRoute({
  operationId: 'listSectors',
  method: 'GET',
  path: '/v1/ref/sectors',
  summary: 'Sectors and the NAF rév. 2 codes that define them',
  tags,
  access: 'signed-in',
  responses: {
    200: { description: 'All sectors', schema: z.object({ items: z.array(sectorView).max(100) }) },
    ...commonProblems,
  },
});

export const searchOccupationsRoute = defineRoute({
  operationId: 'searchOccupations',
  method: 'GET',
  path: '/v1/ref/occupations',
  summary: 'ROME occupations by code prefix or words of the label (accent-insensitive)',
  tags,
  access: 'signed-in',
  query: z.strictObject({ q: z.string().trim().max(100).optional(), limit: searchLimit }),
  responses: {
    200: {
      description: 'Matching occupations',
      schema: z.object({ items: z.array(occupationView).max(100) }),
    },
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

export const commuteView = z
  .object({
    minutes: z.number().nullable().meta({ description: 'null when the mode does not run for this trip' }),
    distanceKm: z.number(),
    mode: commuteMode,
    method: z.enum(['estimate', 'amazon-location', 'timetable']),
    confidence: z.enum(['low', 'medium', 'high']),
    warnings: z.array(z.string().max(300)).max(10),
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
