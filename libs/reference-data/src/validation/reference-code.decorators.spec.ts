import { validateSync } from 'class-validator';

import { IsCurrencyCode, IsLanguageCode, IsMemberState } from './reference-code.decorators.js';

class Profile {
  @IsMemberState()
  country: unknown;

  @IsMemberState({ each: true })
  countryScope: unknown;

  @IsLanguageCode()
  language: unknown;

  @IsCurrencyCode()
  currency: unknown;

  constructor(values: Partial<Profile>) {
    Object.assign(this, values);
  }
}

const valid = { country: 'QA', countryScope: ['TR', 'AZ'], language: 'fr', currency: 'SAR' };

function constraintsOf(values: Partial<Profile>): Record<string, Record<string, string> | undefined> {
  return Object.fromEntries(
    validateSync(new Profile({ ...valid, ...values })).map((error) => [error.property, error.constraints]),
  );
}

describe('reference-code decorators', () => {
  it('accept canonical codes', () => {
    expect(validateSync(new Profile(valid))).toEqual([]);
  });

  it('reject unknown, mis-cased or non-string values under their own rule names', () => {
    const constraints = constraintsOf({ country: 'FR', countryScope: ['TR', 'sa'], language: 'AR', currency: 'GBP' });
    expect(Object.keys(constraints).sort()).toEqual(['country', 'countryScope', 'currency', 'language']);
    expect(constraints['country']).toEqual({
      isMemberState: 'country must be the ISO 3166-1 alpha-2 code of an OIC member state',
    });
    expect(Object.keys(constraints['countryScope'] ?? {})).toEqual(['isMemberState']);
    expect(Object.keys(constraints['language'] ?? {})).toEqual(['isLanguageCode']);
    expect(Object.keys(constraints['currency'] ?? {})).toEqual(['isCurrencyCode']);
  });

  it('reject alpha-3 codes and non-strings for member states', () => {
    expect(Object.keys(constraintsOf({ country: 'QAT' }))).toEqual(['country']);
    expect(Object.keys(constraintsOf({ country: 634 }))).toEqual(['country']);
  });

  it('honour validation options such as a custom message', () => {
    class Vacancy {
      @IsMemberState({ message: 'custom' })
      country = 'XX';
    }
    expect(validateSync(new Vacancy())[0]?.constraints).toEqual({ isMemberState: 'custom' });
  });
});
