import {
  Acknowledged,
  CreateUserRequest,
  DeleteUserRequest,
  EmptyRequest,
  JwksView,
  LoginCommand,
  LogoutRequest,
  RefreshRequest,
  RegisterUserRequest,
  TokenPair,
  UpdateMeRequest,
  UserView,
} from './identity/identity-rpc.v1.js';
import { MatchingExport, MatchListRequest, SeekerMatchPage, VacancyMatchesRequest, VacancyMatchPage } from './matching/matching-model.v1.js';
import {
  ListNotificationsRequest,
  MarkedRead,
  NotificationList,
  NotificationPage,
  NotificationPreferencesView,
  NotificationRef,
  NotificationsExport,
  NotificationsSinceRequest,
  NotificationView,
  PutPreferencesRequest,
  UnreadCount,
} from './notifications/notifications-model.v1.js';
import { ProfileView, PutProfileRequest, SeekerExport } from './seekers/seekers-model.v1.js';
import {
  ApplicationPage,
  ApplicationView,
  ApplyCommand,
  ChangeApplicationStatusCommand,
  CloseVacancyCommand,
  CreateEmployerRequest,
  CreateVacancyRequest,
  EmployerRef,
  EmployerView,
  ListApplicationsRequest,
  SearchVacanciesRequest,
  UpdateVacancyCommand,
  VacanciesExport,
  VacancyRef,
  VacancySearchResult,
  VacancyView,
} from './vacancies/vacancies-model.v1.js';

/**
 * Request/reply patterns (gateway → owning service), versioned like events. Subjects live under
 * `rpc.` so no stream ever captures them. The request class is validated by the serving side; the
 * response class documents (and types) the reply.
 */
export const RPC = {
  'rpc.identity.register.v1': { request: RegisterUserRequest, response: UserView },
  'rpc.identity.create-user.v1': { request: CreateUserRequest, response: UserView },
  'rpc.identity.login.v1': { request: LoginCommand, response: TokenPair },
  'rpc.identity.refresh.v1': { request: RefreshRequest, response: TokenPair },
  'rpc.identity.logout.v1': { request: LogoutRequest, response: Acknowledged },
  'rpc.identity.get-me.v1': { request: EmptyRequest, response: UserView },
  'rpc.identity.update-me.v1': { request: UpdateMeRequest, response: UserView },
  'rpc.identity.delete-user.v1': { request: DeleteUserRequest, response: Acknowledged },
  'rpc.identity.jwks.v1': { request: EmptyRequest, response: JwksView },
  'rpc.vacancies.create-employer.v1': { request: CreateEmployerRequest, response: EmployerView },
  'rpc.vacancies.get-employer.v1': { request: EmployerRef, response: EmployerView },
  'rpc.vacancies.create-vacancy.v1': { request: CreateVacancyRequest, response: VacancyView },
  'rpc.vacancies.get-vacancy.v1': { request: VacancyRef, response: VacancyView },
  'rpc.vacancies.update-vacancy.v1': { request: UpdateVacancyCommand, response: VacancyView },
  'rpc.vacancies.publish-vacancy.v1': { request: VacancyRef, response: VacancyView },
  'rpc.vacancies.close-vacancy.v1': { request: CloseVacancyCommand, response: VacancyView },
  'rpc.vacancies.search.v1': { request: SearchVacanciesRequest, response: VacancySearchResult },
  'rpc.vacancies.apply.v1': { request: ApplyCommand, response: ApplicationView },
  'rpc.vacancies.list-applications.v1': { request: ListApplicationsRequest, response: ApplicationPage },
  'rpc.vacancies.change-application-status.v1': { request: ChangeApplicationStatusCommand, response: ApplicationView },
  'rpc.vacancies.export.v1': { request: EmptyRequest, response: VacanciesExport },
  'rpc.seekers.put-profile.v1': { request: PutProfileRequest, response: ProfileView },
  'rpc.seekers.get-profile.v1': { request: EmptyRequest, response: ProfileView },
  'rpc.seekers.erase-profile.v1': { request: EmptyRequest, response: Acknowledged },
  'rpc.seekers.export.v1': { request: EmptyRequest, response: SeekerExport },
  'rpc.matching.for-seeker.v1': { request: MatchListRequest, response: SeekerMatchPage },
  'rpc.matching.for-vacancy.v1': { request: VacancyMatchesRequest, response: VacancyMatchPage },
  'rpc.matching.export.v1': { request: EmptyRequest, response: MatchingExport },
  'rpc.notifications.list.v1': { request: ListNotificationsRequest, response: NotificationPage },
  'rpc.notifications.since.v1': { request: NotificationsSinceRequest, response: NotificationList },
  'rpc.notifications.unread-count.v1': { request: EmptyRequest, response: UnreadCount },
  'rpc.notifications.mark-read.v1': { request: NotificationRef, response: NotificationView },
  'rpc.notifications.mark-all-read.v1': { request: EmptyRequest, response: MarkedRead },
  'rpc.notifications.get-preferences.v1': { request: EmptyRequest, response: NotificationPreferencesView },
  'rpc.notifications.put-preferences.v1': { request: PutPreferencesRequest, response: NotificationPreferencesView },
  'rpc.notifications.export.v1': { request: EmptyRequest, response: NotificationsExport },
} as const;

export type RpcPattern = keyof typeof RPC;
export type RpcRequest<P extends RpcPattern> = InstanceType<(typeof RPC)[P]['request']>;
export type RpcResponse<P extends RpcPattern> = InstanceType<(typeof RPC)[P]['response']>;

/** The service that answers a pattern: `rpc.<service>.<operation>.v<n>`. */
export function rpcServiceOf(pattern: RpcPattern): string {
  return pattern.split('.')[1] ?? '';
}
