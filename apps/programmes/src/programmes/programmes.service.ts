import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  decodeCursor,
  encodeCursor,
  type CreateProgrammeRequest,
  type ListProgrammesRequest,
  type Principal,
  type ProgrammeCoordinatorRequest,
  type ProgrammePage,
  type ProgrammeView,
  type ThematicArea,
} from '@olp/contracts';
import { DATA_SOURCE, isUniqueViolation, queryRow, queryRows } from '@olp/persistence';
import { resolveText, type Locale, type LocalizedText } from '@olp/reference-data';
import { caller, forbidden, isAdmin } from '../common/access.js';

interface ProgrammeRow {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  institution: LocalizedText;
  thematic_area: ThematicArea;
  coordinator_ids: string[];
}

const PROGRAMME_SELECT = `
  SELECT p.code, p.name, p.description, p.institution, p.thematic_area,
         coalesce(array(SELECT c.user_id::text FROM programmes.programme_coordinators c WHERE c.programme_code = p.code ORDER BY c.assigned_at, c.user_id), '{}') AS coordinator_ids
  FROM programmes.programmes p`;

function isCodeCursor(value: unknown): value is { c: string } {
  return typeof value === 'object' && value !== null && typeof (value as { c?: unknown }).c === 'string';
}

/** Programmes (reference data, admins add more) and who coordinates each. */
@Injectable()
export class ProgrammesService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async list(principal: Principal | undefined, request: ListProgrammesRequest, locale: Locale): Promise<ProgrammePage> {
    const limit = request.limit ?? 20;
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, isCodeCursor);
    if (request.cursor !== undefined && !after) throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'cursor', rule: 'isCursor' }]);
    const found = await queryRows<ProgrammeRow>(this.dataSource, `${PROGRAMME_SELECT} WHERE ($1::text IS NULL OR p.code > $1) ORDER BY p.code LIMIT $2`, [after?.c ?? null, limit + 1]);
    const page = found.slice(0, limit);
    return { items: page.map((p) => this.toView(p, principal, locale)), nextCursor: found.length > limit ? encodeCursor({ c: page[page.length - 1]!.code }) : null };
  }

  async get(principal: Principal | undefined, code: string, locale: Locale): Promise<ProgrammeView> {
    return this.toView(await this.load(this.dataSource.manager, code), principal, locale);
  }

  async create(principal: Principal | undefined, request: CreateProgrammeRequest, locale: Locale): Promise<ProgrammeView> {
    if (!isAdmin(caller(principal))) throw forbidden();
    try {
      await this.dataSource.query(`INSERT INTO programmes.programmes (code, name, description, institution, thematic_area) VALUES ($1, $2, $3, $4, $5)`, [
        request.code,
        JSON.stringify(request.name),
        JSON.stringify(request.description),
        JSON.stringify(request.institution),
        request.thematicArea,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.ProgrammeExists);
      throw error;
    }
    return this.get(principal, request.code, locale);
  }

  /** Admins assign coordinators; the user must hold the coordinator role to act (checked on every call). */
  async assignCoordinator(principal: Principal | undefined, request: ProgrammeCoordinatorRequest, locale: Locale): Promise<ProgrammeView> {
    if (!isAdmin(caller(principal))) throw forbidden();
    await this.load(this.dataSource.manager, request.code);
    await this.dataSource.query(`INSERT INTO programmes.programme_coordinators (programme_code, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [request.code, request.userId]);
    return this.get(principal, request.code, locale);
  }

  async unassignCoordinator(principal: Principal | undefined, request: ProgrammeCoordinatorRequest, locale: Locale): Promise<ProgrammeView> {
    if (!isAdmin(caller(principal))) throw forbidden();
    await this.load(this.dataSource.manager, request.code);
    await this.dataSource.query(`DELETE FROM programmes.programme_coordinators WHERE programme_code = $1 AND user_id = $2`, [request.code, request.userId]);
    return this.get(principal, request.code, locale);
  }

  /** The programme's coordinators' user ids (told about every change in its activities). */
  async coordinatorIds(em: EntityManager, code: string): Promise<string[]> {
    const found = await queryRows<{ user_id: string }>(em, `SELECT user_id FROM programmes.programme_coordinators WHERE programme_code = $1 ORDER BY assigned_at, user_id`, [code]);
    return found.map((r) => r.user_id);
  }

  /** Whether the caller holds the coordinator role and is assigned to the programme. */
  async isCoordinatorOf(em: EntityManager, principal: Principal | undefined, code: string): Promise<boolean> {
    if (!principal?.roles.includes('coordinator')) return false;
    return (await queryRows(em, `SELECT 1 FROM programmes.programme_coordinators WHERE programme_code = $1 AND user_id = $2`, [code, principal.userId])).length > 0;
  }

  private async load(em: EntityManager, code: string): Promise<ProgrammeRow> {
    const found = await queryRow<ProgrammeRow>(em, `${PROGRAMME_SELECT} WHERE p.code = $1`, [code]);
    if (!found) throw new DomainError(ErrorCode.ProgrammeNotFound);
    return found;
  }

  private toView(row: ProgrammeRow, principal: Principal | undefined, locale: Locale): ProgrammeView {
    const isCoordinator = !!principal && principal.roles.includes('coordinator') && row.coordinator_ids.includes(principal.userId);
    return {
      code: row.code,
      name: row.name,
      description: row.description,
      institution: row.institution,
      displayName: resolveText(row.name, locale) ?? '',
      thematicArea: row.thematic_area,
      isCoordinator,
      coordinatorIds: isCoordinator || isAdmin(principal) ? row.coordinator_ids : [],
    };
  }
}
