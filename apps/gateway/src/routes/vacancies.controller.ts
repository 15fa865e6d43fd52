import { Body, Controller, Get, Headers, HttpCode, Inject, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApplicationPage,
  ApplicationView,
  ApplyRequest,
  CloseVacancyRequest,
  CONTRACT_TYPES,
  CreateVacancyRequest,
  DomainError,
  ErrorCode,
  Role,
  SearchVacanciesRequest,
  UpdateVacancyRequest,
  VacancySearchResult,
  VacancyView,
  WORK_MODES,
  type Principal,
} from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { OptionalAuth, Roles, validatePayload } from '@olp/platform';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { etagOf, versionFromIfMatch } from '../http/etag.js';
import { asInt, asList, asString } from '../http/query.js';
import { CurrentPrincipal, MaybePrincipal, RequestLocale } from '../http/request-context.js';
import { UuidParam } from '../http/uuid-param.js';
import { searchCacheKey, SearchResponseCache } from './search-response-cache.js';

/** The query string as the search contract: lists split, scalars taken once, then validated. */
async function searchRequest(query: Record<string, unknown>): Promise<SearchVacanciesRequest> {
  const { lang: _lang, ...rest } = query;
  return validatePayload(SearchVacanciesRequest, {
    ...rest,
    ...(rest['q'] !== undefined ? { q: asString(rest['q']) } : {}),
    ...(rest['country'] !== undefined ? { country: asList(rest['country']) } : {}),
    ...(rest['occupation'] !== undefined ? { occupation: asString(rest['occupation']) } : {}),
    ...(rest['skill'] !== undefined ? { skill: asList(rest['skill']) } : {}),
    ...(rest['contractType'] !== undefined ? { contractType: asList(rest['contractType']) } : {}),
    ...(rest['workMode'] !== undefined ? { workMode: asList(rest['workMode']) } : {}),
    ...(rest['postedSince'] !== undefined ? { postedSince: asString(rest['postedSince']) } : {}),
    ...(rest['openTo'] !== undefined ? { openTo: asString(rest['openTo']) } : {}),
    ...(rest['sort'] !== undefined ? { sort: asString(rest['sort']) } : {}),
    ...(rest['limit'] !== undefined ? { limit: asInt(rest['limit']) } : {}),
    ...(rest['cursor'] !== undefined ? { cursor: asString(rest['cursor']) } : {}),
  });
}

function sendVacancy(reply: FastifyReply, vacancy: VacancyView, status = 200): VacancyView {
  void reply.status(status).header('ETag', etagOf(vacancy.version));
  return vacancy;
}

