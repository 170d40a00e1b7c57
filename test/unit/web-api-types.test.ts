import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webApiTypes, webApiTypesFile } from '../../infra/web-api-types';

describe('the web app’s API types', () => {
  it('are what openapi-typescript makes of the route table’s OpenAPI document (run `npm run api:types`)', async () => {
    expect(readFileSync(webApiTypesFile, 'utf8')).toBe(await webApiTypes());
  });
});
