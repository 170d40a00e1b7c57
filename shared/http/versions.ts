import { ValidationError } from '../domain/errors';

/** The version a client read, from `If-Match: "3"` (or W/"3", or 3); undefined when absent. */
export function ifMatchVersion(headers: Record<string, string | undefined>): number | undefined {
  const value = headers['if-match'];
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match?.[1] || Number(match[1]) < 1) {
    throw new ValidationError([{ field: 'headers.if-match', message: 'http.ifMatch' }]);
  }
  return Number(match[1]);
}

export const etag = (version: number) => `"${version}"`;

/** The answer of a PUT that creates (201, with Location) or replaces (200), its version as ETag. */
export const putAnswer = <T extends { version?: number | undefined }>(
  saved: T,
  created: boolean,
  location: string,
) => ({
  status: (created ? 201 : 200) as 200 | 201,
  body: saved,
  headers: { etag: etag(saved.version ?? 1), ...(created ? { location } : {}) },
});
