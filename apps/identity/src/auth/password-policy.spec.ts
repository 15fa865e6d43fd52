import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long password with a letter and a digit', () => {
    expect(passwordProblems('correct horse 7 battery', 'amina@example.org')).toEqual([]);
  });

  it('accepts Arabic letters as letters', () => {
    expect(passwordProblems('كلمة سر قوية 2026', 'amina@example.org')).toEqual([]);
  });

  it.each([
    ['short1', 'too-short'],
    ['onlylettersherexx', 'no-digit'],
    ['123456789012345', 'no-letter'],
    ['amina-2026-secret', 'contains-email'],
  ])('rejects %s (%s)', (password, problem) => {
    expect(passwordProblems(password, 'amina@example.org')).toContain(problem);
  });

  it('rejects a single repeated character', () => {
    expect(passwordProblems('aaaaaaaaaaaaaa', 'x@example.org')).toContain('repeated-character');
  });
});
