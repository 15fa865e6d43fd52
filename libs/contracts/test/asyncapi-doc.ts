import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';

/** A JSON/YAML object node of the document. */
export type Node = Record<string, unknown>;

export const REPO_ROOT = new URL('../../../', import.meta.url);
export const ASYNCAPI_PATH = new URL('docs/asyncapi.yaml', REPO_ROOT);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** docs/asyncapi.yaml with helpers to follow its local `$ref`s. */
export class AsyncApiDoc {
  constructor(readonly root: Node) {}

  static load(text: string = readFileSync(ASYNCAPI_PATH, 'utf8')): AsyncApiDoc {
    const root: unknown = parse(text);
    if (!isNode(root)) throw new Error('docs/asyncapi.yaml is not a YAML mapping');
    return new AsyncApiDoc(root);
  }

  /** The node a local JSON pointer (`#/components/schemas/X`) names, or undefined. */
  pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
      else if (isNode(node) && Object.prototype.hasOwnProperty.call(node, key)) node = node[key];
      else return undefined;
    }
    return node;
  }

  /** The node itself, or what its `$ref` (chain) points to. */
  deref(node: unknown, seen: string[] = []): Node {
    if (!isNode(node)) throw new Error(`expected an object, got ${JSON.stringify(node)}`);
    const ref = node['$ref'];
    if (typeof ref !== 'string') return node;
    if (seen.includes(ref)) throw new Error(`$ref cycle: ${[...seen, ref].join(' → ')}`);
    const target = this.pointer(ref);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return this.deref(target, [...seen, ref]);
  }

  /** Every `$ref` value anywhere in the document, with where it occurs. */
  refs(): { at: string; ref: unknown }[] {
    const found: { at: string; ref: unknown }[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}/${i}`));
      else if (isNode(node)) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') found.push({ at, ref: value });
          else walk(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        }
      }
    };
    walk(this.root, '#');
    return found;
  }

  section(name: 'channels' | 'operations'): [string, Node][] {
    const section = this.root[name];
    return isNode(section) ? Object.entries(section).map(([id, node]) => [id, this.deref(node)]) : [];
  }

  /** Channels with a given address (the logical subject). */
  channelsAt(address: string): [string, Node][] {
    return this.section('channels').filter(([, channel]) => channel['address'] === address);
  }

  /** Operations whose `channel` refers to `#/channels/<id>`. */
  operationsOn(channelId: string): [string, Node][] {
    return this.section('operations').filter(([, op]) => isNode(op['channel']) && op['channel']['$ref'] === `#/channels/${channelId}`);
  }

  /** The messages an operation (or its reply) lists, dereferenced. */
  messagesOf(holder: Node): Node[] {
    const list = holder['messages'];
    return Array.isArray(list) ? list.map((m) => this.deref(m)) : [];
  }

  /** An object schema's properties, merged over `allOf` (later members win), not dereferenced. */
  properties(schema: unknown): Record<string, unknown> {
    const s = this.deref(schema);
    const own = isNode(s['properties']) ? s['properties'] : {};
    const fromAllOf = Array.isArray(s['allOf']) ? s['allOf'].map((member) => this.properties(member)) : [];
    return Object.assign({}, ...fromAllOf, own) as Record<string, unknown>;
  }

  /** An object schema's `required`, merged over `allOf`. */
  required(schema: unknown): string[] {
    const s = this.deref(schema);
    const own = Array.isArray(s['required']) ? (s['required'] as string[]) : [];
    const fromAllOf = Array.isArray(s['allOf']) ? s['allOf'].flatMap((member) => this.required(member)) : [];
    return [...new Set([...fromAllOf, ...own])];
  }

  /** The schema of property `name` of an object schema (through `allOf`), dereferenced. */
  property(schema: unknown, name: string): Node {
    const prop = this.properties(schema)[name];
    if (prop === undefined) throw new Error(`schema has no property ${name}`);
    return this.deref(prop);
  }

  /**
   * The object schema a property schema describes, dereferenced: through array `items` and a
   * nullable `oneOf`/`anyOf` (`[X, { type: 'null' }]`), so `[X]`, `X | null` and `X` all give X.
   */
  objectSchema(schema: unknown): Node {
    let s = this.deref(schema);
    for (;;) {
      if (s['type'] === 'array' && s['items'] !== undefined) {
        s = this.deref(s['items']);
        continue;
      }
      const branches = s['oneOf'] ?? s['anyOf'];
      if (Array.isArray(branches)) {
        const present = branches.map((b) => this.deref(b)).filter((b) => b['type'] !== 'null');
        if (present.length === 1) {
          s = present[0]!;
          continue;
        }
      }
      return s;
    }
  }

  /** A value schema, dereferenced, and through a lone `allOf` member (a `$ref` with a description). */
  valueSchema(schema: unknown): Node {
    let s = this.deref(schema);
    while (s['enum'] === undefined && Array.isArray(s['allOf']) && s['allOf'].length === 1) s = this.deref(s['allOf'][0]);
    return s;
  }
}

