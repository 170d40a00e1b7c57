import spectralCore from '@stoplight/spectral-core';
import owaspRuleset from '@stoplight/spectral-owasp-ruleset';
import parsers from '@stoplight/spectral-parsers';
import { describe, expect, it } from 'vitest';
import { routes } from '../../infra/routes';
import { openApiDocument } from '../../shared/http/openapi';

describe('OpenAPI document against Spectral’s OWASP API Security ruleset', () => {
  it('has zero errors', async () => {
    const { Document, Spectral } = spectralCore;
    const spectral = new Spectral();
    spectral.setRuleset(owaspRuleset as never);
    const document = openApiDocument(routes.map((route) => route.contract));
    const results = await spectral.run(new Document(JSON.stringify(document, null, 2), parsers.Json));
    const errors = results
      .filter((result) => result.severity === 0)
      .map((result) => `${result.code} at ${result.path.join('.')}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
