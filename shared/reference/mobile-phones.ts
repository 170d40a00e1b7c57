/**
 * Mobile numbers that can receive offers: France (with its overseas départements) and the EU.
 * Read with libphonenumber-js's core and the package's own mobile metadata cut to the calling
 * codes of these countries (data/mobile-phones.json, made by `npm run reference:build`, see
 * mobile-phones-build.ts): 17 KB read at the first number instead of 99 KB for every country
 * parsed at each cold start of the profile function.
 */
import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { tableFile } from './table-file';

/** ISO 3166 codes of the countries whose mobile numbers can receive offers. */
export const offerCountries = [
  ...['FR', 'GP', 'MQ', 'GF', 'RE', 'YT'],
  ...['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'GR', 'HR', 'HU', 'IE'],
  ...['IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
] as const;
const offerCountrySet = new Set<string>(offerCountries);

const metadata = /* @__PURE__ */ tableFile<MetadataJson>('mobile-phones.json');

/**
 * A mobile number as people write it ("06 12 34 56 78", "+33 6 12 34 56 78", "0033…") in E.164
 * ("+33612345678"), or undefined when it is not the mobile number of one of those countries.
 */
export function offerMobileNumber(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text.replace(/^00/, '+'), 'FR', metadata());
  return parsed?.isValid() && parsed.country && offerCountrySet.has(parsed.country)
    ? parsed.number
    : undefined;
}
