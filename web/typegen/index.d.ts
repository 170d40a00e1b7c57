/** openapi-typescript, as this package re-exports it (its own types need the TypeScript 5 API). */
export default function openapiTS(schema: object, options?: Record<string, unknown>): Promise<unknown>;
export function astToString(ast: unknown): string;
