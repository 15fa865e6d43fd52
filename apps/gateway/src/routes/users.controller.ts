import { Body, Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserRequest, SetUserRolesRequest, DomainError, ErrorCode, Role, UserView, type Principal } from '@olp/contracts';
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

  @Put(':id/roles')
  @ApiOperation({
    summary: 'Admin: set the roles and country scope of an account',
    description: 'Makes a user a coordinator or a focal point (bound to one member state), or withdraws it. The next token the user obtains carries the change.',
  })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 401, 403, 404, 415)
  setRoles(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'id', rule: 'isUuid' }]) }))
    id: string,
    @Body() body: SetUserRolesRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
  ): Promise<UserView> {
    return this.rpc.request('rpc.identity.set-roles.v1', { ...body, userId: id }, { principal, locale });
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
