import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@olp/messaging';
import { MatchQueries } from './queries/match-queries.js';

/** The matching service's request/reply surface: one line per pattern, logic in the queries. */
@Injectable()
export class MatchingRpcHandlers implements OnModuleInit {
  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(MatchQueries) private readonly queries: MatchQueries,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('rpc.matching.for-seeker.v1', (request, ctx) => this.queries.forSeeker(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.matching.for-vacancy.v1', (request, ctx) => this.queries.forVacancy(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.matching.export.v1', (_request, ctx) => this.queries.export(ctx.principal, ctx.locale));
  }
}
