import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ACTIVITY_STATUSES,
  ActivityPage,
  ActivityView,
  CertificateView,
  ChangeActivityStatusRequest,
  CreateActivityRequest,
  CreateExpertRequest,
  CreateProgrammeRequest,
  DecideNominationRequest,
  ENROLLMENT_STATUSES,
  EnrollmentPage,
  EnrollmentView,
  EnrollRequest,
  ExpertPage,
  ExpertView,
  ListActivitiesRequest,
  ListEnrollmentsRequest,
  CertificateRef,
  ProgrammePage,
  ProgrammeRef,
  ProgrammesSummary,
  ProgrammesSummaryRequest,
  ProgrammeView,
  RecordAttendanceRequest,
  Role,
  SearchExpertsRequest,
  UpdateActivityRequest,
  type Principal,
} from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { OptionalAuth, Public, Roles, validatePayload } from '@olp/platform';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { etagOf, versionFromIfMatch } from '../http/etag.js';
import { asInt, asString } from '../http/query.js';
import { CurrentPrincipal, MaybePrincipal, RequestLocale } from '../http/request-context.js';
import { UuidParam } from '../http/uuid-param.js';

function sendActivity(reply: FastifyReply, activity: ActivityView, status = 200): ActivityView {
  void reply.status(status).header('ETag', etagOf(activity.version));
  return activity;
}

/** A path parameter that must be a programme code. */
async function programmeCode(code: string): Promise<string> {
  return (await validatePayload(ProgrammeRef, { code })).code;
}

