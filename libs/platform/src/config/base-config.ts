import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, Matches } from 'class-validator';

/** Every process: logging and the ops HTTP port. */
export class BaseConfig {
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 0;

  @IsString()
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS = 10000;
}

/** Every process that talks to NATS. */
export class MessagingConfig extends BaseConfig {
  @Matches(/^(nats|tls):\/\/.+/, { message: 'NATS_URL must look like nats://host:4222' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /**
   * Prepended to every subject and stream name, so several environments (or parallel test
   * suites) can share one NATS server without seeing each other's messages.
   */
  @Matches(/^([a-z0-9-]+\.)?$/, { message: 'MESSAGING_PREFIX must be empty or like "staging."' })
  MESSAGING_PREFIX = '';

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60000)
  RPC_TIMEOUT_MS = 5000;

  /** Replicas of every JetStream stream: 1 on one server, 3 on the cluster in deploy/. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  STREAM_REPLICAS = 1;
}

/** Every service that owns a schema. */
export class ServiceConfig extends MessagingConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must look like postgres://user:password@host:5432/db' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/olp';

  /** When set, the service creates its database, role and schema at boot (development, tests). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_ADMIN_URL must look like postgres://…' })
  DATABASE_ADMIN_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  /** Delivery attempts before a message goes to the dead letters. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS = 5;

  /** Batch transactions a consumer runs at once (per replica). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  CONSUMER_CONCURRENCY = 4;

  /** Base of the exponential redelivery backoff. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(600000)
  CONSUMER_BACKOFF_MS = 1000;
}
