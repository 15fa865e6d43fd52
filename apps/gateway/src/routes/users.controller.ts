import { Body, Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserRequest, DomainError, ErrorCode, Role, UserView, type Principal } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import type { Locale } from '@olp/reference-data';
import { Roles } from '@olp/platform';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { CurrentPrincipal, RequestLocale } from '../http/request-context.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Admin: create a coordinator, focal point or admin', description: 'Coordinators and focal points need a country scope.' })
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, 401, 403, 409, 415)
  create(@Body() body: CreateUserRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<UserView> {
    return this.rpc.request('rpc.identity.create-user.v1', body, { principal, locale });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admin: delete an account' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async remove(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'id', rule: 'isUuid' }]) }))
    id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
  ): Promise<void> {
    await this.rpc.request('rpc.identity.delete-user.v1', { userId: id }, { principal, locale });
  }
}
