import { registerDecorator, type ValidationOptions } from 'class-validator';
import { LOCALES } from '@olp/reference-data';

/**
 * A LocalizedText `{ ar?, en?, fr? }`: only those keys, each a non-blank string of at most
 * `maxLength` characters, and at least one of them present.
 */
export function IsLocalizedText(maxLength: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalizedText',
      target: target.constructor,
      propertyName,
      constraints: [maxLength],
      options,
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          if (entries.length === 0) return false;
          return entries.every(
            ([key, text]) =>
              (LOCALES as readonly string[]).includes(key) && typeof text === 'string' && text.trim().length > 0 && [...text].length <= maxLength,
          );
        },
      },
    });
}

/** An ISO 8601 calendar date (`2026-12-31`) that exists. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
      },
    });
}
