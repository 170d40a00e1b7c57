import { z } from 'zod';
import { defineRoute } from '../http/route-contract';
import { commonProblems } from './common';

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
