import * as z from 'zod/mini';
import { csvMediaType, spreadsheetProfile } from './csv';
import type { AnswerHeader, RouteContract } from './route-contract';

type JsonSchema = { [key: string]: unknown };

const declaredHeaders: Record<AnswerHeader, { name: string; description: string; pattern?: string }> = {
  etag: {
    name: 'ETag',
    description: 'The version of the item, e.g. "3": send it back as If-Match',
    pattern: '^"\\d+"$',
  },
  location: { name: 'Location', description: 'Where the created item can be read' },
};

const answerHeaders = {
  'Access-Control-Allow-Origin': {
    description: 'The one web origin allowed to call the API from a browser (the Bassin web app)',
    schema: { type: 'string', maxLength: 2048 },
  },
  'X-RateLimit-Limit': {
    description: 'Requests per second this route accepts (API Gateway throttling) before answering 429',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 10_000 },
  },
};

const bearer = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description:
    'Cognito access token (AWS) or a token from POST /dev/token (local runtime). Tokens follow RFC8725 (JWT best current practices): RS256 only, issuer, audience, expiry, not-before and token use are verified.',
};

const csvText = { type: 'string', maxLength: 10_000_000 };

type Io = 'input' | 'output';
const placeholder = /^#\/\$defs\/(input|output):(.+)$/;

/**
 * The JSON Schemas of a document, made by zod's own `z.toJSONSchema`: a schema named with
 * `.register(z.globalRegistry, { id })` becomes one component, referenced wherever it is used. A named schema that
 * reads differently as a request (defaults make fields optional) and as an answer gets two
 * components: `Name` for the answer, `NameInput` for the request.
 */
class SchemaComponents {
  private readonly forms: Record<Io, Map<string, JsonSchema>> = { input: new Map(), output: new Map() };

  /** A body's schema as clients send it (`input`) or an answer's as they receive it (`output`). */
  of(schema: z.core.$ZodType, io: Io): JsonSchema {
    const {
      $schema: _,
      $defs,
      ...json
    } = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    // References carry the form they point to until `resolve` names the components.
    const tagged = (value: unknown) =>
      mapRefs(value, (ref) => ref.replace('#/$defs/', `#/$defs/${io}:`)) as JsonSchema;
    for (const [id, definition] of Object.entries($defs ?? {})) {
      const form = tagged(definition);
      const known = this.forms[io].get(id);
      if (known && JSON.stringify(known) !== JSON.stringify(form))
        throw new Error(`OpenAPI: two ${io} schemas are named "${id}"`);
      this.forms[io].set(id, form);
    }
    return tagged(json);
  }

  /** The components, and how to rewrite the references `of` returned. */
  resolve() {
    const bare = (form: JsonSchema) => JSON.stringify(mapRefs(form, (ref) => ref.replace(placeholder, '$2')));
    const both = [...this.forms.input.keys()].filter((id) => this.forms.output.has(id));
    const split = new Set(
      both.filter((id) => bare(this.forms.input.get(id) ?? {}) !== bare(this.forms.output.get(id) ?? {})),
    );
    // A request form that refers to a split schema is split too.
    for (let grown = true; grown; ) {
      grown = false;
      for (const id of both)
        if (
          !split.has(id) &&
          [...split].some((other) => JSON.stringify(this.forms.input.get(id)).includes(`input:${other}"`))
        ) {
          split.add(id);
          grown = true;
        }
    }
    const nameOf = (io: Io, id: string) => (io === 'input' && split.has(id) ? `${id}Input` : id);
    const toComponent = (ref: string) =>
      ref.replace(placeholder, (_, io: Io, id: string) => `#/components/schemas/${nameOf(io, id)}`);
    const schemas: Record<string, JsonSchema> = {};
    for (const io of ['output', 'input'] as const)
      for (const [id, form] of this.forms[io]) {
        const name = nameOf(io, id);
        // A request form that reads like its answer is that same component.
        if (io === 'input' && !split.has(id) && this.forms.output.has(id)) continue;
        if (schemas[name]) throw new Error(`OpenAPI: two schemas are named "${name}"`);
        schemas[name] = mapRefs(form, toComponent) as JsonSchema;
      }
    return { schemas, toComponent };
  }
}