@ApiTags('vacancies')
@Controller('vacancies')
export class VacanciesController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(SearchResponseCache) private readonly searchCache: SearchResponseCache,
  ) {}

  @Get()
  @OptionalAuth()
  @ApiOperation({
    summary: 'Search published vacancies',
    description:
      'Full text in Arabic, English or French (Arabic letter forms and diacritics, and French accents, are ignored), filters, facet counts, ' +
      'relevance or recency order, cursor pagination. Repeat a list parameter (or separate values with commas) to match any of them. ' +
      'A search works on its newest 1,000 matches: total and facets are exact up to 1,000, else lower bounds (totalIsLowerBound), and ' +
      'relevance order ranks those; recency order pages through every match. Anonymous responses may be served from the gateway cache ' +
      'and show a change about 11 s after it (default settings: the cache TTL plus a one-second check); send a bearer token for an uncached answer.',
  })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'country', required: false, isArray: true, type: String })
  @ApiQuery({ name: 'occupation', required: false, description: 'ISCO-08 code at any level' })
  @ApiQuery({ name: 'skill', required: false, isArray: true, type: String })
  @ApiQuery({ name: 'contractType', required: false, isArray: true, enum: CONTRACT_TYPES })
  @ApiQuery({ name: 'workMode', required: false, isArray: true, enum: WORK_MODES })
  @ApiQuery({ name: 'postedSince', required: false, example: '2026-11-01' })
  @ApiQuery({ name: 'openTo', required: false, description: 'Nationality (ISO alpha-2) the vacancy must be open to' })
  @ApiQuery({ name: 'sort', required: false, enum: ['relevance', 'recency'] })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: VacancySearchResult })
  @ApiProblems(400)
  async search(
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VacancySearchResult | string> {
    const compute = async (): Promise<VacancySearchResult> => this.rpc.request('rpc.vacancies.search.v1', await searchRequest(query), { locale });
    // Signed-in callers (an employer who just published) get the service's answer, which its
    // replica refreshes on its own writes; anonymous readers accept the cache's staleness bound.
    if (authorization !== undefined || !this.searchCache.enabled) return compute();
    const changedSince = async (since: string) => this.rpc.request('rpc.vacancies.search-changed.v1', { ...(await searchRequest(query)), since }, { locale });
    const body = await this.searchCache.get(searchCacheKey(query, locale), compute, changedSince);
    void reply.type('application/json; charset=utf-8');
    return body;
  }

  @Post()
  @ApiBearerAuth()
  @Roles(Role.Employer)
  @ApiOperation({ summary: 'Create a vacancy as a draft, for an organisation the caller belongs to' })
  @ApiCreatedResponse({ type: VacancyView, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiProblems(400, 401, 403, 404, 415)
  async create(@Body() body: CreateVacancyRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale, @Res({ passthrough: true }) reply: FastifyReply): Promise<VacancyView> {
    return sendVacancy(reply, await this.rpc.request('rpc.vacancies.create-vacancy.v1', body, { principal, locale }), 201);
  }

  @Get(':id')
  @OptionalAuth()
  @ApiOperation({ summary: 'A vacancy (drafts only for members of its organisation)' })
  @ApiOkResponse({ type: VacancyView, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiProblems(400, 404)
  async get(@UuidParam('id') id: string, @MaybePrincipal() principal: Principal | undefined, @RequestLocale() locale: Locale, @Res({ passthrough: true }) reply: FastifyReply): Promise<VacancyView> {
    return sendVacancy(reply, await this.rpc.request('rpc.vacancies.get-vacancy.v1', { vacancyId: id }, { ...(principal ? { principal } : {}), locale }));
  }

  @Patch(':id')
  @ApiBearerAuth()
  @Roles(Role.Employer)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from the last read' })
  @ApiOperation({ summary: 'Edit a draft or published vacancy', description: '412 when it changed since your read; 428 without If-Match.' })
  @ApiOkResponse({ type: VacancyView })
  @ApiProblems(400, 401, 403, 404, 409, 412, 415)
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateVacancyRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VacancyView> {
    const expectedVersion = versionFromIfMatch(ifMatch);
    return sendVacancy(reply, await this.rpc.request('rpc.vacancies.update-vacancy.v1', { ...body, vacancyId: id, expectedVersion }, { principal, locale }));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Employer)
  @ApiOperation({ summary: 'Publish a draft: it becomes searchable and is matched with seekers' })
  @ApiOkResponse({ type: VacancyView })
  @ApiProblems(400, 401, 403, 404, 409)
  async publish(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale, @Res({ passthrough: true }) reply: FastifyReply): Promise<VacancyView> {
    return sendVacancy(reply, await this.rpc.request('rpc.vacancies.publish-vacancy.v1', { vacancyId: id }, { principal, locale }));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Employer)
  @ApiOperation({ summary: 'Close a published vacancy (filled, or closed for another reason); applicants are told' })
  @ApiOkResponse({ type: VacancyView })
  @ApiProblems(400, 401, 403, 404, 409, 415)
  async close(
    @UuidParam('id') id: string,
    @Body() body: CloseVacancyRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VacancyView> {
    return sendVacancy(reply, await this.rpc.request('rpc.vacancies.close-vacancy.v1', { ...body, vacancyId: id }, { principal, locale }));
  }

  @Post(':id/applications')
  @ApiBearerAuth()
  @Roles(Role.Seeker)
  @ApiOperation({ summary: 'Apply with a cover note', description: 'The employer sees your profile as it is at this moment.' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiProblems(400, 401, 403, 404, 409, 415)
  async apply(@UuidParam('id') id: string, @Body() body: ApplyRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ApplicationView> {
    const profile = await this.rpc.request('rpc.seekers.get-profile.v1', {}, { principal, locale }).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.ProfileNotFound) throw new DomainError(ErrorCode.ProfileRequired);
      throw error;
    });
    const { version: _version, ...snapshot } = profile;
    return this.rpc.request('rpc.vacancies.apply.v1', { ...body, vacancyId: id, profileSnapshot: snapshot as unknown as Record<string, unknown> }, { principal, locale });
  }

  @Get(':id/applications')
  @ApiBearerAuth()
  @Roles(Role.Employer)
  @ApiOperation({ summary: "A vacancy's applications, with the profiles applicants shared (members of its organisation)" })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: ApplicationPage })
  @ApiProblems(400, 401, 403, 404)
  list(@UuidParam('id') id: string, @Query('limit') limit: unknown, @Query('cursor') cursor: unknown, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ApplicationPage> {
    return this.rpc.request(
      'rpc.vacancies.list-applications.v1',
      { vacancyId: id, ...(limit !== undefined ? { limit: asInt(limit) as number } : {}), ...(cursor !== undefined ? { cursor: asString(cursor)! } : {}) },
      { principal, locale },
    );
  }
}
