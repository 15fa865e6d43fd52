import { getMetadataStorage } from 'class-validator';

type Lookup = ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas'];

const INSTALLED = Symbol.for('olp.validation-metadata-cache');

/**
 * Memoizes class-validator's `getTargetValidationMetadatas`, which scans every decorated class of
 * the process on each `validate` call to find a target's inherited rules (typestack/class-validator
 * #2686, open). With the contracts library loaded that scan was the largest single cost of
 * validating an event (4 % of the matching service's CPU in bench:e2e). A class's own and
 * inherited rules are all registered when the class is defined, before any instance of it can be
 * validated, and classes defined later never change them, so the answer per (class, schema,
 * options) is fixed: it is kept per class in a WeakMap. Installed once per process (the storage
 * is a global singleton shared by every copy of class-validator).
 */
export function installValidationMetadataCache(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [INSTALLED]?: true };
  if (storage[INSTALLED]) return;
  const original: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const cache = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    // A string target is a named schema, not a class: not cached (schemas can be registered at any time).
    if (typeof targetConstructor !== 'function') return original(targetConstructor, targetSchema, always, strictGroups, groups);
    const key = `${targetSchema}\u0000${String(always)}\u0000${String(strictGroups)}\u0000${(groups ?? []).join('\u0001')}`;
    let perClass = cache.get(targetConstructor);
    if (!perClass) cache.set(targetConstructor, (perClass = new Map()));
    let found = perClass.get(key);
    if (!found) perClass.set(key, (found = original(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found;
  };
  storage[INSTALLED] = true;
}
