import { SubjectNamespace } from './subject-namespace.js';

describe('SubjectNamespace', () => {
  it('is the identity without a prefix', () => {
    const ns = new SubjectNamespace();
    expect(ns.subject('identity.user.registered.v1')).toBe('identity.user.registered.v1');
    expect(ns.stream('IDENTITY')).toBe('IDENTITY');
  });

  it('prefixes subjects and streams, and strips the prefix back', () => {
    const ns = new SubjectNamespace('staging-2.');
    expect(ns.subject('rpc.identity.login.v1')).toBe('staging-2.rpc.identity.login.v1');
    expect(ns.logical('staging-2.identity.user.deleted.v1')).toBe('identity.user.deleted.v1');
    expect(ns.stream('IDENTITY')).toBe('STAGING_2_IDENTITY');
  });

  it.each(['Staging.', 'staging', 'a.b.', '.'])('refuses the prefix %p', (prefix) => {
    expect(() => new SubjectNamespace(prefix)).toThrow();
  });
});
