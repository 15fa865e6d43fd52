import { CEFR_LEVELS, COUNTRIES, CURRENCIES, LANGUAGES, LOCALES } from '@olp/reference-data';
import {
  APPLICATION_STATUSES,
  CLOSE_REASONS,
  CONTRACT_TYPES,
  DEAD_LETTER_SUBJECT_PREFIX,
  EMPLOYER_SIZES,
  ErrorCode,
  EVENTS,
  ISIC_SECTIONS,
  RELOCATION_SCOPES,
  ROLES,
  RPC,
  SALARY_PERIODS,
  SELF_REGISTRATION_ROLES,
  VACANCY_STATUSES,
  VISIBILITIES,
  WORK_MODES,
} from '../src/index.js';
import {
  allowedValues,
  AsyncApiDoc,
  documentedEnums,
  documentedNestedClasses,
  documentedProperties,
  nestedValidatedClasses,
  requiredDocumentedProperties,
  requiredValidatedProperties,
  validatedProperties,
  type AllowedValues,
  type Constructor,
  type Node,
} from './asyncapi-doc.js';

// docs/asyncapi.yaml describes every NATS subject of the platform. These checks tie it to the
// registries of @olp/contracts, so adding, removing or changing a contract without the document
// (or the other way round) fails here.

const doc = AsyncApiDoc.load();
const eventSubjects = Object.keys(EVENTS) as (keyof typeof EVENTS)[];
const rpcPatterns = Object.keys(RPC) as (keyof typeof RPC)[];
const DEAD_LETTER_ADDRESS = `${DEAD_LETTER_SUBJECT_PREFIX}.{service}.{consumer}`;

function sorted(values: readonly unknown[]): unknown[] {
  return [...values].sort();
}

/** The one channel at `address`, with its id. */
function channelAt(address: string): [string, Node] {
  const found = doc.channelsAt(address);
  expect(found.map(([id]) => id)).toHaveLength(1);
  return found[0]!;
}

/** The `data` schema of the one message of an event channel (CloudEvents envelope → data). */
function eventData(subject: string): { envelope: Node; data: Node } {
  const [, channel] = channelAt(subject);
  const messages = Object.values((channel['messages'] ?? {}) as Record<string, unknown>).map((m) => doc.deref(m));
  expect(messages).toHaveLength(1);
  const envelope = doc.deref(messages[0]!['payload']);
  return { envelope, data: doc.property(envelope, 'data') };
}

/** The serving operation of a request/reply pattern: request and reply messages. */
function rpcOperation(pattern: string): { op: Node; request: Node; reply: Node } {
  const [id] = channelAt(pattern);
  const ops = doc.operationsOn(id).filter(([, op]) => op['reply'] !== undefined);
  expect(ops.map(([opId]) => opId)).toHaveLength(1);
  const op = ops[0]![1];
  const requests = doc.messagesOf(op);
  const replies = doc.messagesOf(doc.deref(op['reply']));
  expect(requests).toHaveLength(1);
  expect(replies).toHaveLength(1);
  return { op, request: requests[0]!, reply: replies[0]! };
}

/** How one side of the contracts describes a class: its properties, required ones, nested classes, enums. */
interface ClassReading {
  properties: (cls: Constructor) => string[];
  required: (cls: Constructor) => string[];
  nested: (cls: Constructor) => [string, Constructor][];
  enums: (cls: Constructor) => AllowedValues[];
}

/** Payload and request classes: class-validator metadata (with class-transformer's `@Type`). */
const VALIDATED: ClassReading = {
  properties: validatedProperties,
  required: requiredValidatedProperties,
  nested: nestedValidatedClasses,
  enums: allowedValues,
};

/** Response classes: @nestjs/swagger metadata. */
const DOCUMENTED: ClassReading = {
  properties: documentedProperties,
  required: requiredDocumentedProperties,
  nested: documentedNestedClasses,
  enums: documentedEnums,
};

/**
 * Where the schemas of nested classes (`skills: VacancySkillDto[]`, `eligibility: EligibilityDto`,
 * `profile: ProfileView | null`) differ from those classes, at any depth: property names,
 * required lists, and again for their own nested classes.
 */
