import { readFileSync } from 'node:fs';
import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { offerCountries, offerMobileNumber } from '../../shared/reference/mobile-phones';
import { buildMobilePhoneMetadata } from '../../shared/reference/mobile-phones-build';

describe('mobile numbers that can receive offers', () => {
  it('read from a table that is exactly what build.ts makes from libphonenumber-js', () => {
    const table = JSON.parse(readFileSync('shared/reference/data/mobile-phones.json', 'utf8'));
    expect(table).toEqual(buildMobilePhoneMetadata());
    expect(Object.keys(table.countries)).toEqual(expect.arrayContaining([...offerCountries]));
  });

  it('accept, in every way people write them, the mobile numbers of each country, as the whole metadata reads them', () => {
    for (const country of offerCountries) {
      const example = getExampleNumber(country, examples);
      if (!example) throw new Error(`no example mobile number for ${country}`);
      expect(offerMobileNumber(example.formatInternational()), country).toBe(example.number);
      expect(offerMobileNumber(example.number.replace('+', '00')), country).toBe(example.number);
    }
    expect(offerMobileNumber('06 12 34 56 78')).toBe('+33612345678');
    expect(offerMobileNumber('+33 6 12 34 56 78')).toBe('+33612345678');
  });

  it('read every country’s example mobile number as the whole metadata does, and refuse landlines', () => {
    const offerSet = new Set<string>(offerCountries);
    // The rule with libphonenumber-js's whole mobile metadata, as before the table was cut.
    const withWholeMetadata = (text: string) => {
      const parsed = parsePhoneNumberFromString(text.replace(/^00/, '+'), 'FR');
      return parsed?.isValid() && parsed.country && offerSet.has(parsed.country) ? parsed.number : undefined;
    };
    const numbers = Object.keys(examples).flatMap((country) => {
      const example = getExampleNumber(country as keyof typeof examples, examples);
      return example ? [example.formatInternational(), example.number.replace('+', '00')] : [];
    });
    expect(numbers.length).toBeGreaterThan(400);
    const accepted = numbers.filter((text) => offerMobileNumber(text) !== undefined);
    expect(accepted.length).toBeGreaterThanOrEqual(2 * offerCountries.length);
    for (const text of numbers) expect(offerMobileNumber(text), text).toBe(withWholeMetadata(text));
    expect(offerMobileNumber('05 59 12 34 56')).toBeUndefined(); // a landline in Pau
    expect(offerMobileNumber('+44 7400 123456')).toBeUndefined(); // a British mobile
  });
});
