import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `matches.notified_at` copied `notified_pairs.notified_at` onto each stored pair and was read by
 * nothing: keeping it cost a join into `notified_pairs` for every pair written and an update of
 * the copies whenever an announcement was forgotten. `notified_pairs` is the one record of what
 * was announced.
 */
export class MatchingDropNotifiedAt1764100000100 implements MigrationInterface {
  name = 'MatchingDropNotifiedAt1764100000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matching.matches DROP COLUMN notified_at`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matching.matches ADD COLUMN notified_at timestamptz`);
    await runner.query(
      `UPDATE matching.matches m SET notified_at = n.notified_at FROM matching.notified_pairs n WHERE n.vacancy_id = m.vacancy_id AND n.seeker_id = m.seeker_id`,
    );
  }
}
