import 'reflect-metadata';
import { readFileSync } from 'node:fs';
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
}

type Constructor = abstract new (...args: never[]) => unknown;

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
