import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored pairs are rewritten on every event that changes their score or list membership (~90
 * pairs a new vacancy at 100,000 seekers), and both score-ordered indexes made every such update
 * write three index entries. No index now holds a column an update changes, so PostgreSQL updates
 * the row in place (a HOT update; the fill factor leaves room on each page). The reads lose
 * nothing: a vacancy's pairs are found by the primary key's prefix, a seeker's by `seeker_id`,
 * and either side has at most a few hundred, sorted in memory.
 */
export class MatchingHotUpdates1764100000000 implements MigrationInterface {
  name = 'MatchingHotUpdates1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX matching.matches_vacancy_score`);
    await runner.query(`DROP INDEX matching.matches_seeker_score`);
    await runner.query(`CREATE INDEX matches_seeker ON matching.matches (seeker_id)`);
    await runner.query(`ALTER TABLE matching.matches SET (fillfactor = 80)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matching.matches RESET (fillfactor)`);
    await runner.query(`DROP INDEX matching.matches_seeker`);
    await runner.query(`CREATE INDEX matches_seeker_score ON matching.matches (seeker_id, score DESC, vacancy_id)`);
    await runner.query(`CREATE INDEX matches_vacancy_score ON matching.matches (vacancy_id, score DESC, seeker_id)`);
  }
}
