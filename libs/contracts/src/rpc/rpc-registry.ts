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
} as const;

export type RpcPattern = keyof typeof RPC;
export type RpcRequest<P extends RpcPattern> = InstanceType<(typeof RPC)[P]['request']>;
export type RpcResponse<P extends RpcPattern> = InstanceType<(typeof RPC)[P]['response']>;

/** The service that answers a pattern: `rpc.<service>.<operation>.v<n>`. */
export function rpcServiceOf(pattern: RpcPattern): string {
  return pattern.split('.')[1] ?? '';
}
