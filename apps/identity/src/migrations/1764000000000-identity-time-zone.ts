import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defaultTimeZone } from '@olp/reference-data';

/**
 * Each account gets an IANA time zone (notifications hold e-mails during quiet hours and send the
 * daily digest in the recipient's local time). Existing accounts get their country's default zone;
 * the column default (UTC) only serves replicas of the previous release during a rolling update.
 */
export class IdentityTimeZone1764000000000 implements MigrationInterface {
  name = 'IdentityTimeZone1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE identity.users ADD COLUMN time_zone text`);
    const countries = (await runner.query(`SELECT DISTINCT country FROM identity.users`)) as { country: string }[];
    for (const { country } of countries) {
      await runner.query(`UPDATE identity.users SET time_zone = $2 WHERE country = $1`, [country, defaultTimeZone(country)]);
    }
    await runner.query(`ALTER TABLE identity.users ALTER COLUMN time_zone SET DEFAULT 'UTC'`);
    await runner.query(`ALTER TABLE identity.users ALTER COLUMN time_zone SET NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE identity.users DROP COLUMN time_zone`);
  }
}
