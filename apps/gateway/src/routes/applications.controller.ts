import { Body, Controller, Get, Inject, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApplicationPage, ApplicationView, ChangeApplicationStatusRequest, type Principal } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { asInt, asString } from '../http/query.js';
import { CurrentPrincipal, RequestLocale } from '../http/request-context.js';
import { UuidParam } from '../http/uuid-param.js';

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Patch('applications/:id')
  @ApiOperation({
    summary: "Move an application: the employer shortlists, interviews, offers, hires or rejects; the applicant withdraws",
  })
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(400, 401, 404, 409, 415)
  change(@UuidParam('id') id: string, @Body() body: ChangeApplicationStatusRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ApplicationView> {
    return this.rpc.request('rpc.vacancies.change-application-status.v1', { ...body, applicationId: id }, { principal, locale });
  }

  @Get('me/applications')
  @ApiOperation({ summary: 'The applications I made, newest first' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: ApplicationPage })
  @ApiProblems(400, 401)
  mine(@Query('limit') limit: unknown, @Query('cursor') cursor: unknown, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ApplicationPage> {
    return this.rpc.request(
      'rpc.vacancies.list-applications.v1',
      { ...(limit !== undefined ? { limit: asInt(limit) as number } : {}), ...(cursor !== undefined ? { cursor: asString(cursor)! } : {}) },
      { principal, locale },
    );
  }
}
