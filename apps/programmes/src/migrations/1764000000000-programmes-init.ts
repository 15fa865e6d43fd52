import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAMME_SEED } from '../programmes/programme-seed.js';

/**
 * Programmes, activities, the expert registry, enrolments and certificates. Seat and quota rules
 * run in the service under the activity's row lock; the CHECKs here are a last line of defence
 * (a bug there fails the transaction instead of oversubscribing an activity).
 */
export class ProgrammesInit1764000000000 implements MigrationInterface {
  name = 'ProgrammesInit1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE programmes.programmes (
        code text PRIMARY KEY,
        name jsonb NOT NULL,
        description jsonb NOT NULL,
        institution jsonb NOT NULL,
        thematic_area text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE programmes.programme_coordinators (
        programme_code text NOT NULL REFERENCES programmes.programmes (code),
        user_id uuid NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (programme_code, user_id)
      )`);
    await runner.query(`CREATE INDEX programme_coordinators_user_idx ON programmes.programme_coordinators (user_id)`);

    await runner.query(`
      CREATE TABLE programmes.activities (
        id uuid PRIMARY KEY,
        programme_code text NOT NULL REFERENCES programmes.programmes (code),
        type text NOT NULL CHECK (type IN ('training-course', 'workshop', 'study-visit', 'webinar', 'expert-mission')),
        title jsonb NOT NULL,
        description jsonb NOT NULL,
        host_country char(2) NOT NULL,
        provider_countries text[] NOT NULL,
        beneficiary_countries text[] NOT NULL,
        modality text NOT NULL CHECK (modality IN ('on-site', 'online', 'hybrid')),
        languages text[] NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        application_deadline date NOT NULL,
        seats integer NOT NULL CHECK (seats > 0),
        country_quota integer CHECK (country_quota > 0),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed', 'completed', 'cancelled')),
        confirmed integer NOT NULL DEFAULT 0,
        waitlisted integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        CHECK (application_deadline <= start_date),
        CHECK (confirmed >= 0 AND confirmed <= seats),
        CHECK (waitlisted >= 0)
      )`);
    await runner.query(`CREATE INDEX activities_programme_start_idx ON programmes.activities (programme_code, start_date, id)`);
    await runner.query(`CREATE INDEX activities_start_idx ON programmes.activities (start_date, id)`);

    await runner.query(`
      CREATE TABLE programmes.experts (
        id uuid PRIMARY KEY,
        full_name text NOT NULL,
        name_folded text NOT NULL,
        email text NOT NULL,
        phone text,
        country char(2) NOT NULL,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'undisclosed')),
        institution text,
        languages text[] NOT NULL,
        skills text[] NOT NULL,
        isco_codes text[] NOT NULL,
        user_id uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Duplicates by e-mail are refused whatever the letter case.
    await runner.query(`CREATE UNIQUE INDEX experts_email_key ON programmes.experts (lower(email))`);
    await runner.query(`CREATE UNIQUE INDEX experts_user_key ON programmes.experts (user_id) WHERE user_id IS NOT NULL`);
    await runner.query(`CREATE INDEX experts_country_name_idx ON programmes.experts (country, name_folded, id)`);
    await runner.query(`CREATE INDEX experts_skills_idx ON programmes.experts USING gin (skills)`);

    // Arrival order in an activity's queue: set when an enrolment enters it (direct enrolment, or approval of a nomination).
    await runner.query(`CREATE SEQUENCE programmes.enrollment_arrival`);
    await runner.query(`
      CREATE TABLE programmes.enrollments (
        id uuid PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES programmes.activities (id),
        expert_id uuid NOT NULL REFERENCES programmes.experts (id),
        expert_country char(2) NOT NULL,
        role text NOT NULL CHECK (role IN ('participant', 'trainer')),
        status text NOT NULL CHECK (status IN ('nominated', 'confirmed', 'waitlisted', 'rejected', 'cancelled')),
        arrival bigint NOT NULL DEFAULT nextval('programmes.enrollment_arrival'),
        nominated_by uuid,
        requested_by uuid NOT NULL,
        idempotency_key text,
        attendance text CHECK (attendance IN ('present', 'partial', 'absent')),
        completed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role = 'participant' OR status NOT IN ('waitlisted'))
      )`);
    // No expert twice in one activity (a cancelled or rejected enrolment does not count).
    await runner.query(`
      CREATE UNIQUE INDEX enrollments_one_per_expert ON programmes.enrollments (activity_id, expert_id)
      WHERE status IN ('nominated', 'confirmed', 'waitlisted')`);
    // A retried POST with the same Idempotency-Key (per caller) finds the first answer.
    await runner.query(`CREATE UNIQUE INDEX enrollments_idempotency_key ON programmes.enrollments (requested_by, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await runner.query(`CREATE INDEX enrollments_queue_idx ON programmes.enrollments (activity_id, status, arrival)`);
    await runner.query(`CREATE INDEX enrollments_expert_idx ON programmes.enrollments (expert_id)`);

    await runner.query(`
      CREATE TABLE programmes.certificates (
        number text PRIMARY KEY,
        enrollment_id uuid NOT NULL UNIQUE REFERENCES programmes.enrollments (id),
        holder_name text NOT NULL,
        issued_by uuid NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        revoked_by uuid,
        revoked_at timestamptz
      )`);

    for (const p of PROGRAMME_SEED) {
      await runner.query(`INSERT INTO programmes.programmes (code, name, description, institution, thematic_area) VALUES ($1, $2, $3, $4, $5)`, [
        p.code,
        JSON.stringify(p.name),
        JSON.stringify(p.description),
        JSON.stringify(p.institution),
        p.thematicArea,
      ]);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE programmes.certificates`);
    await runner.query(`DROP TABLE programmes.enrollments`);
    await runner.query(`DROP SEQUENCE programmes.enrollment_arrival`);
    await runner.query(`DROP TABLE programmes.experts`);
    await runner.query(`DROP TABLE programmes.activities`);
    await runner.query(`DROP TABLE programmes.programme_coordinators`);
    await runner.query(`DROP TABLE programmes.programmes`);
  }
}
