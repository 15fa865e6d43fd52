import { COUNTRIES, OIC_GROUPS, type OicGroup } from './countries.data.js';
import { CURRENCIES } from './currencies.data.js';

const EXPECTED_GROUPS: Record<OicGroup, readonly string[]> = {
  // The 22 members of the League of Arab States.
  arab: 'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE'.split(' '),
  african: 'BJ BF CM TD CI GA GM GN GW ML MZ NE NG SN SL TG UG'.split(' '),
  asian: 'AF AL AZ BD BN GY ID IR KZ KG MY MV PK SR TJ TR TM UZ'.split(' '),
};

function codesOf(group: OicGroup): string[] {
  return COUNTRIES.filter((country) => country.oicGroup === group).map((country) => country.alpha2);
}

describe('COUNTRIES', () => {
  it('lists exactly the 57 OIC member states', () => {
    expect(COUNTRIES).toHaveLength(57);
    const expected = Object.values(EXPECTED_GROUPS).flat();
    expect(COUNTRIES.map((country) => country.alpha2).sort()).toEqual([...expected].sort());
  });

  it('has well-formed ISO 3166-1 codes', () => {
    for (const country of COUNTRIES) {
      expect(country.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(country.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(country.numeric).toMatch(/^\d{3}$/);
    }
  });

  it.each(['alpha2', 'alpha3', 'numeric'] as const)('has unique %s codes', (field) => {
    const values = COUNTRIES.map((country) => country[field]);
    expect(new Set(values).size).toBe(values.length);
  });

  it('puts each country in its OIC group: 22 Arab, 17 African, 18 Asian', () => {
    expect(OIC_GROUPS).toEqual(['arab', 'african', 'asian']);
    expect(codesOf('arab')).toHaveLength(22);
    expect(codesOf('african')).toHaveLength(17);
    expect(codesOf('asian')).toHaveLength(18);
    for (const group of OIC_GROUPS) {
      expect([...codesOf(group)].sort()).toEqual([...EXPECTED_GROUPS[group]].sort());
    }
  });

  it('gives every country a currency listed in CURRENCIES', () => {
    const known = new Set(CURRENCIES.map((currency) => currency.code));
    for (const country of COUNTRIES) {
      expect(known.has(country.currency)).toBe(true);
    }
  });

  it('uses the CFA francs for the UEMOA and CEMAC members', () => {
    const currencyOf = (alpha2: string): string | undefined =>
      COUNTRIES.find((country) => country.alpha2 === alpha2)?.currency;
    for (const alpha2 of ['BJ', 'BF', 'CI', 'GW', 'ML', 'NE', 'SN', 'TG']) expect(currencyOf(alpha2)).toBe('XOF');
    for (const alpha2 of ['CM', 'TD', 'GA']) expect(currencyOf(alpha2)).toBe('XAF');
  });

  it('knows a few codes and names that are easy to get wrong', () => {
    const byAlpha2 = new Map(COUNTRIES.map((country) => [country.alpha2, country]));
    expect(byAlpha2.get('PS')).toMatchObject({ alpha3: 'PSE', numeric: '275' });
    expect(byAlpha2.get('AL')).toMatchObject({ alpha3: 'ALB', numeric: '008' });
    expect(byAlpha2.get('YE')).toMatchObject({ alpha3: 'YEM', numeric: '887' });
    expect(byAlpha2.get('TR')?.name).toEqual({ ar: 'تركيا', en: 'Türkiye', fr: 'Turquie' });
    expect(byAlpha2.get('CI')?.name).toEqual({ ar: 'كوت ديفوار', en: "Côte d'Ivoire", fr: "Côte d'Ivoire" });
    expect(byAlpha2.get('EG')?.name.fr).toBe('Égypte');
    expect(byAlpha2.get('SA')?.name).toEqual({ ar: 'المملكة العربية السعودية', en: 'Saudi Arabia', fr: 'Arabie saoudite' });
  });

  it('is frozen, entries and names included', () => {
    expect(Object.isFrozen(COUNTRIES)).toBe(true);
    for (const country of COUNTRIES) {
      expect(Object.isFrozen(country)).toBe(true);
      expect(Object.isFrozen(country.name)).toBe(true);
    }
  });
});
