import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@olp/messaging';
import { ProfilesService } from './profiles/profiles.service.js';

/** The seekers service's request/reply surface: one line per pattern, logic in the service. */
@Injectable()
export class SeekersRpcHandlers implements OnModuleInit {
  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(ProfilesService) private readonly profiles: ProfilesService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('rpc.seekers.put-profile.v1', (request, ctx) => this.profiles.put(ctx.principal, request));
    this.rpc.handle('rpc.seekers.get-profile.v1', (_request, ctx) => this.profiles.get(ctx.principal));
    this.rpc.handle('rpc.seekers.erase-profile.v1', (_request, ctx) => this.profiles.erase(ctx.principal));
    this.rpc.handle('rpc.seekers.export.v1', (_request, ctx) => this.profiles.export(ctx.principal));
  }
}
