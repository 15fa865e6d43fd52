import { Body, Controller, Delete, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApplicationView, MatchedVacancy, NotificationPreferencesView, NotificationView, ProfileView, PutProfileRequest, Role, UserView, type Principal } from '@olp/contracts';
import { RpcClient } from '@olp/messaging';
import { Roles } from '@olp/platform';
import type { Locale } from '@olp/reference-data';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { CurrentPrincipal, RequestLocale } from '../http/request-context.js';

export class PersonalDataExport {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: UserView }) account: UserView;
  @ApiProperty({ type: ProfileView, nullable: true }) profile: ProfileView | null;
  @ApiProperty({ type: [ApplicationView] }) applications: ApplicationView[];
  @ApiProperty({ type: [MatchedVacancy] }) matches: MatchedVacancy[];
  @ApiProperty({ type: [NotificationView] }) notifications: NotificationView[];
  @ApiProperty({ type: NotificationPreferencesView }) notificationPreferences: NotificationPreferencesView;
}

@ApiTags('profile')
@ApiBearerAuth()
@Roles(Role.Seeker)
@Controller('me/profile')
export class ProfileController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Put()
  @ApiOperation({ summary: 'Create or replace my job-seeker profile' })
  @ApiOkResponse({ type: ProfileView })
  @ApiProblems(400, 401, 403, 415)
  put(@Body() body: PutProfileRequest, @CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ProfileView> {
    return this.rpc.request('rpc.seekers.put-profile.v1', body, { principal, locale });
  }

  @Get()
  @ApiOperation({ summary: 'My job-seeker profile' })
  @ApiOkResponse({ type: ProfileView })
  @ApiProblems(401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<ProfileView> {
    return this.rpc.request('rpc.seekers.get-profile.v1', {}, { principal, locale });
  }

  @Get('export')
  @ApiOperation({ summary: 'Everything the platform holds about me, from every service, as one JSON document' })
  @ApiOkResponse({ type: PersonalDataExport })
  @ApiProblems(401, 403)
  async export(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<PersonalDataExport> {
    const options = { principal, locale };
    const [account, seeker, vacancies, matching, notifications] = await Promise.all([
      this.rpc.request('rpc.identity.get-me.v1', {}, options),
      this.rpc.request('rpc.seekers.export.v1', {}, options),
      this.rpc.request('rpc.vacancies.export.v1', {}, options),
      this.rpc.request('rpc.matching.export.v1', {}, options),
      this.rpc.request('rpc.notifications.export.v1', {}, options),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      account,
      profile: seeker.profile,
      applications: vacancies.applications,
      matches: matching.matches,
      notifications: notifications.notifications,
      notificationPreferences: notifications.preferences,
    };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase me: my profile now, and my account and applications in every service within seconds',
    description: 'Applications stay counted on the vacancies, without anything that identifies me.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  async erase(@CurrentPrincipal() principal: Principal, @RequestLocale() locale: Locale): Promise<void> {
    await this.rpc.request('rpc.seekers.erase-profile.v1', {}, { principal, locale });
  }
}
