import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { DataSource } from 'typeorm';
import type { JwkView } from '@olp/contracts';
import { CONFIG, LOGGER, type Logger } from '@olp/platform';
import { DATA_SOURCE } from '@olp/persistence';
import type { IdentityConfig } from '../identity.config.js';
import { SigningKeyEntity } from './signing-key.entity.js';

export const SIGNING_ALGORITHM = 'ES256';
const REFRESH_CHECK_MS = 10 * 60 * 1000;

interface ActiveKey {
  kid: string;
  key: CryptoKey;
  loadedAt: number;
}

/**
 * The signing keys, kept in the identity schema so every replica signs with the same newest key.
 * A key older than SIGNING_KEY_ROTATION_DAYS is replaced at the next check; the JWKS keeps every
 * key young enough that a token it signed may still be alive, so rotation never breaks a session.
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private active?: ActiveKey;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ensureCurrentKey();
  }

  async signingKey(): Promise<{ kid: string; key: CryptoKey }> {
    if (!this.active || Date.now() - this.active.loadedAt > REFRESH_CHECK_MS) await this.ensureCurrentKey();
    return this.active!;
  }

  /** The public keys a verifier needs: the current one and any predecessor whose tokens may still be valid. */
  async publicKeys(): Promise<JwkView[]> {
    const rows = await this.dataSource.getRepository(SigningKeyEntity).find({ order: { createdAt: 'DESC' }, take: 5 });
    // A key stays published while a token it signed may still be alive: replicas may keep signing
    // with it for REFRESH_CHECK_MS after its successor appears, and such a token lives for the
    // access-token TTL (plus a minute of clock skew).
    const horizon = Date.now() - REFRESH_CHECK_MS - this.config.ACCESS_TOKEN_TTL_SECONDS * 1000 - 60_000;
    return rows
      .filter((_row, index) => index === 0 || rows[index - 1]!.createdAt.getTime() >= horizon)
      .map((row) => ({ ...(row.publicJwk as Record<string, string>), kid: row.kid, alg: row.algorithm, use: 'sig' }) as JwkView);
  }

  /** Loads the newest key, creating one when there is none or it is due for rotation. Replicas serialise on a lock. */
  async ensureCurrentKey(): Promise<void> {
    const maxAgeMs = this.config.SIGNING_KEY_ROTATION_DAYS * 86_400_000;
    const row = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('olp:identity:signing-keys'))`);
      const newest = await em.getRepository(SigningKeyEntity).findOne({ where: {}, order: { createdAt: 'DESC' } });
      if (newest && Date.now() - newest.createdAt.getTime() < maxAgeMs) return newest;
      const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
      const publicJwk = await exportJWK(publicKey);
      const privateJwk = await exportJWK(privateKey);
      const kid = await calculateJwkThumbprint(publicJwk);
      const created = em.getRepository(SigningKeyEntity).create({ kid, algorithm: SIGNING_ALGORITHM, publicJwk, privateJwk });
      await em.getRepository(SigningKeyEntity).save(created);
      this.logger.info({ kid }, newest ? 'rotated access-token signing key' : 'created first access-token signing key');
      return created;
    });
    const key = (await importJWK(row.privateJwk as JWK, SIGNING_ALGORITHM)) as CryptoKey;
    this.active = { kid: row.kid, key, loadedAt: Date.now() };
  }
}
