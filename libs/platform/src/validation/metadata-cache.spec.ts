import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested, getMetadataStorage, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { installValidationMetadataCache } from './metadata-cache.js';

class Base {
  @IsString()
  @Length(1, 5)
  code!: string;
}

class Child {
  @IsInt()
  @Min(1)
  n!: number;
}

class Derived extends Base {
  @ValidateNested({ each: true })
  @Type(() => Child)
  children!: Child[];
}

const errorsOf = (value: object) =>
  validateSync(plainToInstance(Derived, value), { whitelist: true, forbidNonWhitelisted: true }).map((e) => ({
    property: e.property,
    constraints: e.constraints,
    children: e.children?.map((c) => c.property),
  }));

describe('installValidationMetadataCache', () => {
  const cases = [
    { code: 'ok', children: [{ n: 1 }] },
    { code: '', children: [{ n: 0 }, { n: 2 }] },
    { code: 'toolong', children: [], extra: true },
    { children: [{ n: 'x' }] },
  ];

  it('validates exactly as class-validator does without it, inherited and nested rules included', () => {
    const storage = getMetadataStorage();
    const uncachedLookup = storage.getTargetValidationMetadatas;
    const before = cases.map(errorsOf);
    installValidationMetadataCache();
    expect(storage.getTargetValidationMetadatas).not.toBe(uncachedLookup);
    expect(cases.map(errorsOf)).toEqual(before);
    expect(before[0]).toEqual([]);
    expect(before[1]!.map((e) => e.property).sort()).toEqual(['children', 'code']);
  });

  it('answers a repeated lookup from the cache, per options', () => {
    installValidationMetadataCache();
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Derived, '', true, false);
    expect(storage.getTargetValidationMetadatas(Derived, '', true, false)).toBe(first);
    // Inherited rules are part of the answer.
    expect(new Set(first.map((m) => m.propertyName))).toEqual(new Set(['code', 'children']));
    const grouped = storage.getTargetValidationMetadatas(Derived, '', false, false, ['other']);
    expect(grouped).not.toBe(first);
    expect(grouped).toEqual([]);
  });

  it('is installed once however often it is called', () => {
    installValidationMetadataCache();
    const lookup = getMetadataStorage().getTargetValidationMetadatas;
    installValidationMetadataCache();
    expect(getMetadataStorage().getTargetValidationMetadatas).toBe(lookup);
  });

  it('sees the rules of a class defined after the cache was installed', () => {
    installValidationMetadataCache();
    class Later extends Base {
      @IsInt()
      extra!: number;
    }
    const errors = validateSync(plainToInstance(Later, { code: '', extra: 'no' }));
    expect(errors.map((e) => e.property).sort()).toEqual(['code', 'extra']);
  });
});
