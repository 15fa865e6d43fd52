import { registerDecorator, type ValidationOptions } from 'class-validator';

import { isCurrencyCode, isLanguageCode, isMemberStateCode } from '../reference-data.js';

// Validation decorators for DTOs and message payloads that carry reference codes. The rule names
// (`isMemberState`, ...) are the keys of `error.constraints`, which the platform's localized
// validation messages are looked up by: renaming one is a breaking change for that catalog.

function codeDecorator(
  name: string,
  isValid: (value: unknown) => boolean,
  defaultMessage: string,
): (options?: ValidationOptions) => PropertyDecorator {
  return (options) => (target, propertyKey) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: {
        validate: (value: unknown) => isValid(value),
        defaultMessage: () => defaultMessage,
      },
    });
  };
}

/** The property is the upper-case ISO 3166-1 alpha-2 code of an OIC member state (`'QA'`). */
export const IsMemberState = codeDecorator(
  'isMemberState',
  isMemberStateCode,
  '$property must be the ISO 3166-1 alpha-2 code of an OIC member state',
);

/** The property is a lower-case ISO 639-1 language code (`'ar'`). */
export const IsLanguageCode = codeDecorator(
  'isLanguageCode',
  isLanguageCode,
  '$property must be an ISO 639-1 language code',
);

/** The property is an upper-case ISO 4217 code of a currency in `CURRENCIES` (`'SAR'`). */
export const IsCurrencyCode = codeDecorator(
  'isCurrencyCode',
  isCurrencyCode,
  '$property must be an ISO 4217 currency code',
);
