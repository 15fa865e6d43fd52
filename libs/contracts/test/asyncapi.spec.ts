import { COUNTRIES, LOCALES } from '@olp/reference-data';
import { DEAD_LETTER_SUBJECT_PREFIX, ErrorCode, EVENTS, ROLES, RPC, SELF_REGISTRATION_ROLES } from '../src/index.js';
import {
  AsyncApiDoc,
  documentedProperties,
  requiredDocumentedProperties,
  requiredValidatedProperties,
  validatedProperties,
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
  });
});
