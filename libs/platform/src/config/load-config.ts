import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message} (got ${JSON.stringify(error.value)})`),
  );
}

/**
 * Reads one service's configuration class from the environment, applying its defaults and
 * failing at boot with every bad variable named. Properties are the variable names.
 */
export function loadConfig<T extends object>(
  cls: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(cls, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  // Only the declared properties survive; the rest of the environment is not configuration.
  const result = new cls() as Record<string, unknown>;
  for (const key of declaredVariables(cls)) {
    const value = (config as Record<string, unknown>)[key];
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}

/** The variables a config class declares: those with defaults and the optional ones (validated, no default). */
export function declaredVariables(cls: new () => object): string[] {
  const withDefaults = Object.keys(new cls());
  const validated = getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .map((m) => m.propertyName);
  return [...new Set([...withDefaults, ...validated])];
}
