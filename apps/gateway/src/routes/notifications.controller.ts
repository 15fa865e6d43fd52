import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  ErrorCode,
  MarkedRead,
  NotificationPage,
  NotificationPreferencesView,
  NotificationView,
  PutPreferencesRequest,
  UnreadCount,
  type Principal,
} from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { asInt, asString } from '../http/query.js';
import { CurrentPrincipal, RequestLocale } from '../http/request-context.js';
import { UuidParam } from '../http/uuid-param.js';
import { NotificationStreamHub } from '../notifications/notification-stream.hub.js';

/** `?unread=true|false`: anything else reaches validation as it is and is refused there. */
function asBoolean(value: unknown): boolean | string | undefined {
  const text = asString(value);
  return text === 'true' ? true : text === 'false' ? false : text;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me')
export class NotificationsController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(NotificationStreamHub) private readonly hub: NotificationStreamHub,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first, in my language', description: 'Shown in the app; each says where its e-mail stands.' })
  @ApiQuery({ name: 'unread', required: false, type: Boolean })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: NotificationPage })
  @ApiProblems(400, 401)
  list(
    @Query('unread') unread: unknown,
    @Query('limit') limit: unknown,
    @Query('cursor') cursor: unknown,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
  ): Promise<NotificationPage> {
    const request = {
      ...(unread !== undefined ? { unread: asBoolean(unread) as boolean } : {}),
      ...(limit !== undefined ? { limit: asInt(limit) as number } : {}),
      ...(cursor !== undefined ? { cursor: asString(cursor)! } : {}),
    };
    return this.rpc.request('rpc.notifications.list.v1', request, { principal, locale });
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @ApiOkResponse({ type: UnreadCount })
  @ApiProblems(401)
  unreadCount(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<UnreadCount> {
    return this.rpc.request('rpc.notifications.unread-count.v1', {}, { principal, locale });
  }

  @Get('notifications/stream')
  @ApiOperation({
    summary: 'Server-sent events: my new notifications as they are created',
    description:
      'Each event is `event: notification`, `id: <sequence>`, `data: <Notification JSON>` in the request language. After a ' +
      'reconnect, send the last `id` received as `Last-Event-ID` to get what was missed first. A comment line every 25 s keeps ' +
      'proxies from closing the connection. Works whichever gateway replica the client reaches.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last notification sequence received' })
  @ApiOkResponse({ description: 'An open event stream' })
  @ApiProblems(400, 401)
  async stream(
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    let after: string;
    if (lastEventId !== undefined && lastEventId !== '') {
      if (!/^\d{1,15}$/.test(lastEventId)) throw new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: 'Last-Event-ID', rule: 'matches' }]);
      after = lastEventId;
    } else {
      // A fresh stream starts after what already exists.
      after = (await this.rpc.request('rpc.notifications.unread-count.v1', {}, { principal, locale })).latestSequence;
    }
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    const connection = this.hub.open(principal, locale, after, { write: (chunk) => raw.write(chunk), end: () => raw.end() });
    raw.once('close', () => this.hub.close(connection));
    // The client may have gone while the starting point was being asked for.
    if (request.raw.destroyed || raw.destroyed) this.hub.close(connection);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedRead })
  @ApiProblems(401)
  readAll(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<MarkedRead> {
    return this.rpc.request('rpc.notifications.mark-all-read.v1', {}, { principal, locale });
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read', description: 'Another user’s notification is reported as not found.' })
  @ApiOkResponse({ type: NotificationView })
  @ApiProblems(400, 401, 404)
  read(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<NotificationView> {
    return this.rpc.request('rpc.notifications.mark-read.v1', { notificationId: id }, { principal, locale });
  }

  @Get('notification-preferences')
  @ApiOperation({
    summary: 'My notification preferences',
    description:
      'Per category (matches, applications, programmes, essential): in-app and e-mail on or off, e-mail at once or in the daily digest; ' +
      'quiet hours in my account’s time zone. Critical categories ignore opt-outs.',
  })
  @ApiOkResponse({ type: NotificationPreferencesView })
  @ApiProblems(401)
  preferences(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<NotificationPreferencesView> {
    return this.rpc.request('rpc.notifications.get-preferences.v1', {}, { principal, locale });
  }

  @Put('notification-preferences')
  @ApiOperation({ summary: 'Replace my notification preferences', description: 'Categories left out return to their defaults.' })
  @ApiOkResponse({ type: NotificationPreferencesView })
  @ApiProblems(400, 401, 404, 415)
  putPreferences(@Body() body: PutPreferencesRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<NotificationPreferencesView> {
    return this.rpc.request('rpc.notifications.put-preferences.v1', body, { principal, locale });
  }
}