export type Constructor = abstract new (...args: never[]) => unknown;

/** Properties class-validator checks on `cls`, inherited ones included, sorted. */
export function validatedProperties(cls: Constructor): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls as unknown as new () => object, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}

/** Validated properties without `@IsOptional()` (class-validator's `conditionalValidation`), sorted. */
export function requiredValidatedProperties(cls: Constructor): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls as unknown as new () => object, '', true, false);
  const optional = new Set(metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
  return validatedProperties(cls).filter((name) => !optional.has(name));
}

/**
 * Properties validated as nested objects (`@ValidateNested()`, for arrays with `each`) and the class
 * their `@Type(() => X)` names, sorted by property. The class is what class-transformer builds for
 * the property, so a `@ValidateNested()` without `@Type()` fails here instead of passing unchecked.
 */
export function nestedValidatedClasses(cls: Constructor): [string, Constructor][] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls as unknown as new () => object, '', true, false);
  const names = [...new Set(metadata.filter((m) => m.type === 'nestedValidation').map((m) => m.propertyName))].sort();
  return names.map((name) => {
    const instance = plainToInstance(cls as unknown as new () => object, { [name]: {} }) as Record<string, unknown>;
    const nested = (instance[name] as object | undefined)?.constructor as Constructor | undefined;
    if (nested === undefined || nested === Object) throw new Error(`${cls.name}.${name}: @ValidateNested() without @Type()`);
    return [name, nested];
  });
}

/** The values a property may take (`each`: every item of the array it is). */
export interface AllowedValues {
  property: string;
  each: boolean;
  values: unknown[];
}

/** The values `@IsIn()` allows per property (for arrays with `each`), sorted by property. */
export function allowedValues(cls: Constructor): AllowedValues[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls as unknown as new () => object, '', true, false);
  return metadata
    .filter((m) => m.name === 'isIn')
    .map((m) => ({ property: m.propertyName, each: m.each === true, values: [...((m.constraints?.[0] ?? []) as unknown[])] }))
    .sort((a, b) => a.property.localeCompare(b.property));
}

/** Properties `@ApiProperty()`/`@ApiPropertyOptional()` declare on a response class, sorted. */
export function documentedProperties(cls: Constructor): string[] {
  const names = (Reflect.getMetadata('swagger/apiModelPropertiesArray', cls.prototype as object) ?? []) as string[];
  return [...new Set(names.map((n) => n.replace(/^:/, '')))].sort();
}

/** Documented properties not marked optional (`required: false`), sorted. */
export function requiredDocumentedProperties(cls: Constructor): string[] {
  return documentedProperties(cls).filter((name) => {
    const meta = Reflect.getMetadata('swagger/apiModelProperties', cls.prototype as object, name) as { required?: boolean } | undefined;
    return meta?.required !== false;
  });
}

/**
 * Documented properties whose `type` is a documented class (`type: X` or `type: [X]`), with that
 * class, sorted by property.
 */
export function documentedNestedClasses(cls: Constructor): [string, Constructor][] {
  return documentedProperties(cls).flatMap((name): [string, Constructor][] => {
    const meta = Reflect.getMetadata('swagger/apiModelProperties', cls.prototype as object, name) as { type?: unknown } | undefined;
    const type = meta?.type;
    if (typeof type !== 'function' || typeof type.prototype !== 'object' || type.prototype === null) return [];
    const nested = type as Constructor;
    return documentedProperties(nested).length > 0 ? [[name, nested]] : [];
  });
}

/** The values `@ApiProperty({ enum })` documents per property (for arrays, of each item), sorted by property. */
export function documentedEnums(cls: Constructor): AllowedValues[] {
  return documentedProperties(cls).flatMap((name): AllowedValues[] => {
    const meta = Reflect.getMetadata('swagger/apiModelProperties', cls.prototype as object, name) as
      | { enum?: unknown; items?: { enum?: unknown } }
      | undefined;
    if (Array.isArray(meta?.enum)) return [{ property: name, each: false, values: [...(meta.enum as unknown[])] }];
    if (Array.isArray(meta?.items?.enum)) return [{ property: name, each: true, values: [...(meta.items.enum as unknown[])] }];
    return [];
  });
}
