import { isPossiblePhoneNumber } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.min.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { callingCodes, e164Plausible, redactText, RedactionSession } from '../../../src/core/redact/index.ts';
import { DETECTABLE } from '../../fixtures/redact/planted-values.ts';

/**
 * The calling-code table the panel ships instead of libphonenumber-js (~30 KB gzipped against a
 * 60 KB budget), held against libphonenumber-js itself: same codes, same national lengths from 7.
 */
type Metadata = {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown[]>;
};

describe('calling codes', () => {
  const data = metadata as unknown as Metadata;

  it('knows every calling code libphonenumber knows a personal-length number for', () => {
    const table = callingCodes();
    for (const [code, countries] of Object.entries(data.country_calling_codes)) {
      const lengths = countries.flatMap(
        (country) => (data.countries[country]?.[3] as number[] | undefined) ?? [],
      );
      const personal = lengths.filter((length) => length >= 7);
      if (personal.length === 0) continue;
      const range = table.get(code);
      expect(range, code).toBeDefined();
      if (code === '1') expect(range).toEqual([10, 10]);
      else expect(range).toEqual([Math.min(...personal), Math.max(...lengths)]);
    }
  });

  it('accepts what libphonenumber-js calls possible, for the corpus numbers written internationally', () => {
    for (const planted of DETECTABLE.filter(
      (value) => value.class === 'phone' && value.value.startsWith('+'),
    )) {
      const digits = planted.value.replace('(0)', '').replace(/\D/g, '');
      expect(isPossiblePhoneNumber(planted.value.replace('(0)', '')), planted.id).toBe(true);
      expect(e164Plausible(digits), planted.id).toBe(true);
    }
  });

  it('rejects digit groups that no numbering plan allows', () => {
    expect(e164Plausible('12345678')).toBe(false); // +1 with 7 national digits
    expect(redactText('+1 2 3 4 5 6 7 8', new RedactionSession())).toBe('+1 2 3 4 5 6 7 8');
    expect(redactText('+999 123 456 789', new RedactionSession())).toBe('+999 123 456 789');
  });
});
