import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@olp/persistence';
import { todayUtc } from '../common/access.js';
import { row } from '../common/sql.js';

/**
 * The search generation (contract `SearchGenerationView`): what public search results depend on
 * besides the query. Two parts:
 *
 * - the stored data: `vacancies.search_generation`, a counter PostgreSQL raises in the writing
 *   transaction whenever a published vacancy or an employer's name changes (migration
 *   1763900000003), so it is shared by every replica, survives restarts and misses no write path;
 * - the clock: search shows vacancies whose closing date is today or later (UTC), so a result is
 *   only valid on the day it was computed. The other filters (`postedSince`) are absolute dates.
 *
 * A result computed after reading generation g is still the right answer while the generation
 * reads g: read it before computing, never after.
 */
@Injectable()
export class SearchGeneration {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The generation now (`now`: the clock, for tests). */
  async current(now = new Date()): Promise<string> {
    const today = todayUtc(now);
    const stored = await row<{ value: string }>(this.dataSource, `SELECT value FROM vacancies.search_generation`);
    return SearchGeneration.format(stored?.value ?? '0', today);
  }

  static format(counter: string, today: string): string {
    return `${counter}@${today}`;
  }

  /** The counter of a generation of `today`; undefined for another day's or a malformed one. */
  static counterOf(generation: string, today: string): string | undefined {
    const match = /^(\d{1,18})@(\d{4}-\d{2}-\d{2})$/.exec(generation);
    return match && match[2] === today ? match[1] : undefined;
  }
}
