/** Small, pure helpers over `postgres://` URLs (no I/O). */

export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres';
}

export function passwordOf(url: string): string {
  return decodeURIComponent(new URL(url).password);
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Identifiers we interpolate into DDL must be plain lower-case names. */
export function assertIdentifier(name: string, what: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`${what} "${name}" must match ^[a-z_][a-z0-9_]{0,62}$`);
  }
  return name;
}
