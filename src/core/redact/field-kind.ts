import type { RedactionKind } from './redaction-kind.ts';

/**
 * Field, header, query-parameter and cookie names whose VALUE is sensitive whatever it looks like.
 * Names are compared normalised (lower case, separators removed), so `api_key`, `X-Api-Key`,
 * `apiKey` and `API-KEY` are one name. Sources: the header names the providers document for
 * credentials (ranex.txt › "Authentication": X-Api-Key / X-Api-Secret), RFC 9110 §11.6.2
 * (Authorization), RFC 6265 (Cookie, Set-Cookie), OAuth 2.0 (RFC 6749 §5.1 access_token,
 * refresh_token, client_secret), and the personal-data fields the ticket rules list (DESIGN.md
 * "Redaction and the ticket"; ranex.txt › "What to log": no applicant PII).
 */
// Deliberately absent: `key` (key/value lists are everywhere; Google's `key=AIza…` is caught by
// its format) and `sid` (Twilio resource ids; a `sid` cookie is a cookie anyway).
const EXACT: Readonly<Record<string, RedactionKind>> = {
  password: 'password',
  passwd: 'password',
  pwd: 'password',
  passphrase: 'password',
  passcode: 'password',
  pin: 'password',
  otp: 'password',
  secret: 'secret',
  sig: 'secret',
  apikey: 'api-key',
  token: 'token',
  jwt: 'jwt',
  auth: 'credential',
  authorization: 'credential',
  proxyauthorization: 'credential',
  credential: 'credential',
  credentials: 'credential',
  cookie: 'cookie',
  setcookie: 'cookie',
  session: 'session',
  sessionid: 'session',
  // Personal data in named fields.
  email: 'email',
  mail: 'email',
  phone: 'phone',
  tel: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  msisdn: 'phone',
  dob: 'dob',
  birthday: 'dob',
  birthdate: 'dob',
  dateofbirth: 'dob',
  name: 'name',
  username: 'name',
  surname: 'name',
  street: 'address',
  postcode: 'address',
  postalcode: 'address',
  zip: 'address',
  zipcode: 'address',
  ssn: 'national-id',
  nino: 'national-id',
  cpf: 'national-id',
  aadhaar: 'national-id',
  passport: 'national-id',
  ip: 'ip',
  cardnumber: 'card',
  pan: 'card',
  cvv: 'card',
  cvc: 'card',
  iban: 'iban',
};

/** Suffix rules, checked in order after EXACT; the first whose suffix ends the name wins. */
const SUFFIXES: readonly (readonly [string, RedactionKind])[] = [
  ['password', 'password'],
  ['passwd', 'password'],
  ['passphrase', 'password'],
  ['secret', 'secret'],
  ['secretkey', 'secret'],
  ['secretaccesskey', 'secret'],
  ['signature', 'secret'],
  ['apikey', 'api-key'],
  ['accesskey', 'api-key'],
  ['accesskeyid', 'api-key'],
  ['authkey', 'api-key'],
  ['privatekey', 'private-key'],
  ['token', 'token'],
  ['jwt', 'jwt'],
  ['auth', 'credential'],
  ['authorization', 'credential'],
  ['credential', 'credential'],
  ['credentials', 'credential'],
  ['cookie', 'cookie'],
  ['sessionid', 'session'],
  ['sessid', 'session'],
  ['sessionkey', 'session'],
  ['emailaddress', 'email'],
  ['email', 'email'],
  ['ipaddress', 'ip'],
  ['clientip', 'ip'],
  ['remoteaddr', 'ip'],
  ['forwardedfor', 'ip'],
  ['realip', 'ip'],
  ['connectingip', 'ip'],
  ['phone', 'phone'],
  ['phonenumber', 'phone'],
  ['mobilenumber', 'phone'],
  ['dateofbirth', 'dob'],
  ['birthdate', 'dob'],
  ['firstname', 'name'],
  ['lastname', 'name'],
  ['middlename', 'name'],
  ['fullname', 'name'],
  ['givenname', 'name'],
  ['familyname', 'name'],
  ['maidenname', 'name'],
  ['holdername', 'name'],
  ['address', 'address'],
  ['street', 'address'],
  ['streetaddress', 'address'],
  ['postcode', 'address'],
  ['postalcode', 'address'],
  ['zipcode', 'address'],
  ['ssn', 'national-id'],
  ['socialsecuritynumber', 'national-id'],
  ['taxid', 'national-id'],
  ['nationalid', 'national-id'],
  ['passportnumber', 'national-id'],
  ['driverslicense', 'national-id'],
  ['driverlicense', 'national-id'],
  ['cardnumber', 'card'],
  ['iban', 'iban'],
];

/** `address_line1`, `addressLine2`: the personal field name followed by a line number. */
const PREFIXES: readonly (readonly [string, RedactionKind])[] = [
  ['addressline', 'address'],
  ['password', 'password'],
  ['secret', 'secret'],
  ['session', 'session'],
  ['authorization', 'credential'],
];

const cache = new Map<string, RedactionKind | null>();

function classify(normalised: string): RedactionKind | undefined {
  const exact = EXACT[normalised];
  if (exact !== undefined) return exact;
  if (normalised.endsWith('pagetoken') || normalised.endsWith('tokens')) return undefined;
  for (const [suffix, kind] of SUFFIXES) if (normalised.endsWith(suffix)) return kind;
  for (const [prefix, kind] of PREFIXES) if (normalised.startsWith(prefix)) return kind;
  return undefined;
}

/** The kind of a field/header/parameter name whose value must be redacted, or undefined. */
export function fieldKind(name: string): RedactionKind | undefined {
  const cached = cache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const normalised = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const kind = classify(normalised);
  if (cache.size < 10_000) cache.set(name, kind ?? null);
  return kind;
}