/** Query values as the request classes expect them: strings, and numbers where they are numbers. */
function queryOf(query: Record<string, unknown>, ints: string[] = []): Record<string, unknown> {
  const { lang: _lang, format: _format, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, ints.includes(key) ? asInt(value) : asString(value)]));
}

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function summaryCsv(summary: ProgrammesSummary): string {
  const lines = [['section', 'type', 'status', 'country', 'gender', 'count']];
  for (const a of summary.activities) lines.push(['activities', a.type, a.status, '', '', String(a.count)]);
  for (const p of summary.participants) lines.push(['participants', '', '', p.country, p.gender, String(p.count)]);
  lines.push(['distinct-experts', '', '', '', '', String(summary.distinctExperts)]);
  lines.push(['trainers', '', '', '', '', String(summary.trainers)]);
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('reports/summary')
  @ApiBearerAuth()
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOperation({
    summary: 'Summary of a year: activities by type and status, distinct experts, participants by country and gender, trainers',
    description: 'JSON by default; CSV with `Accept: text/csv` or `?format=csv`.',
  })
  @ApiQuery({ name: 'year', required: true, type: Number })
  @ApiQuery({ name: 'programme', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ProgrammesSummary })
  @ApiProblems(400, 401, 403)
  async summary(
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProgrammesSummary | string> {
    const request = await validatePayload(ProgrammesSummaryRequest, queryOf(query, ['year']));
    const summary = await this.rpc.request('rpc.programmes.summary.v1', request, { principal, locale });
    if (asString(query['format']) === 'csv' || (accept ?? '').includes('text/csv')) {
      void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="programmes-summary-${request.year}.csv"`);
      return summaryCsv(summary);
    }
    return summary;
  }

  @Get()
  @OptionalAuth()
  @ApiOperation({ summary: 'Capacity-building programmes (OSH-CaB, PES-CaB, OIC-VET, …)' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: ProgrammePage })
  @ApiProblems(400)
  list(@Query('limit') limit: unknown, @Query('cursor') cursor: unknown, @MaybePrincipal() principal: Principal | undefined, @RequestLocale() locale: Locale): Promise<ProgrammePage> {
    return this.rpc.request(
      'rpc.programmes.list-programmes.v1',
      { ...(limit !== undefined ? { limit: asInt(limit) as number } : {}), ...(cursor !== undefined ? { cursor: asString(cursor)! } : {}) },
      { ...(principal ? { principal } : {}), locale },
    );
  }

  @Post()
  @ApiBearerAuth()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Admin: add a programme' })
  @ApiCreatedResponse({ type: ProgrammeView })
  @ApiProblems(400, 401, 403, 409, 415)
  create(@Body() body: CreateProgrammeRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ProgrammeView> {
    return this.rpc.request('rpc.programmes.create-programme.v1', body, { principal, locale });
  }

  @Get(':code')
  @OptionalAuth()
  @ApiOperation({ summary: 'A programme' })
  @ApiOkResponse({ type: ProgrammeView })
  @ApiProblems(400, 404)
  async get(@Param('code') code: string, @MaybePrincipal() principal: Principal | undefined, @RequestLocale() locale: Locale): Promise<ProgrammeView> {
    return this.rpc.request('rpc.programmes.get-programme.v1', { code: await programmeCode(code) }, { ...(principal ? { principal } : {}), locale });
  }

  @Put(':code/coordinators/:userId')
  @ApiBearerAuth()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Admin: assign a coordinator (a user with the coordinator role) to the programme' })
  @ApiOkResponse({ type: ProgrammeView })
  @ApiProblems(400, 401, 403, 404)
  async assign(@Param('code') code: string, @UuidParam('userId') userId: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ProgrammeView> {
    return this.rpc.request('rpc.programmes.assign-coordinator.v1', { code: await programmeCode(code), userId }, { principal, locale });
  }

  @Delete(':code/coordinators/:userId')
  @ApiBearerAuth()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Admin: remove a coordinator from the programme' })
  @ApiOkResponse({ type: ProgrammeView })
  @ApiProblems(400, 401, 403, 404)
  async unassign(@Param('code') code: string, @UuidParam('userId') userId: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ProgrammeView> {
    return this.rpc.request('rpc.programmes.unassign-coordinator.v1', { code: await programmeCode(code), userId }, { principal, locale });
  }

  @Post(':code/activities')
  @ApiBearerAuth()
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: "Create an activity (planned) in a programme the caller coordinates" })
  @ApiCreatedResponse({ type: ActivityView, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiProblems(400, 401, 403, 404, 415)
  async createActivity(
    @Param('code') code: string,
    @Body() body: CreateActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityView> {
    return sendActivity(reply, await this.rpc.request('rpc.programmes.create-activity.v1', { ...body, programmeCode: await programmeCode(code) }, { principal, locale }), 201);
  }
}

@ApiTags('programmes')
@Controller('activities')
export class ActivitiesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Activities, by start date', description: '`country` matches the host, provider and beneficiary countries.' })
  @ApiQuery({ name: 'programme', required: false })
  @ApiQuery({ name: 'country', required: false })
  @ApiQuery({ name: 'from', required: false, example: '2027-01-01' })
  @ApiQuery({ name: 'to', required: false, example: '2027-12-31' })
  @ApiQuery({ name: 'status', required: false, enum: ACTIVITY_STATUSES })
  @ApiQuery({ name: 'language', required: false, example: 'ar' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: ActivityPage })
  @ApiProblems(400)
  async list(@Query() query: Record<string, unknown>, @RequestLocale() locale: Locale): Promise<ActivityPage> {
    const request = await validatePayload(ListActivitiesRequest, queryOf(query, ['limit']));
    return this.rpc.request('rpc.programmes.list-activities.v1', request, { locale });
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An activity, with its confirmed and waitlisted counts' })
  @ApiOkResponse({ type: ActivityView, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiProblems(400, 404)
  async get(@UuidParam('id') id: string, @RequestLocale() locale: Locale, @Res({ passthrough: true }) reply: FastifyReply): Promise<ActivityView> {
    return sendActivity(reply, await this.rpc.request('rpc.programmes.get-activity.v1', { activityId: id }, { locale }));
  }

  @Patch(':id')
  @ApiBearerAuth()
  @Roles(Role.Coordinator)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from the last read' })
  @ApiOperation({ summary: "Edit an activity of the caller's programme", description: 'More seats promote waitlisted participants at once. 412 when it changed since your read; 428 without If-Match.' })
  @ApiOkResponse({ type: ActivityView })
  @ApiProblems(400, 401, 403, 404, 409, 412, 415)
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateActivityRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityView> {
    const expectedVersion = versionFromIfMatch(ifMatch);
    return sendActivity(reply, await this.rpc.request('rpc.programmes.update-activity.v1', { ...body, activityId: id, expectedVersion }, { principal, locale }));
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Open, close, complete or cancel an activity', description: 'Cancelling cancels every enrolment.' })
  @ApiOkResponse({ type: ActivityView })
  @ApiProblems(400, 401, 403, 404, 409, 415)
  async changeStatus(
    @UuidParam('id') id: string,
    @Body() body: ChangeActivityStatusRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityView> {
    return sendActivity(reply, await this.rpc.request('rpc.programmes.change-activity-status.v1', { ...body, activityId: id }, { principal, locale }));
  }

  @Post(':id/enrollments')
  @ApiBearerAuth()
  @Roles(Role.Coordinator, Role.FocalPoint)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the first answer instead of enrolling twice' })
  @ApiOperation({
    summary: 'Enrol an expert (coordinator) or nominate one of your country (focal point)',
    description: 'A coordinator\'s participant is confirmed while seats and the country quota allow, else waitlisted in arrival order; trainers use no seat. A focal point\'s nomination waits for a coordinator.',
  })
  @ApiCreatedResponse({ type: EnrollmentView })
  @ApiProblems(400, 401, 403, 404, 409, 415)
  async enroll(
    @UuidParam('id') id: string,
    @Body() body: EnrollRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
  ): Promise<EnrollmentView> {
    return this.rpc.request('rpc.programmes.enroll.v1', { ...body, activityId: id, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) }, { principal, locale });
  }

  @Get(':id/enrollments')
  @ApiBearerAuth()
  @Roles(Role.Coordinator, Role.FocalPoint)
  @ApiOperation({ summary: "An activity's enrolments in arrival order (focal points: their countries' only)" })
  @ApiQuery({ name: 'status', required: false, enum: ENROLLMENT_STATUSES })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: EnrollmentPage })
  @ApiProblems(400, 401, 403, 404)
  async listEnrollments(@UuidParam('id') id: string, @Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<EnrollmentPage> {
    const request = await validatePayload(ListEnrollmentsRequest, { ...queryOf(query, ['limit']), activityId: id });
    return this.rpc.request('rpc.programmes.list-enrollments.v1', request, { principal, locale });
  }
}

@ApiTags('programmes')
@Controller('experts')
export class ExpertsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @ApiBearerAuth()
  @Roles(Role.FocalPoint, Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'Register an expert (focal points: of their own country)', description: 'One entry per e-mail address.' })
  @ApiCreatedResponse({ type: ExpertView })
  @ApiProblems(400, 401, 403, 409, 415)
  create(@Body() body: CreateExpertRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ExpertView> {
    return this.rpc.request('rpc.programmes.create-expert.v1', body, { principal, locale });
  }

  @Get()
  @ApiBearerAuth()
  @Roles(Role.FocalPoint, Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'Search the registry by name, country and expertise', description: 'Names match whatever the Arabic letter forms, diacritics or accents. Focal points see their own countries.' })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'country', required: false })
  @ApiQuery({ name: 'skill', required: false })
  @ApiQuery({ name: 'isco', required: false })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: ExpertPage })
  @ApiProblems(400, 401, 403)
  async search(@Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ExpertPage> {
    const request = await validatePayload(SearchExpertsRequest, queryOf(query, ['limit']));
    return this.rpc.request('rpc.programmes.search-experts.v1', request, { principal, locale });
  }

  @Get(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'An expert (coordinators, their country\'s focal points, the expert)' })
  @ApiOkResponse({ type: ExpertView })
  @ApiProblems(400, 401, 404)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ExpertView> {
    return this.rpc.request('rpc.programmes.get-expert.v1', { expertId: id }, { principal, locale });
  }
}

@ApiTags('programmes')
@Controller('enrollments')
export class EnrollmentsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post(':id/decision')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Approve or reject a nomination', description: 'An approved nomination is confirmed if seats and quota allow, else waitlisted.' })
  @ApiOkResponse({ type: EnrollmentView })
  @ApiProblems(400, 401, 403, 404, 409, 415)
  decide(@UuidParam('id') id: string, @Body() body: DecideNominationRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<EnrollmentView> {
    return this.rpc.request('rpc.programmes.decide-nomination.v1', { ...body, enrollmentId: id }, { principal, locale });
  }

  @Delete(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Cancel an enrolment or nomination', description: 'By a coordinator, the focal point of the expert\'s country or the expert. The next eligible waitlisted participant is promoted at once.' })
  @ApiOkResponse({ type: EnrollmentView })
  @ApiProblems(400, 401, 404, 409)
  cancel(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<EnrollmentView> {
    return this.rpc.request('rpc.programmes.cancel-enrollment.v1', { enrollmentId: id }, { principal, locale });
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Record attendance and completion' })
  @ApiOkResponse({ type: EnrollmentView })
  @ApiProblems(400, 401, 403, 404, 409, 415)
  attendance(@UuidParam('id') id: string, @Body() body: RecordAttendanceRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<EnrollmentView> {
    return this.rpc.request('rpc.programmes.record-attendance.v1', { ...body, enrollmentId: id }, { principal, locale });
  }

  @Post(':id/certificate')
  @ApiBearerAuth()
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Issue the completion certificate (once; again returns the same one)' })
  @ApiCreatedResponse({ type: CertificateView })
  @ApiProblems(400, 401, 403, 404, 409)
  certificate(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<CertificateView> {
    return this.rpc.request('rpc.programmes.issue-certificate.v1', { enrollmentId: id }, { principal, locale });
  }
}

@ApiTags('programmes')
@Controller('certificates')
export class CertificatesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get(':number')
  @Public()
  @ApiOperation({ summary: 'Verify a certificate (public)', description: 'Valid or revoked, the activity, its dates and the holder\'s name only.' })
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(400, 404)
  async verify(@Param('number') number: string, @RequestLocale() locale: Locale): Promise<CertificateView> {
    return this.rpc.request('rpc.programmes.verify-certificate.v1', await certificateRef(number), { locale });
  }

  @Post(':number/revoke')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Revoke a certificate (a coordinator of its programme)' })
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(400, 401, 403, 404)
  async revoke(@Param('number') number: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<CertificateView> {
    return this.rpc.request('rpc.programmes.revoke-certificate.v1', await certificateRef(number), { principal, locale });
  }
}

/** Certificate numbers are read from paper: letter case does not matter. */
function certificateRef(number: string): Promise<CertificateRef> {
  return validatePayload(CertificateRef, { number: number.toUpperCase() });
}
