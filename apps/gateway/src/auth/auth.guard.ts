import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, type Role } from '@olp/contracts';
import type { GatewayRequest } from '../http/request-context.js';
import { OPTIONAL_AUTH, PUBLIC_ROUTE, REQUIRED_ROLES } from '@olp/platform';
import { JwtVerifier } from './jwt-verifier.js';

/** Authentication (a valid bearer token) on every route not marked @Public, then role checks. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const header = request.headers.authorization;
    if (!header) {
      if (this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets)) return true;
      throw new DomainError(ErrorCode.Unauthenticated);
    }
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header);
    if (!match) throw new DomainError(ErrorCode.TokenInvalid);
    request.principal = await this.verifier.verify(match[1]!);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => request.principal!.roles.includes(role))) throw new DomainError(ErrorCode.Forbidden);
    return true;
  }
}
