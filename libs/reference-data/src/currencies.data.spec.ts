import { COUNTRIES } from './countries.data.js';
import { CURRENCIES } from './currencies.data.js';

describe('CURRENCIES', () => {
  it('has well-formed, unique ISO 4217 codes', () => {
    const codes = CURRENCIES.map((currency) => currency.code);
    const numerics = CURRENCIES.map((currency) => currency.numeric);
    for (const currency of CURRENCIES) {
      expect(currency.code).toMatch(/^[A-Z]{3}$/);
      expect(currency.numeric).toMatch(/^\d{3}$/);
      expect([0, 2, 3]).toContain(currency.minorUnits);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(numerics).size).toBe(numerics.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('includes USD, EUR and both CFA francs', () => {
    const codes = CURRENCIES.map((currency) => currency.code);
    expect(codes).toEqual(expect.arrayContaining(['USD', 'EUR', 'XOF', 'XAF']));
  });

  it('holds only currencies a member state uses, plus USD and EUR', () => {
    const used = new Set<string>(COUNTRIES.map((country) => country.currency));
    for (const currency of CURRENCIES) {
      if (currency.code !== 'USD' && currency.code !== 'EUR') expect(used.has(currency.code)).toBe(true);
    }
  });

  it('uses the ISO 4217 minor units, not the CLDR display digits', () => {
    const minorUnits = new Map<string, number>(CURRENCIES.map((currency) => [currency.code, currency.minorUnits]));
    for (const code of ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']) expect(minorUnits.get(code)).toBe(3);
    for (const code of ['DJF', 'GNF', 'KMF', 'UGX', 'XAF', 'XOF']) expect(minorUnits.get(code)).toBe(0);
    for (const code of ['IRR', 'LBP', 'SYP', 'IDR', 'SAR', 'USD', 'EUR']) expect(minorUnits.get(code)).toBe(2);
  });

  it('keeps the leading zeros of numeric codes', () => {
    expect(CURRENCIES.find((currency) => currency.code === 'ALL')?.numeric).toBe('008');
    expect(CURRENCIES.find((currency) => currency.code === 'YER')?.numeric).toBe('886');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CURRENCIES)).toBe(true);
    expect(CURRENCIES.every((currency) => Object.isFrozen(currency) && Object.isFrozen(currency.name))).toBe(true);
  });
});
