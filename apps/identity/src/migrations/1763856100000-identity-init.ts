import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityInit1763856100000 implements MigrationInterface {
  name = 'IdentityInit1763856100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE identity.users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        email_normalized text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('ar', 'en', 'fr')),
        country char(2) NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        country_scope text[] NOT NULL DEFAULT '{}',
        disabled boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX users_roles_idx ON identity.users USING gin (roles)`);
    await runner.query(`
      CREATE TABLE identity.refresh_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX refresh_tokens_user_id_idx ON identity.refresh_tokens (user_id)`);
    await runner.query(`CREATE INDEX refresh_tokens_family_id_idx ON identity.refresh_tokens (family_id)`);
    await runner.query(`
      CREATE TABLE identity.signing_keys (
        kid text PRIMARY KEY,
        algorithm text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE identity.login_failures (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE identity.login_failures`);
    await runner.query(`DROP TABLE identity.signing_keys`);
    await runner.query(`DROP TABLE identity.refresh_tokens`);
    await runner.query(`DROP TABLE identity.users`);
  }
}
