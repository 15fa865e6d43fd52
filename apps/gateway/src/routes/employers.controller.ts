import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateEmployerRequest, EmployerView, Role, type Principal } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { OptionalAuth, Roles } from '@olp/platform';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { UuidParam } from '../http/uuid-param.js';
import { CurrentPrincipal, MaybePrincipal, RequestLocale } from '../http/request-context.js';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @ApiBearerAuth()
  @Roles(Role.Employer)
  @ApiOperation({ summary: 'Create an employer organisation; the caller becomes its owner' })
  @ApiCreatedResponse({ type: EmployerView })
  @ApiProblems(400, 401, 403, 415)
  create(@Body() body: CreateEmployerRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<EmployerView> {
    return this.rpc.request('rpc.vacancies.create-employer.v1', body, { principal, locale });
  }

  @Get(':id')
  @OptionalAuth()
  @ApiOperation({ summary: "An employer's public profile" })
  @ApiOkResponse({ type: EmployerView })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string, @MaybePrincipal() principal: Principal | undefined, @RequestLocale() locale: Locale): Promise<EmployerView> {
    return this.rpc.request('rpc.vacancies.get-employer.v1', { employerId: id }, { ...(principal ? { principal } : {}), locale });
  }
}
