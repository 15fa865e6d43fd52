import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@olp/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, Role, type CreateEmployerRequest, type EmployerView, type Principal } from '@olp/contracts';
import { DATA_SOURCE } from '@olp/persistence';
import { resolveText, type Locale, type LocalizedText } from '@olp/reference-data';
import { requireRole } from '../common/access.js';
import { row, rows } from '../common/sql.js';

interface EmployerRow {
  id: string;
  name: LocalizedText;
  description: LocalizedText | null;
  country: string;
  isic_section: string;
  size: string;
  website: string | null;
  created_at: Date;
}

function toEmployerView(row: EmployerRow, locale: Locale, isMember: boolean): EmployerView {
  return {
    id: row.id,
    name: row.name,
    displayName: resolveText(row.name, locale) ?? '',
    ...(row.description ? { description: row.description } : {}),
    country: row.country,
    isicSection: row.isic_section,
    size: row.size,
    ...(row.website ? { website: row.website } : {}),
    isMember,
    createdAt: row.created_at.toISOString(),
  };
}

/** Employer organisations and who belongs to them. */
@Injectable()
export class EmployersService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  /** An employer account creates an organisation and becomes its owner. */
  async create(principal: Principal | undefined, request: CreateEmployerRequest, locale: Locale): Promise<EmployerView> {
    const userId = requireRole(principal, Role.Employer);
    const created = await this.dataSource.transaction(async (em) => {
      const employer = await row<EmployerRow>(
        em,
        `INSERT INTO vacancies.employers (id, name, description, country, isic_section, size, website, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, name, description, country, isic_section, size, website, created_at`,
        [randomUUID(), JSON.stringify(request.name), request.description ? JSON.stringify(request.description) : null, request.country, request.isicSection, request.size, request.website ?? null, userId],
      );
      await em.query(`INSERT INTO vacancies.employer_members (employer_id, user_id, role) VALUES ($1, $2, 'owner')`, [employer!.id, userId]);
      // Services that answer for an employer's data (matching) learn who may see it.
      await this.outbox.add(em, 'vacancies.employer.member-added.v1', { employerId: employer!.id, userId, role: 'owner', addedAt: new Date().toISOString() }, { about: employer!.id });
      return employer!;
    });
    return toEmployerView(created, locale, true);
  }

  /** Public; `isMember` tells the caller whether they belong to it. */
  async get(principal: Principal | undefined, employerId: string, locale: Locale): Promise<EmployerView> {
    const employer = await row<EmployerRow>(
      this.dataSource,
      `SELECT id, name, description, country, isic_section, size, website, created_at FROM vacancies.employers WHERE id = $1`,
      [employerId],
    );
    if (!employer) throw new DomainError(ErrorCode.EmployerNotFound);
    const member = principal ? await this.isMember(employerId, principal.userId) : false;
    return toEmployerView(employer, locale, member);
  }

  async exists(employerId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await rows(em, `SELECT 1 FROM vacancies.employers WHERE id = $1`, [employerId])).length > 0;
  }

  async isMember(employerId: string, userId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await rows(em, `SELECT 1 FROM vacancies.employer_members WHERE employer_id = $1 AND user_id = $2`, [employerId, userId])).length > 0;
  }

  /** Everyone who acts for the organisation (told about new applications). */
  async memberIds(employerId: string, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const members = await rows<{ user_id: string }>(em, `SELECT user_id FROM vacancies.employer_members WHERE employer_id = $1 ORDER BY created_at, user_id`, [employerId]);
    return members.map((r) => r.user_id);
  }
}
