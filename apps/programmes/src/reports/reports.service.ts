import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ActivityStatus, ActivityType, Gender, Principal, ProgrammesSummary, ProgrammesSummaryRequest } from '@olp/contracts';
import { DATA_SOURCE, queryRow, queryRows } from '@olp/persistence';
import { caller, forbidden, isAdmin, isCoordinatorRole } from '../common/access.js';

/** Figures for coordinators and admins: activities starting in a year, and who took part. */
@Injectable()
export class ReportsService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async summary(principal: Principal | undefined, request: ProgrammesSummaryRequest): Promise<ProgrammesSummary> {
    const who = caller(principal);
    if (!isAdmin(who) && !isCoordinatorRole(who)) throw forbidden();
    const params = [`${request.year}-01-01`, `${request.year}-12-31`, request.programme ?? null];
    const scope = `a.start_date BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR a.programme_code = $3)`;
    const activities = await queryRows<{ type: ActivityType; status: ActivityStatus; count: number }>(
      this.dataSource,
      `SELECT a.type, a.status, count(*)::int AS count FROM programmes.activities a WHERE ${scope} GROUP BY a.type, a.status ORDER BY a.type, a.status`,
      params,
    );
    const confirmed = `FROM programmes.enrollments e JOIN programmes.activities a ON a.id = e.activity_id JOIN programmes.experts x ON x.id = e.expert_id
      WHERE ${scope} AND e.status = 'confirmed'`;
    const totals = await queryRow<{ experts: number; trainers: number }>(
      this.dataSource,
      `SELECT count(DISTINCT e.expert_id)::int AS experts, count(*) FILTER (WHERE e.role = 'trainer')::int AS trainers ${confirmed}`,
      params,
    );
    const participants = await queryRows<{ country: string; gender: Gender; count: number }>(
      this.dataSource,
      `SELECT e.expert_country AS country, x.gender, count(*)::int AS count ${confirmed} AND e.role = 'participant'
       GROUP BY e.expert_country, x.gender ORDER BY e.expert_country, x.gender`,
      params,
    );
    return {
      year: request.year,
      ...(request.programme ? { programme: request.programme } : {}),
      activities,
      distinctExperts: totals?.experts ?? 0,
      participants: participants.map((p) => ({ ...p, country: p.country.trim() })),
      trainers: totals?.trainers ?? 0,
    };
  }
}