/** The value with every `$ref` string changed by `change`. */
function mapRefs(value: unknown, change: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, change));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? change(inner) : mapRefs(inner, change),
    ]),
  );
}

/** One OpenAPI parameter per property of a path or query schema. */
function parametersOf(components: SchemaComponents, schema: z.core.$ZodType, where: 'path' | 'query') {
  const json = components.of(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    schema: property,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    name,
    in: where,
  }));
}

function headerParameters(headers: NonNullable<RouteContract['headers']>) {
  return headers.map(({ name, required, description }) => ({
    schema: { type: 'string', maxLength: 255, description },
    required,
    description,
    name,
    in: 'header',
  }));
}

function responseHeaders(spec: RouteContract['responses'][number]) {
  return {
    ...answerHeaders,
    ...Object.fromEntries(
      (spec.headers ?? []).map((header) => {
        const { name, description, pattern } = declaredHeaders[header];
        return [
          name,
          {
            description,
            required: true,
            schema: { type: 'string', maxLength: 2048, ...(pattern ? { pattern } : {}) },
          },
        ];
      }),
    ),
  };
}

function operationOf(
  contract: RouteContract,
  components: SchemaComponents,
  securitySchemes: Record<string, JsonSchema>,
) {
  const credential = contract.headers?.find((header) => header.credential);
  if (credential)
    securitySchemes[credential.name] = {
      type: 'apiKey',
      in: 'header',
      name: credential.name,
      description: credential.description,
    };
  const parameters = [
    ...(contract.params ? parametersOf(components, contract.params, 'path') : []),
    ...(contract.query ? parametersOf(components, contract.query, 'query') : []),
    ...(contract.headers?.length ? headerParameters(contract.headers) : []),
  ];
  return {
    operationId: contract.operationId,
    summary: contract.summary,
    tags: contract.tags,
    description:
      typeof contract.access === 'string'
        ? `Access: ${contract.access}`
        : `Groups: ${contract.access.join(', ')}`,
    security: contract.access !== 'public' ? [{ bearer: [] }] : credential ? [{ [credential.name]: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(contract.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: components.of(contract.body, 'input') } },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(contract.responses).map(([status, spec]) => [
        status,
        {
          description: spec.description,
          // Every answer carries the route's rate limit (2xx and 4xx alike).
          ...(Number(status) < 500 ? { headers: responseHeaders(spec) } : {}),
          ...(spec.schema
            ? {
                content: {
                  [Number(status) >= 400 ? 'application/problem+json' : 'application/json']: {
                    schema: components.of(spec.schema, 'output'),
                  },
                  // The same rows as `items`, one column per field (Accept: text/csv).
                  ...(contract.csv && status === '200'
                    ? {
                        [csvMediaType]: { schema: csvText },
                        // The same rows for French spreadsheets: BOM, `;`, French headers, decimal commas.
                        [`${csvMediaType}; profile=${spreadsheetProfile}`]: { schema: csvText },
                      }
                    : {}),
                },
              }
            : {}),
        },
      ]),
    ),
  };
}

/** The OpenAPI 3.1 document, generated from the route contracts (and so from the zod schemas). */
export function openApiDocument(contracts: RouteContract[]) {
  const components = new SchemaComponents();
  const securitySchemes: Record<string, JsonSchema> = { bearer };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of contracts) {
    paths[contract.path] = {
      ...paths[contract.path],
      [contract.method.toLowerCase()]: operationOf(contract, components, securitySchemes),
    };
  }
  const { schemas, toComponent } = components.resolve();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bassin API',
      version: '1.0.0',
      description:
        'Matching vacancies and job seekers by sector, occupation, skills and commute time in an employment basin.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', 'x-internal': false }],
    components: { securitySchemes, schemas },
    paths: mapRefs(paths, toComponent) as typeof paths,
  };
}
