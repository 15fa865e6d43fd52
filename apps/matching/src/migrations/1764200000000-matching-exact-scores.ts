import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored scores become the engine's own numbers (double precision, as JavaScript computes them)
 * instead of their 4-byte rounding. A seeker's list is now read as the best `SEEKER_TOP_K` of the
 * seeker's rows marked `in_seeker_top` (a vacancy pushed out of a full list is not written: its
 * row stays marked and ranks after the list's last entry; see `MatchingEngine`), so the stored
 * order must be the engine's order exactly: two scores that differ in JavaScript may round to one
 * `real`, and the tie would then be broken by id, perhaps the other way round.
 */
export class MatchingExactScores1764200000000 implements MigrationInterface {
  name = 'MatchingExactScores1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matching.matches ALTER COLUMN score TYPE double precision`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matching.matches ALTER COLUMN score TYPE real`);
  }
}
