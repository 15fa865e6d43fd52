import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  decodeCursor,
  encodeCursor,
  type CreateExpertRequest,
  type ExpertPage,
  type ExpertView,
  type FieldError,
  type Gender,
  type Principal,
  type SearchExpertsRequest,
} from '@olp/contracts';
import { DATA_SOURCE, isUniqueViolation, queryRow, queryRows } from '@olp/persistence';
import { foldForSearch, Taxonomy } from '@olp/reference-data';
import { caller, forbidden, invalid, isAdmin, isCoordinatorRole, isFocalPointOf } from '../common/access.js';

export interface ExpertRow {
  id: string;
  full_name: string;
  email: string;
  phone: string | null;
  country: string;
  gender: Gender;
  institution: string | null;
  languages: string[];
  skills: string[];
  isco_codes: string[];
  user_id: string | null;
  name_folded: string;
  created_at: Date;
}

const EXPERT_COLUMNS = `x.id, x.full_name, x.email, x.phone, x.country, x.gender, x.institution, x.languages, x.skills, x.isco_codes, x.user_id, x.name_folded, x.created_at`;

function toExpertView(row: ExpertRow): ExpertView {
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    ...(row.phone ? { phone: row.phone } : {}),
    country: row.country.trim(),
    gender: row.gender,
    ...(row.institution ? { institution: row.institution } : {}),
    languages: row.languages,
    skills: row.skills,
    iscoCodes: row.isco_codes,
    ...(row.user_id ? { userId: row.user_id } : {}),
    createdAt: row.created_at.toISOString(),
  };
}

function isNameCursor(value: unknown): value is { n: string; i: string } {
  const v = value as { n?: unknown; i?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.n === 'string' && typeof v.i === 'string' && /^[0-9a-f-]{36}$/.test(v.i);
}

/** Escapes LIKE wildcards so a name search matches text literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The registry of experts from member states. Focal points manage their own country's experts;
 * coordinators and admins see everyone; an expert with an account sees their own entry.
 */
@Injectable()
export class ExpertsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(Taxonomy) private readonly taxonomy: Taxonomy,
  ) {}

  async create(principal: Principal | undefined, request: CreateExpertRequest): Promise<ExpertView> {
    const who = caller(principal);
    if (!(isAdmin(who) || isCoordinatorRole(who) || isFocalPointOf(who, request.country))) throw forbidden();
    const problems: FieldError[] = [];
    request.skills.forEach((id, i) => {
      if (!this.taxonomy.hasSkill(id)) problems.push({ field: `skills[${i}]`, rule: 'unknownSkill' });
    });
    request.iscoCodes.forEach((code, i) => {
      if (!this.taxonomy.isIscoCode(code)) problems.push({ field: `iscoCodes[${i}]`, rule: 'unknownOccupation' });
    });
    if (problems.length > 0) throw invalid(problems);
    try {
      const created = await queryRow<ExpertRow>(
        this.dataSource,
        `INSERT INTO programmes.experts AS x (id, full_name, name_folded, email, phone, country, gender, institution, languages, skills, isco_codes, user_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${EXPERT_COLUMNS}`,
        [
          randomUUID(),
          request.fullName,
          foldForSearch(request.fullName),
          request.email,
          request.phone ?? null,
          request.country,
          request.gender,
          request.institution ?? null,
          request.languages,
          request.skills,
          request.iscoCodes,
          request.userId ?? null,
          who.userId,
        ],
      );
      return toExpertView(created!);
    } catch (error) {
      if (isUniqueViolation(error, 'experts_email_key')) throw new DomainError(ErrorCode.ExpertEmailTaken);
      if (isUniqueViolation(error, 'experts_user_key')) throw invalid([{ field: 'userId', rule: 'isUnique' }]);
      throw error;
    }
  }

  async get(principal: Principal | undefined, expertId: string): Promise<ExpertView> {
    const who = caller(principal);
    const expert = await this.load(this.dataSource.manager, expertId);
    // Someone who may not see the expert learns nothing of their existence.
    if (!expert || !this.maySee(who, expert)) throw new DomainError(ErrorCode.ExpertNotFound);
    return toExpertView(expert);
  }

  /** By name (Arabic letter forms, diacritics and accents folded), country and expertise; focal points see their own countries only. */
  async search(principal: Principal | undefined, request: SearchExpertsRequest): Promise<ExpertPage> {
    const who = caller(principal);
    const everyone = isAdmin(who) || isCoordinatorRole(who);
    if (!everyone && !who.roles.includes('focal-point')) throw forbidden();
    if (!everyone && request.country && !who.countryScope.includes(request.country)) throw forbidden();
    const limit = request.limit ?? 20;
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, isNameCursor);
    if (request.cursor !== undefined && !after) throw invalid([{ field: 'cursor', rule: 'isCursor' }]);
    const params: unknown[] = [];
    const where: string[] = [];
    if (request.country) where.push(`x.country = $${params.push(request.country)}`);
    else if (!everyone) where.push(`x.country = ANY($${params.push(who.countryScope)}::text[])`);
    if (request.q) {
      const folded = foldForSearch(request.q);
      if (folded) where.push(`x.name_folded LIKE $${params.push(`%${likeLiteral(folded)}%`)}`);
    }
    if (request.skill) where.push(`x.skills @> ARRAY[$${params.push(request.skill)}]::text[]`);
    if (request.isco) where.push(`EXISTS (SELECT 1 FROM unnest(x.isco_codes) c WHERE c LIKE $${params.push(`${request.isco}%`)})`);
    if (after) where.push(`(x.name_folded, x.id) > ($${params.push(after.n)}, $${params.push(after.i)}::uuid)`);
    const found = await queryRows<ExpertRow>(
      this.dataSource,
      `SELECT ${EXPERT_COLUMNS} FROM programmes.experts x ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY x.name_folded, x.id LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toExpertView), nextCursor: found.length > limit && last ? encodeCursor({ n: last.name_folded, i: last.id }) : null };
  }

  async load(em: EntityManager, expertId: string): Promise<ExpertRow | undefined> {
    return queryRow<ExpertRow>(em, `SELECT ${EXPERT_COLUMNS} FROM programmes.experts x WHERE x.id = $1`, [expertId]);
  }

  async loadMany(em: EntityManager, expertIds: string[]): Promise<ExpertRow[]> {
    return queryRows<ExpertRow>(em, `SELECT ${EXPERT_COLUMNS} FROM programmes.experts x WHERE x.id = ANY($1::uuid[])`, [expertIds]);
  }

  private maySee(who: Principal, expert: ExpertRow): boolean {
    return isAdmin(who) || isCoordinatorRole(who) || isFocalPointOf(who, expert.country.trim()) || (expert.user_id !== null && expert.user_id === who.userId);
  }
}
