import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Role, SeekerMatchPage, VacancyMatchPage, type Principal } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { Roles } from '@olp/platform';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { asInt, asString } from '../http/query.js';
import { CurrentPrincipal, RequestLocale } from '../http/request-context.js';
import { UuidParam } from '../http/uuid-param.js';

function page(limit: unknown, cursor: unknown) {
  return { ...(limit !== undefined ? { limit: asInt(limit) as number } : {}), ...(cursor !== undefined ? { cursor: asString(cursor)! } : {}) };
}

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('me/matches')
  @Roles(Role.Seeker)
  @ApiOperation({ summary: 'Open vacancies that fit me, best first, each with its score and reasons in my language' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: SeekerMatchPage })
  @ApiProblems(400, 401, 403)
  mine(@Query('limit') limit: unknown, @Query('cursor') cursor: unknown, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<SeekerMatchPage> {
    return this.rpc.request('rpc.matching.for-seeker.v1', page(limit, cursor), { principal, locale });
  }

  @Get('vacancies/:id/matches')
  @Roles(Role.Employer)
  @ApiOperation({
    summary: "Seekers who fit a vacancy (members of its organisation only)",
    description: 'Only seekers who consented to matching and are visible; no names or contact details.',
  })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: VacancyMatchPage })
  @ApiProblems(400, 401, 403, 404)
  forVacancy(
    @UuidParam('id') id: string,
    @Query('limit') limit: unknown,
    @Query('cursor') cursor: unknown,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
  ): Promise<VacancyMatchPage> {
    return this.rpc.request('rpc.matching.for-vacancy.v1', { vacancyId: id, ...page(limit, cursor) }, { principal, locale });
  }
}
