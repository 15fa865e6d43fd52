import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SeekersInit1763856300000 implements MigrationInterface {
  name = 'SeekersInit1763856300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE seekers.profiles (
        user_id uuid PRIMARY KEY,
        full_name text NOT NULL,
        nationality char(2) NOT NULL,
        residence_country char(2) NOT NULL,
        languages jsonb NOT NULL,
        education jsonb,
        experience jsonb NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        desired_occupations text[] NOT NULL DEFAULT '{}',
        mobility jsonb NOT NULL,
        available_from date,
        visibility text NOT NULL CHECK (visibility IN ('hidden', 'matching', 'public')),
        consent_to_matching boolean NOT NULL,
        consent_given_at timestamptz,
        version integer NOT NULL CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (consent_to_matching = (consent_given_at IS NOT NULL))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE seekers.profiles`);
  }
}
