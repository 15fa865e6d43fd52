import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@olp/messaging';
import { NotificationQueries } from './queries/notification-queries.js';

/** The notifications service's request/reply surface: one line per pattern, logic in the queries. */
@Injectable()
export class NotificationsRpcHandlers implements OnModuleInit {
  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(NotificationQueries) private readonly queries: NotificationQueries,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('rpc.notifications.list.v1', (request, ctx) => this.queries.list(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.notifications.since.v1', (request, ctx) => this.queries.since(ctx.principal, request.afterSequence, ctx.locale));
    this.rpc.handle('rpc.notifications.unread-count.v1', (_request, ctx) => this.queries.unreadCount(ctx.principal));
    this.rpc.handle('rpc.notifications.mark-read.v1', (request, ctx) => this.queries.markRead(ctx.principal, request.notificationId, ctx.locale));
    this.rpc.handle('rpc.notifications.mark-all-read.v1', (_request, ctx) => this.queries.markAllRead(ctx.principal));
    this.rpc.handle('rpc.notifications.get-preferences.v1', (_request, ctx) => this.queries.getPreferences(ctx.principal));
    this.rpc.handle('rpc.notifications.put-preferences.v1', (request, ctx) => this.queries.putPreferences(ctx.principal, request));
    this.rpc.handle('rpc.notifications.export.v1', (_request, ctx) => this.queries.export(ctx.principal, ctx.locale));
  }
}
