import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { csvMediaType, spreadsheetProfile } from './csv';
import type { AnswerHeader, RouteContract } from './route-contract';

const declaredHeaders: Record<AnswerHeader, { name: string; description: string; pattern?: string }> = {
  etag: {
    name: 'ETag',
    description: 'The version of the item, e.g. "3": send it back as If-Match',
    pattern: '^"\\d+"$',
  },
  location: { name: 'Location', description: 'Where the created item can be read' },
};

/** The OpenAPI 3.1 document, generated from the route contracts (and so from the zod schemas). */
export function openApiDocument(contracts: RouteContract[]) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'Cognito access token (AWS) or a token from POST /dev/token (local runtime). Tokens follow RFC8725 (JWT best current practices): RS256 only, issuer, audience, expiry, not-before and token use are verified.',
  });
  for (const contract of contracts) {
    const credential = contract.headers?.find((header) => header.credential);
    const scheme = credential
      ? registry.registerComponent('securitySchemes', credential.name, {
          type: 'apiKey',
          in: 'header',
          name: credential.name,
          description: credential.description,
        }).name
      : undefined;
    const answerHeaders = {
      'Access-Control-Allow-Origin': {
        description: 'The one web origin allowed to call the API from a browser (the Bassin web app)',
        schema: { type: 'string' as const, maxLength: 2048 },
      },
      'X-RateLimit-Limit': {
        description: 'Requests per second this route accepts (API Gateway throttling) before answering 429',
        schema: { type: 'integer' as const, format: 'int32', minimum: 1, maximum: 10_000 },
      },
    };
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
      security: contract.access !== 'public' ? [{ [bearer.name]: [] }] : scheme ? [{ [scheme]: [] }] : [],
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
            // Every answer carries the route's rate limit (2xx and 4xx alike).
            ...(Number(status) < 500
              ? {
                  headers: {
                    ...answerHeaders,
                    ...Object.fromEntries(
                      (spec.headers ?? []).map((header) => {
                        const { name, description, pattern } = declaredHeaders[header];
                        return [
                          name,
                          {
                            description,
                            required: true,
                            schema: {
                              type: 'string' as const,
                              maxLength: 2048,
                              ...(pattern ? { pattern } : {}),
                            },
                          },
                        ];
                      }),
                    ),
                  },
                }
              : {}),
            ...(spec.schema
              ? {
                  content: {
                    [Number(status) >= 400 ? 'application/problem+json' : 'application/json']: {
                      schema: spec.schema,
                    },
                    // The same rows as `items`, one column per field (Accept: text/csv).
                    ...(contract.csv && status === '200'
                      ? {
                          [csvMediaType]: { schema: z.string().max(10_000_000) },
                          // The same rows for French spreadsheets: BOM, `;`, French headers, decimal commas.
                          [`${csvMediaType}; profile=${spreadsheetProfile}`]: {
                            schema: z.string().max(10_000_000),
                          },
                        }
                      : {}),
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
    servers: [{ url: '/', 'x-internal': false } as { url: string }],
  });
}

function headerSchema(headers: NonNullable<RouteContract['headers']>) {
  return z.object(
    Object.fromEntries(
      headers.map(({ name, required, description }) => {
        const value = z.string().max(255).meta({ description });
        return [name, required ? value : value.optional()];
      }),
    ),
  );
}