function nestedProblems(schema: Node, cls: Constructor, reading: ClassReading, where: string): string[] {
  const problems: string[] = [];
  for (const [name, nestedCls] of reading.nested(cls)) {
    const at = `${where}.${name} (${nestedCls.name})`;
    const prop = doc.properties(schema)[name];
    if (prop === undefined) {
      problems.push(`${at}: not in the schema`);
      continue;
    }
    const inner = doc.objectSchema(prop);
    const names = sorted(Object.keys(doc.properties(inner)));
    const required = sorted(doc.required(inner));
    if (JSON.stringify(names) !== JSON.stringify(reading.properties(nestedCls))) {
      problems.push(`${at}: properties ${names.join(',')} ≠ ${reading.properties(nestedCls).join(',')}`);
    }
    if (JSON.stringify(required) !== JSON.stringify(reading.required(nestedCls))) {
      problems.push(`${at}: required ${required.join(',')} ≠ ${reading.required(nestedCls).join(',')}`);
    }
    problems.push(...nestedProblems(inner, nestedCls, reading, `${where}.${name}`));
  }
  return problems;
}

/** Where the schema's enums differ from the values the class allows (`@IsIn`) or documents (`enum`), nested classes included. */
function enumProblems(schema: Node, cls: Constructor, reading: ClassReading, where: string): string[] {
  const problems: string[] = [];
  for (const { property, each, values } of reading.enums(cls)) {
    const at = `${where}.${property}`;
    const prop = doc.properties(schema)[property];
    if (prop === undefined) {
      problems.push(`${at}: not in the schema`);
      continue;
    }
    let value = doc.valueSchema(prop);
    if (each) {
      if (value['type'] !== 'array') {
        problems.push(`${at}: not an array`);
        continue;
      }
      value = doc.valueSchema(value['items']);
    }
    if (JSON.stringify(value['enum']) !== JSON.stringify(values)) {
      problems.push(`${at}: enum ${JSON.stringify(value['enum'])} ≠ ${JSON.stringify(values)}`);
    }
  }
  for (const [name, nestedCls] of reading.nested(cls)) {
    const prop = doc.properties(schema)[name];
    if (prop !== undefined) problems.push(...enumProblems(doc.objectSchema(prop), nestedCls, reading, `${where}.${name}`));
  }
  return problems;
}

