import { Body, Controller, Delete, Get, HttpCode, Inject, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdateMeRequest, UserView, type Principal } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { CurrentPrincipal, RequestLocale } from '../http/request-context.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(401, 404)
  me(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<UserView> {
    return this.rpc.request('rpc.identity.get-me.v1', {}, { principal, locale });
  }

  @Patch()
  @ApiOperation({ summary: 'Change the display name or preferred language' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 401, 404, 415)
  update(@Body() body: UpdateMeRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<UserView> {
    return this.rpc.request('rpc.identity.update-me.v1', body, { principal, locale });
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the signed-in account', description: 'Every service erases what it holds about the account.' })
  @ApiNoContentResponse()
  @ApiProblems(401, 404)
  async remove(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<void> {
    await this.rpc.request('rpc.identity.delete-user.v1', { userId: principal.userId }, { principal, locale });
  }
}
