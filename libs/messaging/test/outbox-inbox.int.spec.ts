import { headers as natsHeaders } from '@nats-io/transport-node';
import { eventually } from '@olp/testing';
import { buildCloudEvent } from '../src/index.js';
import { MessagingHarness, SCHEMA, userRegistered } from './messaging-harness.js';

const SUBJECT = 'identity.user.registered.v1';

describe('transactional outbox → JetStream → durable consumer with inbox', () => {
  const h = new MessagingHarness();

  beforeAll(async () => {
    await h.start('outbox');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('never publishes an event whose transaction rolled back', async () => {
    await expect(
      h.dataSource.transaction(async (em) => {
        await h.outbox.add(em, SUBJECT, userRegistered(1));
        throw new Error('business rule failed after writing the event');
      }),
    ).rejects.toThrow('business rule failed');
    const relay = h.relay();
    expect(await relay.publishBatch()).toBe(0);
    const [{ count }] = await h.dataSource.query(`SELECT count(*)::int AS count FROM ${SCHEMA}.outbox`);
    expect(count).toBe(0);
    expect(await h.streamCount(SUBJECT)).toBe(0);
  });

  it('publishes a committed event exactly once, even when a crash makes the relay publish it again', async () => {
    const event = await h.dataSource.transaction((em) => h.outbox.add(em, SUBJECT, userRegistered(2)));
    const relay = h.relay();
    expect(await relay.publishBatch()).toBe(1);
    expect(await relay.publishBatch()).toBe(0);
    // A relay that died after publishing but before marking the row sent: it publishes the row again.
    await h.dataSource.query(`UPDATE ${SCHEMA}.outbox SET published_at = NULL WHERE id = $1`, [event.id]);
    expect(await relay.publishBatch()).toBe(1);
    expect(await h.streamCount(SUBJECT)).toBe(1);
  });

  it('keeps a batch unsent when JetStream refuses one of its rows, and sends it once it can', async () => {
    const before = await h.streamCount(SUBJECT);
    const sendable = await h.dataSource.transaction((em) => h.outbox.add(em, SUBJECT, userRegistered(3)));
    // A row whose subject no stream takes: JetStream answers its publication with an error.
    const unroutable = buildCloudEvent('identity', 'nowhere.unrouted.v1', {});
    await h.dataSource.query(`INSERT INTO ${SCHEMA}.outbox (id, subject, envelope) VALUES ($1, $2, $3)`, [
      unroutable.id,
      'nowhere.unrouted.v1',
      JSON.stringify(unroutable),
    ]);
    const relay = h.relay();
    await expect(relay.publishBatch()).rejects.toThrow();
    const unsent = async () =>
      (await h.dataSource.query(`SELECT id FROM ${SCHEMA}.outbox WHERE published_at IS NULL ORDER BY seq`)).map((r: { id: string }) => r.id);
    // Claimed and marked in one statement, but that mark rolled back with the failed batch.
    expect(await unsent()).toEqual([sendable.id, unroutable.id]);

    await h.dataSource.query(`DELETE FROM ${SCHEMA}.outbox WHERE id = $1`, [unroutable.id]);
    expect(await relay.publishBatch()).toBe(1);
    expect(await unsent()).toEqual([]);
    // Published once in all: the failed batch's copy (if it got out) carried the same Nats-Msg-Id.
    expect(await h.streamCount(SUBJECT)).toBe(before + 1);
  });

  it('publishes each row once when several relay replicas run at once', async () => {
    const subject = 'identity.user.deleted.v1';
    await h.dataSource.transaction((em) =>
      h.outbox.addMany(em, subject, Array.from({ length: 600 }, (_, i) => ({ payload: { userId: userRegistered(9000 + i).userId, deletedAt: new Date().toISOString() } }))),
    );
    const relays = [1, 2, 3].map(() => h.relay({ batchSize: 50 }));
    const drain = async (relay: (typeof relays)[number]) => {
      let total = 0;
      for (let n = await relay.publishBatch(); n > 0; n = await relay.publishBatch()) total += n;
      return total;
    };
    const counts = await Promise.all(relays.map(drain));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
    expect(await h.streamCount(subject)).toBe(600);
  });

  it('loses nothing when the relay is down between commit and publish', async () => {
    const before = await h.streamCount(SUBJECT);
    await h.dataSource.transaction(async (em) => {
      for (let i = 10; i < 15; i++) await h.outbox.add(em, SUBJECT, userRegistered(i));
    });
    // A relay that was killed before it could publish: nothing reached the stream yet.
    expect(await h.streamCount(SUBJECT)).toBe(before);
    const restarted = h.relay({ pollIntervalMs: 50 });
    await restarted.start();
    await eventually(async () => (await h.streamCount(SUBJECT)) === before + 5);
    await restarted.stop();
    const [{ pending }] = await h.dataSource.query(`SELECT count(*)::int AS pending FROM ${SCHEMA}.outbox WHERE published_at IS NULL`);
    expect(pending).toBe(0);
  });

  it('publishes at once when a transaction that wrote events commits, without waiting for its poll', async () => {
    const relay = h.relay({ pollIntervalMs: 600_000 });
    await relay.start();
    // Its first pass found nothing and it sleeps for ten minutes unless woken.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = await h.streamCount(SUBJECT);
    await h.dataSource.transaction((em) => h.outbox.add(em, SUBJECT, userRegistered(60)));
    await eventually(async () => (await h.streamCount(SUBJECT)) === before + 1, 5000);
    // Written inside a savepoint: its release is not the commit; the outer commit wakes the relay.
    await h.dataSource.transaction(async (em) => {
      await em.transaction((inner) => h.outbox.add(inner, SUBJECT, userRegistered(62)));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await eventually(async () => (await h.streamCount(SUBJECT)) === before + 2, 5000);
    // A rolled-back write wakes nobody and leaves nothing behind.
    await expect(
      h.dataSource.transaction(async (em) => {
        await h.outbox.add(em, SUBJECT, userRegistered(61));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await relay.stop();
    expect(await h.streamCount(SUBJECT)).toBe(before + 2);
  });

  it('rejects an event that breaks its contract before it is written', async () => {
    await expect(
      h.dataSource.transaction((em) => h.outbox.add(em, SUBJECT, { ...userRegistered(3), email: 'not-an-email' })),
    ).rejects.toThrow(/violates its contract/);
  });

  it('refuses to write an event outside a transaction', async () => {
    await expect(h.outbox.add(h.dataSource.manager, SUBJECT, userRegistered(4))).rejects.toThrow(/inside a transaction/);
  });

  it('a handler that fails twice and then succeeds has exactly one effect', async () => {
    const target = userRegistered(20);
    let calls = 0;
    const consumer = h.consumer(
      {
        name: 'flaky',
        handlers: {
          [SUBJECT]: async (event, { em }) => {
            if (event.data.userId !== target.userId) return;
            calls += 1;
            await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) VALUES ($1, 'flaky')`, [event.id]);
            if (calls <= 2) throw new Error(`transient failure ${calls}`);
          },
        },
      },
      { backoffMs: 20, maxAttempts: 5 },
    );
    await consumer.start();
    const event = await h.dataSource.transaction((em) => h.outbox.add(em, SUBJECT, target));
    await h.relay().publishBatch();
    await eventually(async () => (await h.effects()).some((e) => e.event_id === event.id));
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(3);
    expect((await h.effects()).filter((e) => e.event_id === event.id)).toHaveLength(1);
    await consumer.stop();
  });

  it('a redelivered event (same id, published twice) has one effect', async () => {
    const consumer = h.consumer({
      name: 'dedup',
      handlers: {
        [SUBJECT]: async (event, { em }) => {
          await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) VALUES ($1, 'dedup')`, [event.id]);
        },
      },
    });
    await consumer.start();
    const event = buildCloudEvent('msgtest', SUBJECT, userRegistered(30));
    // Two copies with different message ids get past JetStream's de-duplication: only the inbox stops the second.
    for (const msgID of ['copy-1', 'copy-2']) {
      await h.js.publish(h.ns.subject(SUBJECT), JSON.stringify(event), { msgID, headers: natsHeaders() });
    }
    await eventually(async () => (await h.effects()).some((e) => e.event_id === event.id && e.note === 'dedup'));
    await new Promise((r) => setTimeout(r, 500));
    const rows = (await h.effects()).filter((e) => e.event_id === event.id && e.note === 'dedup');
    expect(rows).toHaveLength(1);
    await consumer.stop();
  });

  it('runs beforeCommit once per batch in its transaction: what handlers gathered commits with the batch, or not at all', async () => {
    const gathered = new Map<object, string[]>();
    let failNext = true;
    let runs = 0;
    const consumer = h.consumer(
      {
        name: 'gather',
        handlers: {
          [SUBJECT]: async (event, { em }) => {
            const list = gathered.get(em) ?? [];
            list.push(event.id);
            gathered.set(em, list);
          },
        },
        beforeCommit: async (em) => {
          runs += 1;
          const ids = gathered.get(em) ?? [];
          await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) SELECT id, 'gather' FROM unnest($1::uuid[]) AS id`, [ids]);
          if (failNext) {
            failNext = false;
            throw new Error('the batch write failed once');
          }
        },
      },
      { backoffMs: 20, maxAttempts: 5 },
    );
    await consumer.start();
    const events = await h.dataSource.transaction(async (em) => [await h.outbox.add(em, SUBJECT, userRegistered(50)), await h.outbox.add(em, SUBJECT, userRegistered(51))]);
    await h.relay().publishBatch();
    const ids = events.map((e) => e.id);
    await eventually(async () => {
      const rows = (await h.effects()).filter((e) => e.note === 'gather' && ids.includes(e.event_id));
      return rows.length === 2 ? rows : undefined;
    });
    await new Promise((r) => setTimeout(r, 300));
    // The failed run's insert rolled back with its batch; each event has exactly one effect.
    // (The new durable also receives the stream's earlier events: only these two are checked.)
    const rows = (await h.effects()).filter((e) => e.note === 'gather' && ids.includes(e.event_id));
    expect(rows.map((r) => r.event_id).sort()).toEqual([...ids].sort());
    expect(runs).toBeGreaterThanOrEqual(2);
    await consumer.stop();
  });

  it('moves a poison message to the dead letters with its error after the configured attempts', async () => {
    let attempts = 0;
    const poison = userRegistered(40);
    const consumer = h.consumer(
      {
        name: 'poison',
        handlers: {
          [SUBJECT]: async (event) => {
            if (event.data.userId !== poison.userId) return;
            attempts += 1;
            throw new Error('cannot handle this user');
          },
        },
      },
      { backoffMs: 20, maxAttempts: 3 },
    );
    await consumer.start();
    const event = await h.dataSource.transaction((em) => h.outbox.add(em, SUBJECT, poison));
    await h.relay().publishBatch();
    const [dead] = await eventually(async () => {
      const rows = await h.dataSource.query(`SELECT * FROM ${SCHEMA}.dead_letters WHERE event_id = $1`, [event.id]);
      return rows.length > 0 ? rows : undefined;
    });
    expect(dead.consumer).toBe('msgtest-poison');
    expect(dead.attempts).toBe(3);
    expect(dead.error).toContain('cannot handle this user');
    expect(attempts).toBe(3);
    // The dead letter is also published (through the outbox) on its subject for operators.
    const [row] = await h.dataSource.query(`SELECT subject FROM ${SCHEMA}.outbox WHERE subject = 'deadletter.msgtest.poison'`);
    expect(row).toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toBe(3);
    await consumer.stop();
  });

  it('dead-letters an unreadable message at once instead of retrying it', async () => {
    const consumer = h.consumer({ name: 'garbage', handlers: { [SUBJECT]: async () => undefined } });
    await consumer.start();
    await h.js.publish(h.ns.subject(SUBJECT), '{ not json', { msgID: 'garbage-1' });
    const [dead] = await eventually(async () => {
      const rows = await h.dataSource.query(`SELECT * FROM ${SCHEMA}.dead_letters WHERE consumer = 'msgtest-garbage'`);
      return rows.length > 0 ? rows : undefined;
    });
    expect(dead.error).toContain('not JSON');
    expect(dead.attempts).toBe(1);
    await consumer.stop();
  });

  it('processes once each of 1,000 events published while the consumer was down', async () => {
    // Create the durable, then stop it: the consumer is "down" while the events are published.
    const seen: string[] = [];
    const definition = {
      name: 'catch-up',
      handlers: {
        [SUBJECT]: async (event: { id: string }, { em }: { em: import('typeorm').EntityManager }) => {
          seen.push(event.id);
          await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) VALUES ($1, 'catch-up')`, [event.id]);
        },
      },
    };
    const first = h.consumer(definition);
    await first.start();
    await first.stop();
    const ids = new Set<string>();
    await h.dataSource.transaction(async (em) => {
      for (let i = 0; i < 1000; i++) ids.add((await h.outbox.add(em, SUBJECT, userRegistered(1000 + i))).id);
    });
    const relay = h.relay({ batchSize: 250 });
    while ((await relay.publishBatch()) > 0);
    const second = h.consumer(definition);
    await second.start();
    await eventually(async () => {
      const [{ count }] = await h.dataSource.query(`SELECT count(*)::int AS count FROM ${SCHEMA}.effects WHERE note = 'catch-up'`);
      return count >= ids.size;
    }, 30000);
    await new Promise((r) => setTimeout(r, 300));
    const rows: { event_id: string; n: number }[] = await h.dataSource.query(
      `SELECT event_id, count(*)::int AS n FROM ${SCHEMA}.effects WHERE note = 'catch-up' GROUP BY event_id`,
    );
    const mine = rows.filter((r) => ids.has(r.event_id));
    expect(mine).toHaveLength(1000);
    expect(mine.every((r) => r.n === 1)).toBe(true);
    await second.stop();
  });
});

describe('batch handlers', () => {
  const h = new MessagingHarness();

  beforeAll(async () => {
    await h.start('batch');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('hands every new event of a delivery batch to one call, once, even when some are redelivered', async () => {
    const received: string[][] = [];
    const consumer = h.consumer({
      name: 'projection',
      handlers: {
        [SUBJECT]: {
          batch: async (events, { em }) => {
            received.push(events.map((e) => e.id));
            await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) SELECT unnest($1::uuid[]), 'batch'`, [events.map((e) => e.id)]);
          },
        },
      },
    });
    await consumer.start();
    const events = await h.dataSource.transaction((em) =>
      h.outbox.addMany(em, SUBJECT, Array.from({ length: 50 }, (_, i) => ({ payload: userRegistered(5000 + i) }))),
    );
    await h.relay().publishBatch();
    // The same ids again, as a redelivery after a lost ack would bring them.
    for (const event of events.slice(0, 10)) {
      await h.js.publish(h.ns.subject(SUBJECT), JSON.stringify(event), { msgID: `again-${event.id}`, headers: natsHeaders() });
    }
    await eventually(async () => (await h.effects()).filter((e) => e.note === 'batch').length >= 50);
    await new Promise((r) => setTimeout(r, 500));
    const effects = (await h.effects()).filter((e) => e.note === 'batch');
    expect(effects).toHaveLength(50);
    expect(new Set(received.flat()).size).toBe(50);
    expect(received.flat()).toHaveLength(50);
    expect(received.every((batch) => batch.length > 0)).toBe(true);
    await consumer.stop();
  });

  it('takes at most the definition’s maxBatch events per transaction', async () => {
    const received: number[] = [];
    const consumer = h.consumer({
      name: 'small-batches',
      maxBatch: 7,
      handlers: {
        [SUBJECT]: {
          batch: async (events, { em }) => {
            received.push(events.length);
            await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) SELECT unnest($1::uuid[]), 'small'`, [events.map((e) => e.id)]);
          },
        },
      },
    });
    await consumer.start();
    await h.dataSource.transaction((em) => h.outbox.addMany(em, SUBJECT, Array.from({ length: 60 }, (_, i) => ({ payload: userRegistered(7000 + i) }))));
    await h.relay().publishBatch();
    // This durable is new: it reads the stream from the start, the previous test's events too.
    await eventually(async () => (await h.effects()).filter((e) => e.note === 'small').length >= 110);
    expect(received.reduce((a, b) => a + b, 0)).toBe(110);
    expect(Math.max(...received)).toBeLessThanOrEqual(7);
    await consumer.stop();
  });

  it('runs one batch transaction at a time with the definition’s concurrency 1, and what arrives meanwhile forms the next batch', async () => {
    const sizes: number[] = [];
    let active = 0;
    let most = 0;
    const consumer = h.consumer({
      name: 'one-at-a-time',
      maxBatch: 100,
      concurrency: 1,
      handlers: {
        [SUBJECT]: {
          batch: async (events, { em }) => {
            active++;
            most = Math.max(most, active);
            sizes.push(events.length);
            await em.query(`INSERT INTO ${SCHEMA}.effects (event_id, note) SELECT unnest($1::uuid[]), 'serial'`, [events.map((e) => e.id)]);
            await new Promise((r) => setTimeout(r, 30));
            active--;
          },
        },
      },
    });
    await consumer.start();
    for (let i = 0; i < 20; i++) {
      await h.dataSource.transaction((em) => h.outbox.addMany(em, SUBJECT, [{ payload: userRegistered(8000 + i) }]));
      await h.relay().publishBatch();
    }
    // This durable is new: it reads the stream from the start, the earlier tests' events too.
    await eventually(async () => (await h.effects()).filter((e) => e.note === 'serial').length >= 130);
    expect(most).toBe(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(130);
    expect(sizes.length).toBeLessThan(130);
    await consumer.stop();
  });
});
