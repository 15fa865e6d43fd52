import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@olp/contracts';

/**
 * The platform's password policy (NIST SP 800-63B in spirit: length over composition rules, with
 * a floor against the weakest choices): 12–128 characters, at least one letter and one digit
 * (letters of any script count, so Arabic passwords are fine), not the e-mail address or its
 * local part, and not a single repeated character.
 */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too-short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too-long');
  if (!/\p{L}/u.test(password)) problems.push('no-letter');
  if (!/\p{Nd}/u.test(password)) problems.push('no-digit');
  const lowered = password.toLowerCase();
  const address = email.toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lowered === address || (local.length >= 4 && lowered.includes(local))) problems.push('contains-email');
  if (/^(.)\1*$/u.test(password)) problems.push('repeated-character');
  return problems;
}
