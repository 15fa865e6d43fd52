import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reasons are no longer stored with each pair: they are derived from both sides' stored features
 * when a match is read (the score is stored; it came from the same features). Writing a jsonb of
 * reasons for every pair entering a top list was most of the cost of an event (see
 * docs/decisions.md, "Matching: reasons derived on read").
 */
export class MatchingReasonsOnRead1764000000000 implements MigrationInterface {
  name = 'MatchingReasonsOnRead1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matching.matches DROP COLUMN reasons`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matching.matches ADD COLUMN reasons jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await runner.query(`ALTER TABLE matching.matches ALTER COLUMN reasons DROP DEFAULT`);
  }
}
