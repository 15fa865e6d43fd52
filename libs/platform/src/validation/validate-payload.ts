import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { DomainError, ErrorCode, type ErrorParams, type FieldError } from '@olp/contracts';
import { installValidationMetadataCache } from './metadata-cache.js';

// The one place the cache is installed: importing @olp/platform (as every service and the messaging
// library do) evaluates this module, so it is on before anything validates.
installValidationMetadataCache();

/** The argument names of each rule's constraints, so messages can say "at most {max}". */
const RULE_PARAMS: Record<string, string[]> = {
  isLength: ['min', 'max'],
  minLength: ['min'],
  maxLength: ['max'],
  min: ['min'],
  max: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
  isIn: ['values'],
  isEnum: ['values'],
};

function constraintParams(target: object | undefined, property: string, rule: string): ErrorParams | undefined {
  const names = RULE_PARAMS[rule];
  if (!target || !names) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === rule || m.type === rule));
  const constraints = metadata?.constraints ?? [];
  const params: ErrorParams = {};
  names.forEach((name, index) => {
    const value: unknown = constraints[index];
    if (Array.isArray(value)) params[name] = value.join(', ');
    else if (typeof value === 'number' || typeof value === 'string') params[name] = value;
    else if (value && typeof value === 'object') params[name] = Object.values(value).join(', ');
  });
  return Object.keys(params).length > 0 ? params : undefined;
}

/** class-validator's error tree as a flat list of field paths and rule names, with rule arguments. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const index = /^\d+$/.test(error.property);
    const path = prefix === '' ? error.property : index ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`;
    const own = Object.keys(error.constraints ?? {}).map((rule) => {
      const params = constraintParams(error.target, error.property, rule);
      return { field: path, rule, ...(params ? { params } : {}) };
    });
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // Instances always come from plainToInstance, so the unknown-object guard adds nothing here.
  forbidUnknownValues: false,
  stopAtFirstError: false,
  validationError: { target: true, value: false },
} as const;

/**
 * Turns an untrusted plain object into an instance of `cls`, or throws VALIDATION_FAILED naming
 * every bad field. The same rules apply at the HTTP boundary, on request/reply and on events.
 */
export async function validatePayload<T extends object>(cls: new () => T, plain: unknown): Promise<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: '', rule: 'isObject' }]);
  }
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = await validate(instance, VALIDATION_OPTIONS);
  if (errors.length > 0) {
    const fields = flattenValidationErrors(errors);
    throw new DomainError(ErrorCode.ValidationFailed, { count: fields.length }, fields);
  }
  return instance;
}
