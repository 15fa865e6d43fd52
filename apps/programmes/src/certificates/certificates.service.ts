import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type CertificateView, type Principal } from '@olp/contracts';
import { OutboxWriter } from '@olp/messaging';
import { DATA_SOURCE, isUniqueViolation, queryRow } from '@olp/persistence';
import { resolveText, type Locale, type LocalizedText } from '@olp/reference-data';
import { caller, forbidden } from '../common/access.js';
import { EnrollmentsService } from '../enrollments/enrollments.service.js';
import { SeatLedger } from '../enrollments/seat-ledger.js';
import { ProgrammesService } from '../programmes/programmes.service.js';

interface CertificateRow {
  number: string;
  holder_name: string;
  programme_code: string;
  activity_id: string;
  title: LocalizedText;
  start_date: string;
  end_date: string;
  issued_at: Date;
  revoked_at: Date | null;
}

const CERTIFICATE_SELECT = `
  SELECT c.number, c.holder_name, a.programme_code, a.id AS activity_id, a.title, a.start_date::text AS start_date, a.end_date::text AS end_date,
         c.issued_at, c.revoked_at
  FROM programmes.certificates c
  JOIN programmes.enrollments e ON e.id = c.enrollment_id
  JOIN programmes.activities a ON a.id = e.activity_id`;

/** Crockford base32 without I, L, O, U: unambiguous when read aloud or typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `OLP-<year the activity ended>-<8 random characters>` (40 bits: guessing a valid number is hopeless). */
export function certificateNumber(endDate: string): string {
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `OLP-${endDate.slice(0, 4)}-${suffix}`;
}

function toCertificateView(row: CertificateRow, locale: Locale): CertificateView {
  return {
    number: row.number,
    status: row.revoked_at ? 'revoked' : 'valid',
    holderName: row.holder_name,
    programmeCode: row.programme_code,
    activityId: row.activity_id,
    activityTitle: row.title,
    displayTitle: resolveText(row.title, locale) ?? '',
    startDate: row.start_date,
    endDate: row.end_date,
    issuedAt: row.issued_at.toISOString(),
    ...(row.revoked_at ? { revokedAt: row.revoked_at.toISOString() } : {}),
  };
}

/** Completion certificates: issued and revoked by coordinators, verified by anyone. */
@Injectable()
export class CertificatesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(EnrollmentsService) private readonly enrollments: EnrollmentsService,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(SeatLedger) private readonly ledger: SeatLedger,
  ) {}

  /** For a confirmed enrolment that completed the activity; issuing twice returns the first certificate. */
  async issue(principal: Principal | undefined, enrollmentId: string, locale: Locale): Promise<CertificateView> {
    const who = caller(principal);
    const number = await this.dataSource.transaction(async (em) => {
      const { activity, enrollment } = await this.enrollments.lockEnrollment(em, enrollmentId);
      if (!(await this.programmes.isCoordinatorOf(em, who, activity.programme_code))) throw forbidden();
      if (enrollment.certificate_number) return enrollment.certificate_number;
      if (enrollment.status !== 'confirmed' || !enrollment.completed) throw new DomainError(ErrorCode.NotCompleted);
      const now = new Date();
      for (let attempt = 0; ; attempt++) {
        const candidate = certificateNumber(activity.end_date);
        try {
          // A savepoint, so a (vanishingly rare) number collision retries without losing the transaction.
          await em.query('SAVEPOINT certificate_number');
          await em.query(`INSERT INTO programmes.certificates (number, enrollment_id, holder_name, issued_by, issued_at) VALUES ($1, $2, $3, $4, $5)`, [
            candidate,
            enrollment.id,
            enrollment.expert_name,
            who.userId,
            now,
          ]);
          await em.query('RELEASE SAVEPOINT certificate_number');
        } catch (error) {
          await em.query('ROLLBACK TO SAVEPOINT certificate_number');
          if (isUniqueViolation(error, 'certificates_pkey') && attempt < 5) continue;
          throw error;
        }
        const facts = await this.ledger.facts(em, activity);
        await this.outbox.add(
          em,
          'programmes.certificate.issued.v1',
          {
            ...facts,
            certificateNumber: candidate,
            enrollmentId: enrollment.id,
            expertId: enrollment.expert_id,
            ...(enrollment.expert_user_id ? { expertUserId: enrollment.expert_user_id } : {}),
            ...(enrollment.nominated_by ? { nominatedBy: enrollment.nominated_by } : {}),
            issuedAt: now.toISOString(),
          },
          { about: enrollment.id },
        );
        return candidate;
      }
    });
    return this.verify(number, locale);
  }

  /** Public: valid or revoked, the activity, its dates and the holder's name, nothing more. */
  async verify(number: string, locale: Locale): Promise<CertificateView> {
    const found = await queryRow<CertificateRow>(this.dataSource, `${CERTIFICATE_SELECT} WHERE c.number = $1`, [number]);
    if (!found) throw new DomainError(ErrorCode.CertificateNotFound);
    return toCertificateView(found, locale);
  }

  async revoke(principal: Principal | undefined, number: string, locale: Locale): Promise<CertificateView> {
    const who = caller(principal);
    const found = await queryRow<CertificateRow>(this.dataSource, `${CERTIFICATE_SELECT} WHERE c.number = $1`, [number]);
    if (!found) throw new DomainError(ErrorCode.CertificateNotFound);
    if (!(await this.programmes.isCoordinatorOf(this.dataSource.manager, who, found.programme_code))) throw forbidden();
    await this.dataSource.query(`UPDATE programmes.certificates SET revoked_at = now(), revoked_by = $2 WHERE number = $1 AND revoked_at IS NULL`, [number, who.userId]);
    return this.verify(number, locale);
  }
}
