import { z } from 'zod';
import { communeCode, commuteMode } from '../domain/schema-parts';
import { defineRoute } from '../http/route-contract';
import { commonProblems, problemDocument } from './common';

const tags = ['Reference data'];

export const sectorView = z
  .object({
    slug: z.string(),
    label: z.string(),
    naf: z.array(z.object({ code: z.string(), label: z.string() })),
  })
  .meta({ id: 'Sector' });

export const occupationView = z
  .object({ code: z.string(), label: z.string(), domain: z.string() })
  .meta({ id: 'Occupation' });

export const communeView = z
  .object({
    code: z.string(),
    name: z.string(),
    postcodes: z.array(z.string()),
    population: z.number().int(),
    departement: z.string(),
    epci: z.object({ code: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'Commune' });

const searchLimit = z.coerce.number().int().min(1).max(100).default(20);

export const listSectorsRoute = defineRoute({
  operationId: 'listSectors',
  method: 'GET',
  path: '/v1/ref/sectors',
  summary: 'Sectors and the NAF rév. 2 codes that define them',
  tags,
  access: 'signed-in',
  responses: {
    200: { description: 'All sectors', schema: z.object({ items: z.array(sectorView) }) },
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
    200: { description: 'Matching occupations', schema: z.object({ items: z.array(occupationView) }) },
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
    200: { description: 'Matching communes', schema: z.object({ items: z.array(communeView) }) },
    ...commonProblems,
  },
});

export const commuteView = z
  .object({
    minutes: z.number().nullable().meta({ description: 'null when the mode does not run for this trip' }),
    distanceKm: z.number(),
    mode: commuteMode,
    method: z.enum(['estimate', 'amazon-location']),
    confidence: z.enum(['low', 'medium', 'high']),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Commute' });

export const commuteRoute = defineRoute({
  operationId: 'commute',
  method: 'GET',
  path: '/v1/ref/commute',
  summary: 'Door-to-door commute between two communes by a mode, leaving at an hour',
  tags,
  access: 'signed-in',
  query: z.strictObject({
    from: communeCode,
    to: communeCode,
    mode: commuteMode.default('car'),
    hour: z.coerce.number().int().min(0).max(23).default(8),
  }),
  responses: {
    200: { description: 'The estimate, with its method, confidence and warnings', schema: commuteView },
    ...commonProblems,
    422: { description: 'A commune has no known coordinates', schema: problemDocument },
  },
});
