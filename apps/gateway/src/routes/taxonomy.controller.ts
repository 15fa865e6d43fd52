import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@olp/contracts';
import { Public } from '@olp/platform';
import { Taxonomy, type Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { asInt, asString } from '../http/query.js';
import { RequestLocale } from '../http/request-context.js';
import { OccupationList, SkillList } from './taxonomy.views.js';

function invalid(field: string, rule: string, params?: Record<string, number>): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field, rule, ...(params ? { params } : {}) }]);
}

function readLimit(value: unknown): number {
  const limit = asInt(value) ?? 10;
  if (typeof limit !== 'number' || limit < 1 || limit > 50) throw invalid('limit', 'max', { max: 50 });
  return limit;
}

/** Typeahead over ISCO-08 (and imported ESCO occupations) and the skills taxonomy, in any language. */
@ApiTags('reference')
@Public()
@Controller('reference')
export class TaxonomyController {
  constructor(@Inject(Taxonomy) private readonly taxonomy: Taxonomy) {}

  @Get('occupations')
  @ApiOperation({
    summary: 'Occupations (ISCO-08) by typeahead, or browse the hierarchy',
    description: 'With q: prefix and typo-tolerant search in Arabic, English or French. Without q: the children of `parent`, or the major groups.',
  })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'parent', required: false, description: 'An ISCO code whose sub-groups to list' })
  @ApiQuery({ name: 'level', required: false, type: Number, description: 'Only ISCO groups of this level (1–4)' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiOkResponse({ type: OccupationList })
  @ApiProblems(400)
  occupations(@Query() query: Record<string, unknown>, @RequestLocale() locale: Locale): OccupationList {
    const q = asString(query['q'])?.slice(0, 100);
    const limit = readLimit(query['limit']);
    const level = query['level'] === undefined ? undefined : asInt(query['level']);
    if (level !== undefined && (typeof level !== 'number' || level < 1 || level > 4)) throw invalid('level', 'max', { max: 4 });
    if (q && q.trim() !== '') return { items: this.taxonomy.searchOccupations(q, locale, limit, level) };
    const parent = asString(query['parent']);
    if (parent !== undefined && !this.taxonomy.isIscoCode(parent)) throw invalid('parent', 'unknownOccupation');
    return { items: this.taxonomy.childrenOf(parent ?? null, locale).slice(0, parent ? 100 : limit) };
  }

  @Get('skills')
  @ApiOperation({ summary: 'Skills by typeahead in Arabic, English or French (prefix and typo tolerant)' })
  @ApiQuery({ name: 'q', required: true })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiOkResponse({ type: SkillList })
  @ApiProblems(400)
  skills(@Query() query: Record<string, unknown>, @RequestLocale() locale: Locale): SkillList {
    const q = asString(query['q'])?.slice(0, 100);
    if (!q || q.trim() === '') throw invalid('q', 'isNotEmpty');
    return { items: this.taxonomy.searchSkills(q, locale, readLimit(query['limit'])) };
  }
}
