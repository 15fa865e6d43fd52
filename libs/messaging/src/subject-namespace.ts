/**
 * Maps the logical subjects and stream names of `@olp/contracts` to the ones on the wire. With an
 * empty prefix they are the same; with `staging.` every subject becomes `staging.<subject>` and
 * every stream `STAGING_<NAME>`, so environments and parallel test suites can share a server.
 */
export class SubjectNamespace {
  constructor(readonly prefix: string = '') {
    if (prefix !== '' && !/^[a-z0-9-]+\.$/.test(prefix)) {
      throw new Error(`Subject prefix "${prefix}" must be empty or like "staging."`);
    }
  }

  subject(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  logical(wire: string): string {
    return this.prefix !== '' && wire.startsWith(this.prefix) ? wire.slice(this.prefix.length) : wire;
  }

  stream(logical: string): string {
    if (this.prefix === '') return logical;
    return `${this.prefix.slice(0, -1).replace(/-/g, '_').toUpperCase()}_${logical}`;
  }
}
