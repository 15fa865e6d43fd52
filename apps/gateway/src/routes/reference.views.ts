import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CEFR_LEVEL_INFO,
  COUNTRIES,
  CURRENCIES,
  EDUCATION_LEVELS,
  LANGUAGES,
  LOCALES,
  OIC_GROUPS,
  resolveText,
  type Locale,
} from '@olp/reference-data';

class TrilingualTextView {
  @ApiProperty({ example: 'قطر' }) ar: string;
  @ApiProperty({ example: 'Qatar' }) en: string;
  @ApiProperty({ example: 'Qatar' }) fr: string;
}

export class CountryView {
  @ApiProperty({ example: 'QA', description: 'ISO 3166-1 alpha-2' }) code: string;
  @ApiProperty({ example: 'QAT' }) alpha3: string;
  @ApiProperty({ example: '634' }) numeric: string;
  @ApiProperty({ type: TrilingualTextView }) name: TrilingualTextView;
  @ApiProperty({ example: 'Qatar', description: 'The name in the request language' }) label: string;
  @ApiProperty({ enum: OIC_GROUPS }) oicGroup: string;
  @ApiProperty({ example: 'QAR' }) currency: string;
}

export class LanguageView {
  @ApiProperty({ example: 'ar', description: 'ISO 639-1' }) code: string;
  @ApiProperty({ type: TrilingualTextView }) name: TrilingualTextView;
  @ApiProperty({ example: 'Arabic' }) label: string;
}

export class CefrLevelView {
  @ApiProperty({ example: 'B2' }) level: string;
  @ApiProperty({ example: 'independent' }) band: string;
  @ApiProperty({ example: 'B2 · Upper intermediate' }) label: string;
  @ApiProperty() description: string;
}

export class EducationLevelView {
  @ApiProperty({ example: 6, description: 'ISCED 2011 level' }) level: number;
  @ApiProperty({ example: 'bachelor' }) key: string;
  @ApiProperty({ type: TrilingualTextView }) name: TrilingualTextView;
  @ApiProperty() label: string;
  @ApiProperty() tertiary: boolean;
}

export class CurrencyView {
  @ApiProperty({ example: 'QAR', description: 'ISO 4217' }) code: string;
  @ApiProperty({ example: '634' }) numeric: string;
  @ApiProperty({ example: 2, description: 'Decimal places; amounts are stored in these minor units' }) minorUnits: number;
  @ApiProperty({ type: TrilingualTextView }) name: TrilingualTextView;
  @ApiProperty() label: string;
}

export class CountryList {
  @ApiProperty({ type: [CountryView] }) items: CountryView[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Always null: the list is complete' }) nextCursor: null;
}
export class LanguageList {
  @ApiProperty({ type: [LanguageView] }) items: LanguageView[];
  @ApiProperty({ type: [CefrLevelView], description: 'CEFR levels used for language requirements' }) cefrLevels: CefrLevelView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: null;
}
export class EducationLevelList {
  @ApiProperty({ type: [EducationLevelView] }) items: EducationLevelView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: null;
}
export class CurrencyList {
  @ApiProperty({ type: [CurrencyView] }) items: CurrencyView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: null;
}

const label = (text: Parameters<typeof resolveText>[0], locale: Locale) => resolveText(text, locale) ?? '';

function render(locale: Locale) {
  return {
    countries: {
      items: COUNTRIES.map((c) => ({
        code: c.alpha2,
        alpha3: c.alpha3,
        numeric: c.numeric,
        name: c.name,
        label: label(c.name, locale),
        oicGroup: c.oicGroup,
        currency: c.currency,
      })).sort((a, b) => a.label.localeCompare(b.label, locale)),
      nextCursor: null,
    },
    languages: {
      items: LANGUAGES.map((l) => ({ code: l.code, name: l.name, label: label(l.name, locale) })),
      cefrLevels: CEFR_LEVEL_INFO.map((c) => ({ level: c.level, band: c.band, label: label(c.label, locale), description: label(c.description, locale) })),
      nextCursor: null,
    },
    educationLevels: {
      items: EDUCATION_LEVELS.map((e) => ({ level: e.level, key: e.key, name: e.name, label: label(e.name, locale), tertiary: e.tertiary })),
      nextCursor: null,
    },
    currencies: {
      items: CURRENCIES.map((c) => ({ code: c.code, numeric: c.numeric, minorUnits: c.minorUnits, name: c.name, label: label(c.name, locale) })),
      nextCursor: null,
    },
  };
}

export type ReferenceKind = keyof ReturnType<typeof render>;

/** Reference data is static: each list is rendered and serialised once per language at start. */
export const REFERENCE_JSON: Readonly<Record<Locale, Record<ReferenceKind, string>>> = Object.fromEntries(
  LOCALES.map((locale) => {
    const views = render(locale);
    return [locale, Object.fromEntries(Object.entries(views).map(([kind, value]) => [kind, JSON.stringify(value)]))];
  }),
) as Record<Locale, Record<ReferenceKind, string>>;