describe('docs/asyncapi.yaml', () => {
  it('is an AsyncAPI 3.0.0 document for the local NATS server', () => {
    expect(doc.root['asyncapi']).toBe('3.0.0');
    const info = doc.deref(doc.root['info']);
    expect(typeof info['title']).toBe('string');
    expect(typeof info['version']).toBe('string');
    const local = doc.deref(doc.deref(doc.root['servers'])['local']);
    expect(local).toMatchObject({ host: '127.0.0.1:4222', protocol: 'nats' });
  });

  it('resolves every $ref within the document', () => {
    const refs = doc.refs();
    expect(refs.length).toBeGreaterThan(0);
    const broken = refs.filter(({ ref }) => typeof ref !== 'string' || doc.pointer(ref) === undefined);
    expect(broken).toEqual([]);
  });

  it('lets every operation use only messages of its own channel (and reply channel)', () => {
    const problems: string[] = [];
    for (const [id, op] of doc.section('operations')) {
      if (op['action'] !== 'send' && op['action'] !== 'receive') problems.push(`${id}: action ${String(op['action'])}`);
      const channelRef = doc.deref({ $ref: `#/operations/${id}` })['channel'] as Node | undefined;
      const lists: [string, unknown, unknown][] = [[id, channelRef?.['$ref'], op['messages']]];
      if (op['reply'] !== undefined) {
        const reply = doc.deref(op['reply']);
        lists.push([`${id}.reply`, (reply['channel'] as Node | undefined)?.['$ref'], reply['messages']]);
      }
      for (const [where, channel, messages] of lists) {
        if (typeof channel !== 'string') problems.push(`${where}: no channel $ref`);
        for (const m of (messages ?? []) as Node[]) {
          if (typeof m['$ref'] !== 'string' || !m['$ref'].startsWith(`${String(channel)}/messages/`)) {
            problems.push(`${where}: message ${String(m['$ref'])} is not one of ${String(channel)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names no subject that the contracts registries lack', () => {
    const known = new Set<string>([...eventSubjects, ...rpcPatterns, DEAD_LETTER_ADDRESS]);
    const addresses = doc
      .section('channels')
      .map(([, channel]) => channel['address'])
      .filter((address) => address !== null && address !== undefined);
    expect(addresses.filter((address) => !known.has(String(address)))).toEqual([]);
    // Each subject once.
    expect(addresses.length).toBe(new Set(addresses).size);
  });

  describe('events', () => {
    it.each(eventSubjects)('%s has a channel with a send operation', (subject) => {
      const [id] = channelAt(subject);
      const ops = doc.operationsOn(id);
      expect(ops.filter(([, op]) => op['action'] === 'send')).toHaveLength(1);
    });

    it.each(eventSubjects)('%s is a CloudEvents envelope with type olp.<subject> and the payload class as data', (subject) => {
      const { envelope, data } = eventData(subject);
      expect(doc.required(envelope)).toEqual(expect.arrayContaining(['specversion', 'id', 'source', 'type', 'time', 'data']));
      expect(doc.deref(doc.properties(envelope)['type'])['const']).toBe(`olp.${subject}`);
      const cls = EVENTS[subject];
      expect(sorted(Object.keys(doc.properties(data)))).toEqual(validatedProperties(cls));
      expect(sorted(doc.required(data))).toEqual(requiredValidatedProperties(cls));
    });

    it.each(eventSubjects)('%s documents nested payload classes and enums like the class', (subject) => {
      const { data } = eventData(subject);
      expect(nestedProblems(data, EVENTS[subject], VALIDATED, 'data')).toEqual([]);
      expect(enumProblems(data, EVENTS[subject], VALIDATED, 'data')).toEqual([]);
    });

    it('finds nested payload classes (so the check above is not vacuous)', () => {
      expect(eventSubjects.flatMap((subject) => nestedValidatedClasses(EVENTS[subject])).length).toBeGreaterThan(0);
    });

    it('dead letters have a parameterised channel and a send operation', () => {
      const [id, channel] = channelAt(DEAD_LETTER_ADDRESS);
      expect(sorted(Object.keys(doc.deref(channel['parameters'])))).toEqual(['consumer', 'service']);
      expect(doc.operationsOn(id).filter(([, op]) => op['action'] === 'send')).toHaveLength(1);
    });
  });

  describe('request/reply', () => {
    it.each(rpcPatterns)('%s has a channel with a receive operation and a reply', (pattern) => {
      const { op } = rpcOperation(pattern);
      expect(op['action']).toBe('receive');
    });

    it.each(rpcPatterns)('%s request envelope carries meta and the request class as data', (pattern) => {
      const { request } = rpcOperation(pattern);
      const envelope = doc.deref(request['payload']);
      expect(sorted(doc.required(envelope))).toEqual(['data', 'meta']);
      const data = doc.property(envelope, 'data');
      const cls = RPC[pattern].request;
      expect(sorted(Object.keys(doc.properties(data)))).toEqual(validatedProperties(cls));
      expect(sorted(doc.required(data))).toEqual(requiredValidatedProperties(cls));
    });

    it.each(rpcPatterns)('%s request documents nested classes and enums like the request class', (pattern) => {
      const { request } = rpcOperation(pattern);
      const data = doc.property(doc.deref(request['payload']), 'data');
      expect(nestedProblems(data, RPC[pattern].request, VALIDATED, 'data')).toEqual([]);
      expect(enumProblems(data, RPC[pattern].request, VALIDATED, 'data')).toEqual([]);
    });

    it.each(rpcPatterns)('%s reply documents nested classes and enums like the response class', (pattern) => {
      const { reply } = rpcOperation(pattern);
      const success = ((doc.deref(reply['payload'])['oneOf'] ?? []) as Node[])
        .map((b) => doc.deref(b))
        .filter((b) => doc.deref(doc.properties(b)['ok'] ?? {})['const'] === true);
      expect(success).toHaveLength(1);
      const data = doc.property(success[0]!, 'data');
      expect(nestedProblems(data, RPC[pattern].response, DOCUMENTED, 'data')).toEqual([]);
      expect(enumProblems(data, RPC[pattern].response, DOCUMENTED, 'data')).toEqual([]);
    });

    it('finds nested request and response classes (so the checks above are not vacuous)', () => {
      expect(rpcPatterns.flatMap((pattern) => nestedValidatedClasses(RPC[pattern].request)).length).toBeGreaterThan(0);
      expect(rpcPatterns.flatMap((pattern) => documentedNestedClasses(RPC[pattern].response)).length).toBeGreaterThan(0);
    });

    it.each(rpcPatterns)('%s reply is { ok: true, data: <response class> } or ErrorReply', (pattern) => {
      const { reply } = rpcOperation(pattern);
      const payload = doc.deref(reply['payload']);
      const branches = (payload['oneOf'] ?? []) as Node[];
      expect(branches.map((b) => b['$ref']).filter((ref) => ref !== undefined)).toEqual(['#/components/schemas/ErrorReply']);
      const success = branches.map((b) => doc.deref(b)).filter((b) => doc.deref(doc.properties(b)['ok'] ?? {})['const'] === true);
      expect(success).toHaveLength(1);
      const data = doc.property(success[0]!, 'data');
      const cls = RPC[pattern].response;
      expect(sorted(Object.keys(doc.properties(data)))).toEqual(documentedProperties(cls));
      expect(sorted(doc.required(data))).toEqual(requiredDocumentedProperties(cls));
    });
  });

  describe('shared schemas', () => {
    const schemas = doc.deref((doc.root['components'] as Node)['schemas']);

    it('ErrorReply lists every ErrorCode', () => {
      const error = doc.property(schemas['ErrorReply'], 'error');
      const code = doc.property(error, 'code');
      expect(code['enum']).toEqual(Object.values(ErrorCode));
    });

    it('enumerates the roles, locales and member states of the code', () => {
      expect(doc.deref(schemas['Role'])['enum']).toEqual([...ROLES]);
      expect(doc.deref(schemas['SelfRegistrationRole'])['enum']).toEqual([...SELF_REGISTRATION_ROLES]);
      expect(doc.deref(schemas['Locale'])['enum']).toEqual([...LOCALES]);
      expect(sorted(doc.deref(schemas['MemberStateCode'])['enum'] as string[])).toEqual(sorted(COUNTRIES.map((c) => c.alpha2)));
    });

    it('enumerates the languages, CEFR levels and currencies of the reference data', () => {
      expect(sorted(doc.deref(schemas['LanguageCode'])['enum'] as string[])).toEqual(sorted(LANGUAGES.map((l) => l.code)));
      expect(doc.deref(schemas['CefrLevel'])['enum']).toEqual([...CEFR_LEVELS]);
      expect(sorted(doc.deref(schemas['CurrencyCode'])['enum'] as string[])).toEqual(sorted(CURRENCIES.map((c) => c.code)));
    });

    it('LocalizedText has exactly the locales as keys, at least one', () => {
      const text = doc.deref(schemas['LocalizedText']);
      expect(sorted(Object.keys(doc.properties(text)))).toEqual(sorted(LOCALES));
      expect(text['additionalProperties']).toBe(false);
      expect(text['minProperties']).toBe(1);
    });

    it('enumerates the vacancy and seeker value sets of the code', () => {
      expect(doc.deref(schemas['WorkMode'])['enum']).toEqual([...WORK_MODES]);
      expect(doc.deref(schemas['ContractType'])['enum']).toEqual([...CONTRACT_TYPES]);
      expect(doc.deref(schemas['SalaryPeriod'])['enum']).toEqual([...SALARY_PERIODS]);
      expect(doc.deref(schemas['VacancyStatus'])['enum']).toEqual([...VACANCY_STATUSES]);
      expect(doc.deref(schemas['CloseReason'])['enum']).toEqual([...CLOSE_REASONS]);
      expect(doc.deref(schemas['ApplicationStatus'])['enum']).toEqual([...APPLICATION_STATUSES]);
      expect(doc.deref(schemas['IsicSection'])['enum']).toEqual([...ISIC_SECTIONS]);
      expect(doc.deref(schemas['EmployerSize'])['enum']).toEqual([...EMPLOYER_SIZES]);
      expect(doc.deref(schemas['Visibility'])['enum']).toEqual([...VISIBILITIES]);
      expect(doc.deref(schemas['RelocationScope'])['enum']).toEqual([...RELOCATION_SCOPES]);
    });
  });
});
