// Where the tests find PostgreSQL and NATS JetStream, decided once per `npm test`:
//   1. DATABASE_URL (or TEST_DATABASE_URL) and NATS_URL from the environment, as given;
//   2. else the local defaults (127.0.0.1:5432, 127.0.0.1:4222) when they answer;
//   3. else containers started through testcontainers, where a Docker engine exists.
// Workers inherit the variables set here. Never mocks.
import net from 'node:net';

const started = [];

function answers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export default async function globalSetup() {
  const needPostgres = !process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL;
  const needNats = !process.env.NATS_URL;
  if (needPostgres && (await answers('127.0.0.1', 5432))) process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (needNats && (await answers('127.0.0.1', 4222))) process.env.NATS_URL = 'nats://127.0.0.1:4222';
  if (process.env.DATABASE_URL && process.env.NATS_URL) return;

  let testcontainers;
  try {
    testcontainers = await import('testcontainers');
  } catch (error) {
    throw new Error(`No PostgreSQL/NATS for the tests and testcontainers could not load (${error.message}). Set DATABASE_URL and NATS_URL, or run \`.ci/run --infra-only\`.`, { cause: error });
  }
  const { GenericContainer, Wait } = testcontainers;
  try {
    if (!process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL) {
      const pg = await new GenericContainer('postgres:16')
        .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
        .withExposedPorts(5432)
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
        .start();
      started.push(pg);
      process.env.DATABASE_URL = `postgres://postgres@${pg.getHost()}:${pg.getMappedPort(5432)}/postgres`;
    }
    if (!process.env.NATS_URL) {
      const nats = await new GenericContainer('nats:2.10-alpine').withCommand(['-js']).withExposedPorts(4222).withWaitStrategy(Wait.forLogMessage(/Server is ready/)).start();
      started.push(nats);
      process.env.NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
    }
  } catch (error) {
    throw new Error(
      `No PostgreSQL/NATS answered on 127.0.0.1 and no container could be started (${error.message}). ` +
        'Set DATABASE_URL and NATS_URL, or run `.ci/run --infra-only` to install and start them.',
      { cause: error },
    );
  }
  globalThis.__OLP_CONTAINERS__ = started;
}
