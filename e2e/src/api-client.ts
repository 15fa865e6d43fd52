/** identity's bootstrap admin in every e2e harness (in-process and processes). */
export const ADMIN_EMAIL = 'admin@olp.test';
export const ADMIN_PASSWORD = 'Sesric-Ankara-2026';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  lang?: string;
  headers?: Record<string, string>;
  /** Sent as is (for malformed-input tests); otherwise `body` is JSON-encoded. */
  raw?: string;
  contentType?: string;
}

/**
 * The public HTTP API as the e2e tests use it: plain `fetch` against the gateway at `baseUrl`,
 * whichever way the platform was started (in-process or as processes).
 */
export class ApiClient {
  baseUrl!: string;

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, options: CallOptions = {}, baseUrl = this.baseUrl): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.lang) headers['accept-language'] = options.lang;
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async registerAndLogin(email: string, role: 'seeker' | 'employer' = 'seeker', extra: Record<string, unknown> = {}) {
    const password = 'correct horse 7 battery';
    const registered = await this.call('POST', '/api/v1/auth/register', {
      email,
      password,
      displayName: 'Test User',
      locale: 'en',
      country: 'QA',
      role,
      ...extra,
    });
    if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${registered.text}`);
    const login = await this.call<{ accessToken: string; refreshToken: string }>('POST', '/api/v1/auth/login', { email, password });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
    return { user: registered.body as { id: string }, password, ...login.body };
  }

  async login(email: string, password: string) {
    return this.call<{ accessToken: string; refreshToken: string }>('POST', '/api/v1/auth/login', { email, password });
  }
}
