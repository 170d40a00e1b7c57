import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MetadataJson } from 'libphonenumber-js/core';
import { offerCountries } from './mobile-phones';

/**
 * libphonenumber-js's mobile metadata (MIT; from Google's libphonenumber, Apache-2.0) kept to the
 * calling codes of the countries that can receive offers, with every country sharing one of
 * those codes (+590 is Guadeloupe, Saint-Barthélemy and Saint-Martin), so that a number is
 * placed in its own country as with the whole metadata.
 */
export function buildMobilePhoneMetadata(): MetadataJson {
  const require = createRequire(import.meta.url);
  const all = JSON.parse(
    readFileSync(require.resolve('libphonenumber-js/metadata.mobile.json'), 'utf8'),
  ) as MetadataJson & { countries: Record<string, unknown> };
  const codes = Object.entries(all.country_calling_codes).filter(([, countries]) =>
    countries.some((country) => (offerCountries as readonly string[]).includes(country)),
  );
  return {
    version: all.version,
    country_calling_codes: Object.fromEntries(codes),
    countries: Object.fromEntries(
      codes.flatMap(([, countries]) => countries).map((country) => [country, all.countries[country]]),
    ),
  } as MetadataJson;
}
