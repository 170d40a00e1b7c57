import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { RouteContract } from './route-contract';

/** The OpenAPI 3.1 document, generated from the route contracts (and so from the zod schemas). */
export function openApiDocument(contracts: RouteContract[]) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Cognito access token (AWS) or a token from POST /dev/token (local runtime)',
  });
  for (const contract of contracts) {
    registry.registerPath({
      operationId: contract.operationId,
      method: contract.method.toLowerCase() as 'get',
      path: contract.path,
      summary: contract.summary,
      tags: contract.tags,
      description:
        typeof contract.access === 'string'
          ? `Access: ${contract.access}`
          : `Groups: ${contract.access.join(', ')}`,
      security: contract.access === 'public' ? [] : [{ [bearer.name]: [] }],
      request: {
        ...(contract.params ? { params: contract.params as z.ZodObject } : {}),
        ...(contract.query ? { query: contract.query as z.ZodObject } : {}),
        ...(contract.body
          ? { body: { required: true, content: { 'application/json': { schema: contract.body } } } }
          : {}),
        ...(contract.headers?.length ? { headers: headerSchema(contract.headers) } : {}),
      },
      responses: Object.fromEntries(
        Object.entries(contract.responses).map(([status, spec]) => [
          status,
          {
            description: spec.description,
            ...(spec.schema
              ? {
                  content: {
                    [Number(status) >= 400 ? 'application/problem+json' : 'application/json']: {
                      schema: spec.schema,
                    },
                  },
                }
              : {}),
          },
        ]),
      ),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Bassin API',
      version: '1.0.0',
      description:
        'Matching vacancies and job seekers by sector, occupation, skills and commute time in an employment basin.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
  });
}

function headerSchema(headers: NonNullable<RouteContract['headers']>) {
  return z.object(
    Object.fromEntries(
      headers.map(({ name, required, description }) => {
        const value = z.string().meta({ description });
        return [name, required ? value : value.optional()];
      }),
    ),
  );
}
