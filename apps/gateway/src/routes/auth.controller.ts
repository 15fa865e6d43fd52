import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LoginRequest, LogoutRequest, RefreshRequest, RegisterUserRequest, TokenPair, UserView } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import type { Locale } from '@olp/reference-data';
import { Public } from '@olp/platform';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { RequestLocale, type GatewayRequest } from '../http/request-context.js';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account (job seeker or employer)', description: 'Other roles are granted by an admin.' })
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, 403, 409, 415)
  register(@Body() body: RegisterUserRequest, @RequestLocale() locale: Locale): Promise<UserView> {
    return this.rpc.request('rpc.identity.register.v1', body, { locale });
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password', description: 'Repeated failures per account and per address are throttled (429).' })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401, 403, 415)
  login(@Body() body: LoginRequest, @Req() request: GatewayRequest, @RequestLocale() locale: Locale): Promise<TokenPair> {
    return this.rpc.request('rpc.identity.login.v1', { ...body, clientAddress: request.ip }, { locale });
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair', description: 'Each refresh token works once; reusing one revokes the whole session.' })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401, 415)
  refresh(@Body() body: RefreshRequest, @RequestLocale() locale: Locale): Promise<TokenPair> {
    return this.rpc.request('rpc.identity.refresh.v1', body, { locale });
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revoke the session of this refresh token' })
  @ApiNoContentResponse()
  @ApiProblems(400, 415)
  async logout(@Body() body: LogoutRequest, @RequestLocale() locale: Locale): Promise<void> {
    await this.rpc.request('rpc.identity.logout.v1', body, { locale });
  }
}
