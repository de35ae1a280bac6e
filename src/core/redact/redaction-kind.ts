/**
 * The typed placeholders a redacted value becomes (`[email-1]`, `[api-key-2]`). The kind is part
 * of the placeholder, so it is kebab-case and short; the panel shows it next to each removal.
 */
export const SECRET_KINDS = [
  'api-key',
  'token',
  'jwt',
  'private-key',
  'password',
  'secret',
  'credential',
  'cookie',
  'session',
] as const;

export const PERSONAL_KINDS = [
  'email',
  'phone',
  'card',
  'iban',
  'national-id',
  'ip',
  'dob',
  'name',
  'address',
  'document',
] as const;

export type SecretKind = (typeof SECRET_KINDS)[number];
export type PersonalKind = (typeof PERSONAL_KINDS)[number];
export type RedactionKind = SecretKind | PersonalKind;
