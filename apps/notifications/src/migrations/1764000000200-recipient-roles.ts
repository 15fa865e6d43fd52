import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roles and country scope in the recipient directory (from identity events), so a rule such as
 * "the focal points of these countries" (an activity opening) is one indexed query, without calling
 * identity. Rows written before this migration get empty sets until the user's next identity event.
 */
export class RecipientRoles1764000000200 implements MigrationInterface {
  name = 'RecipientRoles1764000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notifications.recipients ADD COLUMN roles text[] NOT NULL DEFAULT '{}', ADD COLUMN country_scope text[] NOT NULL DEFAULT '{}'`);
    await runner.query(`CREATE INDEX recipients_focal_points ON notifications.recipients USING gin (country_scope) WHERE 'focal-point' = ANY (roles)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX notifications.recipients_focal_points`);
    await runner.query(`ALTER TABLE notifications.recipients DROP COLUMN country_scope, DROP COLUMN roles`);
  }
}
