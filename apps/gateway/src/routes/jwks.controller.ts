import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwksView } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { Public } from '@olp/platform';
import { ApiProblems } from '../http/api-problems.decorator.js';

/** The public keys that verify access tokens (RFC 7517), for anyone who wants to verify them too. */
@ApiTags('auth')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'JSON Web Key Set of the access-token signing keys' })
  @ApiOkResponse({ type: JwksView })
  @ApiProblems()
  jwks(): Promise<JwksView> {
    return this.rpc.request('rpc.identity.jwks.v1', {});
  }
}
