import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@olp/messaging';
import { AuthService } from './auth/auth.service.js';
import { SigningKeys } from './keys/signing-keys.service.js';
import { UsersService } from './users/users.service.js';

/** The identity service's request/reply surface: one line per pattern, logic in the services. */
@Injectable()
export class IdentityRpcHandlers implements OnModuleInit {
  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(SigningKeys) private readonly keys: SigningKeys,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('rpc.identity.register.v1', (request) => this.users.register(request));
    this.rpc.handle('rpc.identity.create-user.v1', (request, ctx) => this.users.createByAdmin(ctx.principal, request));
    this.rpc.handle('rpc.identity.set-roles.v1', (request, ctx) => this.users.setRoles(ctx.principal, request));
    this.rpc.handle('rpc.identity.login.v1', (request) => this.auth.login(request));
    this.rpc.handle('rpc.identity.refresh.v1', (request) => this.auth.refresh(request.refreshToken));
    this.rpc.handle('rpc.identity.logout.v1', async (request) => {
      await this.auth.logout(request.refreshToken);
      return { ok: true };
    });
    this.rpc.handle('rpc.identity.get-me.v1', (_request, ctx) => this.users.get(ctx.principal));
    this.rpc.handle('rpc.identity.update-me.v1', (request, ctx) => this.users.updateMe(ctx.principal, request));
    this.rpc.handle('rpc.identity.delete-user.v1', async (request, ctx) => {
      await this.users.delete(ctx.principal, request.userId);
      return { ok: true };
    });
    this.rpc.handle('rpc.identity.jwks.v1', async () => ({ keys: await this.keys.publicKeys() }));
  }
}
