/**
 * Freezes a value and everything reachable from it. Reference data is shared by every caller in
 * the process, so one caller mutating an entry (say, trimming a name) would silently change it
 * for all the others; freezing turns that into an immediate TypeError in strict-mode code.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Reflect.ownKeys(value)) {
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    }
    Object.freeze(value);
  }
  return value;
}
