import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model (seekers, vacancies, employer members, built only from events), the persisted
 * top-K matches, the pairs already announced, and what replicas need to stay in step: one global
 * change sequence stamped on every read-model row, and one projection-state row whose lock
 * serialises projection batches and whose token tells a replica whether anyone else wrote since.
 */
export class MatchingInit1763856400000 implements MigrationInterface {
  name = 'MatchingInit1763856400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE matching.change_seq AS bigint`);
    await runner.query(`
      CREATE TABLE matching.seekers (
        seeker_id uuid PRIMARY KEY,
        features jsonb NOT NULL,
        updated_version integer NOT NULL CHECK (updated_version > 0),
        profile_updated_at timestamptz NOT NULL,
        consent_changed_at timestamptz NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('matching.change_seq')
      )`);
    await runner.query(`CREATE INDEX seekers_seq ON matching.seekers (seq)`);
    await runner.query(`
      CREATE TABLE matching.erased_users (
        user_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('matching.change_seq')
      )`);
    await runner.query(`CREATE INDEX erased_users_seq ON matching.erased_users (seq)`);
    await runner.query(`
      CREATE TABLE matching.vacancies (
        vacancy_id uuid PRIMARY KEY,
        employer_id uuid NOT NULL,
        title jsonb NOT NULL,
        city text,
        features jsonb,
        version integer NOT NULL CHECK (version >= 0),
        closed_at timestamptz,
        seq bigint NOT NULL DEFAULT nextval('matching.change_seq'),
        CHECK (closed_at IS NOT NULL OR (features IS NOT NULL AND city IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX vacancies_seq ON matching.vacancies (seq)`);
    await runner.query(`
      CREATE TABLE matching.employer_members (
        employer_id uuid NOT NULL,
        user_id uuid NOT NULL,
        active boolean NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (employer_id, user_id)
      )`);
    await runner.query(`CREATE INDEX employer_members_user ON matching.employer_members (user_id)`);
    await runner.query(`
      CREATE TABLE matching.matches (
        vacancy_id uuid NOT NULL,
        seeker_id uuid NOT NULL,
        score real NOT NULL CHECK (score >= 0 AND score <= 1),
        reasons jsonb NOT NULL,
        in_vacancy_top boolean NOT NULL,
        in_seeker_top boolean NOT NULL,
        notified_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vacancy_id, seeker_id),
        CHECK (in_vacancy_top OR in_seeker_top)
      )`);
    await runner.query(`CREATE INDEX matches_seeker_score ON matching.matches (seeker_id, score DESC, vacancy_id)`);
    await runner.query(`CREATE INDEX matches_vacancy_score ON matching.matches (vacancy_id, score DESC, seeker_id)`);
    await runner.query(`
      CREATE TABLE matching.notified_pairs (
        vacancy_id uuid NOT NULL,
        seeker_id uuid NOT NULL,
        notified_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vacancy_id, seeker_id)
      )`);
    await runner.query(`CREATE INDEX notified_pairs_seeker ON matching.notified_pairs (seeker_id)`);
    await runner.query(`
      CREATE TABLE matching.projection_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        token uuid NOT NULL,
        epoch uuid NOT NULL
      )`);
    await runner.query(`INSERT INTO matching.projection_state (id, token, epoch) VALUES (1, gen_random_uuid(), gen_random_uuid())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['projection_state', 'notified_pairs', 'matches', 'employer_members', 'vacancies', 'erased_users', 'seekers']) {
      await runner.query(`DROP TABLE matching.${table}`);
    }
    await runner.query(`DROP SEQUENCE matching.change_seq`);
  }
}
