import { codeAt } from './personal-formats.ts';
import { isSpaceCode, type RedactionKind } from './session.ts';

/**
 * Field, header, query-parameter and cookie names whose VALUE is sensitive whatever it looks like.
 * A name is read as words (`DD-APPLICATION-KEY`, `Ocp-Apim-Subscription-Key`, `apiKey`,
 * `billing_details[address][line1]`, `name-last`), so a rule is written once for every spelling and
 * a word glued inside another (`monkey`, `tokens_used`) does not count. Sources: RFC 9110 §11.6.2
 * (Authorization), RFC 6265 (Cookie), RFC 6749 §4.1.2, §5.1 and §2.3.1 (code, access_token,
 * refresh_token, client_secret), OpenID Connect Core §3.1.3.3 (id_token), the credential headers
 * vendors document (ranex.txt › "Authentication": X-Api-Key / X-Api-Secret; Datadog "API and
 * Application Keys": DD-API-KEY, DD-APPLICATION-KEY; Azure API Management "Subscriptions":
 * Ocp-Apim-Subscription-Key; GitLab "Personal access tokens": PRIVATE-TOKEN), and the structured
 * personal fields of identity and payment APIs (Persona "Inquiry" fields name-first, name-last,
 * address-street-1, birthdate; Stripe "Customer" name, email, phone, address.line1, postal_code;
 * Presidio's list of supported entities for which personal data a field may hold).
 */

/**
 * Splits a name into lower-case words at separators, camelCase humps and letter/digit seams. A
 * letter past ASCII is a letter too, written without its accents (`contraseña` is the word
 * `contrasena`, `henkilötunnus` is `henkilotunnus`): names are matched by their ASCII spelling.
 */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  let previous = 0; // 1 lower, 2 upper, 3 digit
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    let type =
      code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? 2 : code >= 48 && code <= 57 ? 3 : 0;
    if (code >= 128) type = wideType(code);
    if (type === 0) {
      if (word !== '') words.push(word);
      word = '';
    } else {
      const seam =
        (type === 2 && previous === 1) ||
        (type === 3 && previous !== 3 && previous !== 0) ||
        (type !== 3 && previous === 3) ||
        // `APIKey`: the last capital of a run starts the next word when a lower-case letter follows.
        (type === 2 && previous === 2 && isLower(codeAt(name, i + 1)));
      if (seam && word !== '') {
        words.push(word);
        word = '';
      }
      word +=
        code >= 128 ? (WIDE_SPELLINGS.get(code) ?? '') : String.fromCharCode(type === 2 ? code + 32 : code);
    }
    previous = type;
  }
  if (word !== '') words.push(word);
  return words;
}

/** A letter of any script (a lone surrogate is none), and the combining marks NFD splits off. */
const LETTER = /^\p{L}$/u;
const MARKS = /\p{M}/gu;

/**
 * What nameWords reads each code unit past ASCII as, worked out once per code unit (a body's keys
 * repeat few of them, and a regex test and a normalization per character cost ~40x a table read:
 * 40,000 distinct Cyrillic keys): 0 not yet seen, 1 a lower-case letter, 2 an upper-case letter,
 * 4 no letter. The letter's accent-free lower-case spelling is kept beside it.
 */
const WIDE_TYPES = new Uint8Array(65536);
const WIDE_SPELLINGS = new Map<number, string>();

function wideType(code: number): number {
  let type = WIDE_TYPES[code] ?? 4;
  if (type !== 0) return type === 4 ? 0 : type;
  const char = String.fromCharCode(code);
  if (LETTER.test(char)) {
    const lower = char.toLowerCase();
    type = lower === char ? 1 : 2;
    WIDE_SPELLINGS.set(code, lower.normalize('NFD').replace(MARKS, ''));
  } else type = 4;
  WIDE_TYPES[code] = type;
  return type === 4 ? 0 : type;
}

/** An ASCII lower-case letter. */
export function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * National identifiers' own names, one word each, also as the last word of a longer name
 * (`customer_tfn`). Each is one of Presidio's predefined recognizers; the names are their issuers':
 * Australia's TFN (ATO "Tax file number"), the US ITIN (IRS "Individual Taxpayer
 * Identification Number") and MBI (CMS "Medicare Beneficiary Identifier"), Sweden's
 * personnummer and samordningsnummer (Skatteverket "Personal identity numbers"), Finland's
 * henkilötunnus (DVV "Personal identity code"), Türkiye's T.C. Kimlik No (TCKN), Germany's
 * Steuer-ID (BZSt "Steuerliche Identifikationsnummer"), Nigeria's NIN (NIMC), the Netherlands'
 * BSN (Rijksoverheid "Burgerservicenummer"), Poland's PESEL, Italy's codice fiscale, Mexico's
 * CURP (RENAPO), and German passports and identity cards (Reisepass, Personalausweis).
 */
const NATIONAL_ID_NAMES: ReadonlySet<string> = new Set([
  'tfn',
  'itin',
  'mbi',
  'personnummer',
  'samordningsnummer',
  'henkilotunnus',
  'hetu',
  'tckn',
  'tckimlikno',
  'kimlikno',
  'steuerid',
  'steueridentifikationsnummer',
  'nin',
  'bsn',
  'burgerservicenummer',
  'pesel',
  'codicefiscale',
  'curp',
  'reisepass',
  'personalausweis',
  'ausweisnummer',
  'sozialversicherungsnummer',
  'krankenversichertennummer',
  // Singapore's NRIC/FIN (Presidio SgFinRecognizer), Australia's Medicare number (Presidio
  // AuMedicareRecognizer), Romania's CNP, Croatia's OIB, Bulgaria's EGN (each country's personal
  // identification number).
  'nric',
  'medicare',
  'cnp',
  'oib',
  'egn',
  // A US taxpayer identification number (IRS "Taxpayer Identification Numbers (TIN)": an SSN, an
  // ITIN or an EIN), a US health care provider's National Provider Identifier (CMS "NPI Standard";
  // Presidio UsNpiRecognizer), Germany's health insurance and pension insurance numbers by their
  // short names (Presidio's German recognizers: KVNR, RVNR), and a passport in the languages of
  // the forms that ask for one (es, it, fr, nl).
  'tin',
  'npi',
  'kvnr',
  'rvnr',
  'rentenversicherungsnummer',
  'pasaporte',
  'passaporto',
  'passeport',
  'paspoort',
]);

/** Names that are one word in every spelling used (`apikey`, `passwd`, `setcookie`…). */
const SINGLE: Readonly<Record<string, RedactionKind>> = {
  password: 'password',
  passwd: 'password',
  pwd: 'password',
  passphrase: 'password',
  passcode: 'password',
  // The word for a password in other languages' configuration and forms (detect-secrets
  // KeywordDetector lists contraseña and contrasena): es, de, pt, fr, nl, sv, fi, da, no.
  contrasena: 'password',
  passwort: 'password',
  senha: 'password',
  motdepasse: 'password',
  wachtwoord: 'password',
  losenord: 'password',
  salasana: 'password',
  adgangskode: 'password',
  passord: 'password',
  pin: 'password',
  otp: 'password',
  secret: 'secret',
  sig: 'secret',
  signature: 'secret',
  apikey: 'api-key',
  apisecret: 'secret',
  accesskey: 'api-key',
  secretkey: 'secret',
  privatekey: 'private-key',
  authkey: 'api-key',
  token: 'token',
  accesstoken: 'token',
  refreshtoken: 'token',
  idtoken: 'token',
  authtoken: 'token',
  jwt: 'jwt',
  auth: 'credential',
  authorization: 'credential',
  credential: 'credential',
  credentials: 'credential',
  creds: 'credential',
  connectionstring: 'credential',
  cookie: 'cookie',
  setcookie: 'cookie',
  session: 'session',
  sessionid: 'session',
  sessid: 'session',
  phpsessid: 'session',
  jsessionid: 'session',
  sessiontoken: 'token',
  email: 'email',
  mail: 'email',
  phone: 'phone',
  tel: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  msisdn: 'phone',
  fax: 'phone',
  dob: 'dob',
  birthday: 'dob',
  birthdate: 'dob',
  dateofbirth: 'dob',
  surname: 'name',
  firstname: 'name',
  lastname: 'name',
  fullname: 'name',
  username: 'name',
  cardholder: 'name',
  // A person's manager, by name (Okta's user profile `manager: "Donald Glover"` beside `managerId`).
  manager: 'name',
  // Who a message, a parcel or a payment goes to (Stripe "Issuing" › shipping `name`, UPS/DHL
  // shipment `recipient`, RFC 5322 §3.6.3 "Destination Address Fields" call the person the recipient).
  recipient: 'name',
  addressee: 'name',
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
  taxid: 'national-id',
  ip: 'ip',
  ipaddress: 'ip',
  clientip: 'ip',
  remoteaddr: 'ip',
  cardnumber: 'card',
  pan: 'card',
  cvv: 'card',
  cvc: 'card',
  iban: 'iban',
  // RFC 2104 message authentication codes sent as a parameter (Shopify "Verify a request": `hmac`).
  hmac: 'secret',
  // BIP-0039 "Mnemonic code for generating deterministic keys": the words ARE the wallet's key.
  mnemonic: 'secret',
  seedphrase: 'secret',
  recoveryphrase: 'secret',
  secretphrase: 'secret',
  // Canada's Social Insurance Number (Government of Canada "Social Insurance Number" page).
  sin: 'national-id',
  // Spain's DNI/NIF/NIE (Ministerio del Interior "DNI electrónico"): by name; see findNationalIds.
  dni: 'national-id',
  nif: 'national-id',
  nie: 'national-id',
  // National identifiers by their own names (NATIONAL_ID_NAMES).
  ...Object.fromEntries([...NATIONAL_ID_NAMES].map((word) => [word, 'national-id' as const])),
  // express-session "Options › name": the session cookie is `connect.sid` unless renamed.
  connectsid: 'session',
  // Honeycomb docs "API Keys": the key travels in the `X-Honeycomb-Team` header.
  honeycombteam: 'api-key',
  // JFrog Artifactory REST API "Authentication": an API key travels in the `X-JFrog-Art-Api` header.
  jfrogartapi: 'api-key',
};

/**
 * Credential words glued to another word with no seam left to split (`x-trackertoken`,
 * `asp.net_sessionid`, `clientsecret`): HTTP/2 lower-cases every header name (RFC 9113 §8.2.2),
 * so the camelCase hump of `X-TrackerToken` is gone by the time a HAR records it.
 */
const GLUED: readonly (readonly [string, RedactionKind])[] = [
  ['token', 'token'],
  ['apikey', 'api-key'],
  ['secret', 'secret'],
  ['password', 'password'],
  ['sessionid', 'session'],
  // `secretAccessKey` (AWS SDK for JavaScript v3 "AwsCredentialIdentity" › secretAccessKey) sent
  // as a header arrives as `secretaccesskey`.
  ['secretaccesskey', 'secret'],
  ['accesskey', 'api-key'],
  ['secretkey', 'secret'],
  ['privatekey', 'private-key'],
];

function gluedKind(word: string): RedactionKind | undefined {
  for (const [suffix, kind] of GLUED) {
    if (!word.endsWith(suffix)) continue;
    if (word === suffix) return kind;
    const head = word.slice(0, -suffix.length);
    // `nexttoken`, `nextpagetoken`: a cursor, as NOT_SECRET_TOKENS says for the split spelling.
    if (suffix === 'token' && [...NOT_SECRET_TOKENS].some((word) => head.endsWith(word))) return undefined;
    return kind;
  }
  return undefined;
}

/** Words before `key` that make it an identifier, not a credential (Idempotency-Key, sort key…). */
const NOT_SECRET_KEYS = new Set([
  'idempotency',
  'idempotent',
  'cache',
  'sort',
  'partition',
  'primary',
  'foreign',
  'object',
  'public',
  'publishable',
  'dedup',
  'dedupe',
  'deduplication',
  'lookup',
  'row',
  'hash',
  'map',
  'group',
  'message',
  'event',
  'entity',
  'resource',
  'natural',
  'field',
  'column',
  'index',
  'item',
  'range',
  'shard',
  'routing',
  'cursor',
  'label',
  'translation',
  'i18n',
  'locale',
  'composite',
  'unique',
  'surrogate',
  'websocket',
  'socket',
  // The field of an event payload a meter reads (Stripe "Meters" › customer_mapping.event_payload_key).
  'payload',
  // A classification template's key (Box "Classifications" › Box__Security__Classification__Key).
  'classification',
  // An error's machine name (Intercom's `error_key: "sms_failed"`).
  'error',
  'hot',
  'short',
  'keyboard',
  'dictionary',
  'lang',
  'sequence',
  'cluster',
  // What monitoring and CMS APIs key their records by (PagerDuty Events API "incident_key",
  // "alert_key", "dedup_key"; Box metadata "templateKey", "taxonomy_key", "enumOptionKey"; a
  // rules engine's "ruleset_key"), and WebAuthn's "residentKey" option ("required",
  // "preferred": W3C Web Authentication §5.4.4): names, not credentials.
  'incident',
  'alert',
  'template',
  'taxonomy',
  'option',
  'enum',
  'ruleset',
  'rule',
  'schema',
  'category',
  'attribute',
  'property',
  'resident',
  // A code scanning analysis's identity, the workflow file and job it ran in (GitHub REST "Code
  // scanning" › analysis_key: ".github/workflows/codeql-analysis.yml:CodeQL-Build").
  'analysis',
]);

/** Words before `token` that make it a pagination cursor or a counter, not a credential. */
const NOT_SECRET_TOKENS = new Set([
  'page',
  'next',
  'prev',
  'previous',
  'continuation',
  'cursor',
  'pagination',
  'sync',
  'max',
  'limit',
  // A record's revision for optimistic concurrency (Square "Payments" › version_token) and an
  // idempotency token (AWS's `IdempotencyToken`): both say which request, not who may make it.
  'version',
  'idempotency',
  // A few characters kept to tell tokens apart (PagerDuty's `truncated_token: "2adm"`).
  'truncated',
  'masked',
  'redacted',
]);

/** Words before `name` that make it an organisation's name, not a person's (see isMetadataName). */
const ORGANIZATION_WORDS = new Set([
  'company',
  'business',
  'entity',
  'organization',
  'organisation',
  'org',
  'merchant',
  'employer',
  'institution',
  'bank',
  'vendor',
  'brand',
  'product',
]);

/** Words an organisation's own name is called by (`legal_name`, `trading_name`, `display_name`). */
const ORGANIZATION_NAME_WORDS = new Set([
  'legal',
  'full',
  'display',
  'trading',
  'registered',
  'brand',
  'official',
]);

/** Containers whose `name` is a person's (customer.name, billing_details[name], name-first). */
/**
 * A word of `words`, or its plural: a list API's items sit under the plural (`users[].name`,
 * `members[].display`, `beneficiaries[].name`, `scopes[].displayName`), and each item is one of them.
 */
function hasWordOrPlural(words: ReadonlySet<string>, word: string): boolean {
  if (words.has(word)) return true;
  if (word.length < 4 || !word.endsWith('s')) return false;
  return word.endsWith('ies') ? words.has(`${word.slice(0, -3)}y`) : words.has(word.slice(0, -1));
}

const PERSON_WORDS = new Set([
  'first',
  'last',
  'middle',
  'full',
  'given',
  'family',
  'maiden',
  'legal',
  'holder',
  'cardholder',
  'customer',
  'user',
  'contact',
  'billing',
  'shipping',
  'person',
  'recipient',
  'sender',
  'owner',
  'beneficiary',
  'payer',
  'payee',
  'patient',
  'employee',
  'member',
  'applicant',
  'nick',
  'individual',
  'guardian',
  'student',
  'buyer',
  'passenger',
  'traveler',
  'traveller',
  'guest',
  'driver',
  'signer',
  'signatory',
  'emergency',
  'representative',
  'director',
  'shareholder',
  'card',
  'birth',
]);

const ADDRESS_PARTS = new Set([
  'address',
  'addr',
  'street',
  'postcode',
  'postal',
  'zip',
  'zipcode',
  'line',
  'city',
  'subdivision',
  'district',
  'building',
  'house',
  'apartment',
  'unit',
  'suite',
]);
/** Addresses that are not where a person lives. */
const NOT_POSTAL = new Set([
  'ip',
  'email',
  'mac',
  'wallet',
  'contract',
  'server',
  'host',
  'remote',
  'bind',
  'listen',
  'web',
  'base',
  'return',
  'reply',
  'from',
  'to',
  'url',
  'node',
  'peer',
  'local',
  'public',
  'private',
  'memory',
  'hardware',
  'bluetooth',
  'multicast',
  'broadcast',
  'network',
  'gateway',
  'proxy',
]);

/**
 * What `pass` is the password of when it ends a name (`db_pass`, `SMTP_PASS`, `keyPass`): a
 * database, a mail or file server, a key store, an account. detect-secrets KeywordDetector names
 * db_pass, database_pass and key_pass; the rest are the same abbreviation in dotenv and server
 * configuration. Alone, or after another word (`boarding_pass`, `first_pass`, `season_pass`), it
 * is not a password.
 */
const PASS_OWNERS: ReadonlySet<string> = new Set([
  'db',
  'database',
  'key',
  'keystore',
  'truststore',
  'store',
  'user',
  'username',
  'admin',
  'root',
  'login',
  'account',
  'smtp',
  'mail',
  'email',
  'imap',
  'pop',
  'ftp',
  'sftp',
  'ssh',
  'redis',
  'mysql',
  'postgres',
  'pg',
  'sql',
  'mongo',
  'ldap',
  'proxy',
  'basic',
  'auth',
  'wifi',
]);

function classifyWords(words: readonly string[], context: readonly string[]): RedactionKind | undefined {
  let n = words.length;
  while (n > 0 && /^\d+$/.test(words[n - 1] ?? '')) n--; // X-Hub-Signature-256, address-street-1
  if (n === 0) return undefined;
  const all = words[0] === 'x' && n > 1 ? words.slice(1, n) : words.slice(0, n);
  const joined = all.join('');
  // (Own keys only: `constructor`, `toString` are inherited by every object, and a key or code
  // naming one was given Object's constructor function for a kind.)
  const single = Object.hasOwn(SINGLE, joined) ? SINGLE[joined] : undefined;
  if (single !== undefined) return single;
  // Stripe "The Address object" › line1, line2 (and every API that copied it): a bare numbered
  // `line` is an address line. `line` alone is a line number in a stack trace, not an address.
  if (joined === 'line' && n < words.length && n === 1) return 'address';
  // A date about the thing, not the thing: Adyen's `directDebitInformation.dateOfSignature`,
  // `sepadirectdebit.dateOfSignature`.
  const dated = all[all.length - 3];
  if (
    (dated === 'date' || dated === 'time') &&
    all[all.length - 2] === 'of' &&
    all[all.length - 1] !== 'birth'
  )
    return undefined;
  const last = all[all.length - 1] ?? '';
  const prev = all[all.length - 2] ?? '';
  const before = [...context, ...all.slice(0, -1)];
  switch (last) {
    // A list or map of them (`"passwords": […]`, `"secrets": {"DB_URL": …}`: GitHub Actions' and
    // CI systems' secret maps): each value is one. (Not `tokens`: an AI API's tokenizer output.)
    case 'passwords':
    case 'password':
    case 'passwd':
    case 'pwd':
    case 'passphrase':
    case 'passcode':
    case 'contrasena':
    case 'passwort':
    case 'senha':
    case 'wachtwoord':
    case 'losenord':
    case 'salasana':
    case 'adgangskode':
    case 'passord':
      return 'password';
    case 'pass':
      return PASS_OWNERS.has(prev) ? 'password' : undefined;
    case 'secrets':
    case 'secret':
    case 'signature':
    case 'verifier':
    case 'assertion':
      return last === 'verifier' && prev !== 'code' ? undefined : 'secret';
    case 'token':
      return NOT_SECRET_TOKENS.has(prev) ? undefined : 'token';
    case 'keys':
      // `api_keys: [{…}]` (a list of them), not `keys` alone (a JWKS set of public keys) nor
      // `ssh_keys` (public keys too).
      return prev === 'api' || prev === 'access' ? 'api-key' : prev === 'secret' ? 'secret' : undefined;
    case 'key':
      if (all.length === 1 || NOT_SECRET_KEYS.has(prev)) return undefined;
      if (prev === 'private') return 'private-key';
      if (prev === 'session') return 'session';
      if (all.includes('secret')) return 'secret';
      return ['secret', 'master', 'signing', 'encryption', 'hmac', 'shared', 'license'].includes(prev)
        ? 'secret'
        : 'api-key';
    case 'apikey':
    case 'accesskey':
      return 'api-key';
    case 'auth':
    case 'authorization':
    case 'credential':
    case 'credentials':
    case 'creds':
      // A policy, not a credential: WebAuthn's "discoverable credential" requirement
      // (`discoverable_credentials: "preferred"`, Twilio Verify passkeys; W3C Web Authentication
      // Level 3 §5.4.6 ResidentKeyRequirement).
      return prev === 'discoverable' ? undefined : 'credential';
    case 'cookie':
      return 'cookie';
    case 'jwt':
      return 'jwt';
    case 'session':
    case 'sessid':
      return 'session';
    case 'email':
    case 'mail':
      return 'email';
    case 'phone':
    case 'tel':
    case 'telephone':
    case 'mobile':
    case 'msisdn':
    case 'fax':
    case 'cellphone':
      return 'phone';
    case 'dob':
    case 'birthday':
    case 'birthdate':
      return 'dob';
    case 'birth':
      return prev === 'of' || prev === 'date' ? 'dob' : undefined;
    case 'ssn':
    case 'nino':
    case 'cpf':
    case 'aadhaar':
    case 'iban':
      return last === 'iban' ? 'iban' : 'national-id';
    case 'cvv':
    case 'cvc':
      return 'card';
    case 'holder':
    case 'cardholder':
    case 'surname':
    case 'firstname':
    case 'lastname':
    case 'username':
      return 'name';
    case 'ip':
      return 'ip';
    case 'for':
      return prev === 'forwarded' ? 'ip' : undefined;
  }
  // An identity card (`identity_card`, `id_card`) holds its holder's national identifier.
  if (last === 'card' && (prev === 'identity' || prev === 'id')) return 'national-id';
  // `passport_no`, `aadhaar_num`, `nric_nr`: an identifier's number, abbreviated.
  if (
    (last === 'no' || last === 'num' || last === 'nr') &&
    (prev === 'passport' || prev === 'aadhaar' || NATIONAL_ID_NAMES.has(prev))
  )
    return 'national-id';
  if (last === 'id') {
    if (prev === 'session') return 'session';
    // India's voter id (EPIC; Presidio InVoterRecognizer), the UAE's Emirates ID.
    if (prev === 'voter' || prev === 'emirates') return 'national-id';
    if (prev === 'key' && all[all.length - 3] === 'access') return 'api-key';
    // Google Cloud "Create and delete service account keys" › the JSON key file's
    // `private_key_id` names the key pair the file's `private_key` belongs to.
    if (prev === 'key' && all[all.length - 3] === 'private') return 'api-key';
    if (prev === 'tax' || prev === 'national' || prev === 'steuer') return 'national-id';
  }
  if (last === 'number') {
    if (['phone', 'mobile', 'tel', 'telephone', 'fax', 'cell', 'contact'].includes(prev)) return 'phone';
    // An identity card's number (`id_card_number`, `identity_card_number`) is no payment card's.
    if (prev === 'card' && (before.includes('identity') || all[all.length - 3] === 'id'))
      return 'national-id';
    if (prev === 'card' || before.includes('card')) return 'card';
    // A bank's own number (Square "BankAccount" › primary_bank_identification_number: the US
    // routing number), not a person's identification.
    if (prev === 'identification' && before.includes('bank')) return 'bank-account';
    // (`nhs_number`: NHS "What is an NHS number"; `medicare_number`: Services Australia "Medicare
    // card"; `social_insurance_number`, `personal_identity_number`.)
    if (
      [
        'security',
        'passport',
        'identification',
        'license',
        'licence',
        'id',
        'tax',
        'social',
        'nhs',
        'medicare',
        'insurance',
        'identity',
        'aadhaar',
        'nric',
      ].includes(prev)
    )
      return 'national-id';
    if (prev === 'account' || prev === 'routing') return 'bank-account';
  }
  if (last === 'addr' && prev === 'remote') return 'ip';
  if (all.includes('ip') && (last === 'address' || last === 'addr')) return 'ip';
  if (all.includes('email') && (last === 'address' || last === 'addr')) return 'email';
  // SCIM's `members[].display` (RFC 7643 §4.2: "A human-readable name, primarily used for display
  // purposes"): a name when its object is a person's, as `name` is.
  if (last === 'name' || last === 'names' || (last === 'display' && all.length === 1)) {
    // An organisation's name (Plaid's `legal_entity_name`, `end_customer.company_name`) is no
    // person's, whatever the words before it.
    if (ORGANIZATION_WORDS.has(prev)) return undefined;
    // An organisation's own name under it (Adyen's `organization.legalName: "Adyen BV"`).
    if (
      ORGANIZATION_WORDS.has(context[context.length - 1] ?? '') &&
      all.slice(0, -1).every((word) => ORGANIZATION_NAME_WORDS.has(word))
    )
      return undefined;
    const owner = [...before];
    // A person word after `to` names a kind of traffic, not an owner: A2P messaging's
    // `us_app_to_person_usecases[].name` (Twilio "A2P 10DLC" use cases) holds a use case's name.
    if (owner.some((word, i) => hasWordOrPlural(PERSON_WORDS, word) && owner[i - 1] !== 'to')) return 'name';
    // Persona's `name-first`, `name-last`: the name word comes first.
  }
  if (all[0] === 'name' && ['first', 'last', 'middle', 'full', 'given', 'family'].includes(all[1] ?? ''))
    return 'name';
  if (last === 'code' && (prev === 'postal' || prev === 'post' || prev === 'zip')) return 'address';
  // One-time codes (RFC 6238 TOTP, SMS verification) and the card's security code (CVC).
  if (last === 'code' && ['verification', 'otp', 'mfa', 'totp', 'sms', 'confirmation'].includes(prev))
    return 'password';
  if (last === 'code' && prev === 'security') return 'card';
  // Italy's codice fiscale in English (`fiscal_code`), Finland's `personal_identity_code`.
  if (last === 'code' && (prev === 'fiscal' || prev === 'identity')) return 'national-id';
  // `customer_tfn`, `applicant_personnummer`: the identifier's own name ends a longer one.
  if (NATIONAL_ID_NAMES.has(last)) return 'national-id';
  if (last === 'answer' && (prev === 'security' || prev === 'secret')) return 'password';
  if (last === 'phrase' && ['seed', 'recovery', 'secret', 'pass', 'mnemonic'].includes(prev)) return 'secret';
  // Australian Tax File Number (ATO "Tax file number"), driver's licence numbers.
  if (last === 'number' && prev === 'file' && before.includes('tax')) return 'national-id';
  if ((last === 'license' || last === 'licence') && ['driver', 'drivers', 'driving'].includes(prev))
    return 'national-id';
  if (last === 'account' && prev === 'bank') return 'bank-account';
  const postal = [...context, ...all];
  if (postal.some((word) => NOT_POSTAL.has(word))) return undefined;
  if (last === 'address' || last === 'street' || last === 'postcode' || last === 'zipcode') return 'address';
  if (postal.includes('address') && ADDRESS_PARTS.has(last)) return 'address';
  const glued = n === 1 || words[0] === 'x' || all.length <= 3 ? gluedKind(last) : undefined;
  if (glued !== undefined) return glued;
  if (
    (last === 'line' || last === 'city') &&
    postal.some((word) => word === 'address' || word === 'billing' || word === 'shipping')
  )
    return 'address';
  return undefined;
}

const cache = new Map<string, RedactionKind | null>();
const CACHED_NAME_LENGTH = 128;

/** A string with the same characters that shares no memory with `text` (see fieldKind's cache). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}

/**
 * The kind of a field/header/parameter name whose value must be redacted whole, or undefined.
 * `context` is the name of the object the field sits in (JSON), so `customer.name` and
 * `card.number` are read as a person's name and a card number while `plan.name` stays.
 */
export function fieldKind(name: string, context?: string): RedactionKind | undefined {
  const key = context === undefined ? name : `${context}\u0000${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const contextWords = context === undefined ? [] : nameWords(context);
  const kind =
    classifyWords(nameWords(name), contextWords) ??
    // (Not an organisation's own displayName: Microsoft Graph's organization resource has one;
    // nor a thing's, listed under the thing: see THING_WORDS.)
    (isScimDisplayName(name) &&
    !ORGANIZATION_WORDS.has(contextWords[contextWords.length - 1] ?? '') &&
    !hasWordOrPlural(THING_WORDS, contextWords[contextWords.length - 1] ?? '')
      ? 'name'
      : undefined);
  // Only names of a usual length are kept, as copies: a name read out of a body is often a slice
  // of it, and V8 keeps a slice's whole text alive (13 characters and more), so the cache would
  // have held up to 10,000 bodies.
  if (cache.size < 10_000 && key.length <= CACHED_NAME_LENGTH) cache.set(ownCopy(key), kind ?? null);
  return kind;
}

/** Containers in which a bare name (`name`, `number`, `line1`, `city`) holds personal data. */
let personalContexts: string[][] | undefined;

/**
 * Whether `name` names personal data inside some container (`customer.name`, `card.number`,
 * `billing_address.city`) though not on its own, so its container decides (fieldKind with a
 * context). Read from the name's words once, not through fieldKind's cache per context: a body of
 * distinct keys (a map keyed by id, 40,000 Cyrillic keys) built three cache keys per key.
 */
export function isContextualName(name: string): boolean {
  personalContexts ??= ['customer', 'card', 'billing address'].map(nameWords);
  const words = nameWords(name);
  return personalContexts.some((context) => classifyWords(words, context) !== undefined);
}

/**
 * Things an identity or admin API lists under their own name, each with a displayName that names
 * the thing: Okta's `_embedded.scopes[].displayName: "openid"`, `target[].displayName: "Okta Admin
 * Console"`, a device's or an app's. ("Resources", a SCIM list of users and groups, is not one.)
 */
const THING_WORDS = new Set([
  'scope',
  'group',
  'app',
  'application',
  'role',
  'device',
  'client',
  'integration',
  'factor',
  'permission',
  'team',
  'project',
  'plan',
  'zone',
  'server',
  'target',
  'channel',
  'workspace',
  'folder',
]);

/**
 * `displayName` as one word, the spelling of the identity APIs that hold a person's name there:
 * SCIM (RFC 7643 §4.1.1 "displayName": "The name of the User, suitable for display to
 * end-users"), Microsoft Graph "user resource type" › displayName, Firebase Auth
 * `UserInfo.displayName`, Google People API `names[].displayName`. The snake-case `display_name`
 * is what catalogue APIs name a thing by (Stripe "Tax Rates" and "Shipping Rates" › display_name:
 * "Sales Tax"), and stays unless its object names a person (`customer.display_name`).
 */
export function isScimDisplayName(name: string): boolean {
  return name.length === 11 && name.toLowerCase() === 'displayname';
}

/**
 * Names of an object's descriptive fields, written as nameWords joined: what it is, its state and
 * its times (`id`, `object`, `status`, `created_at`), an OAuth token's `token_type`, `expires_in`
 * and `scope` (RFC 6749 §5.1), a JWT's registered claims (RFC 7519 §4.1: `iat`, `nbf`, `aud`,
 * `iss`; not `exp`, which is also a card's expiry). Under a name that makes a container
 * sensitive (`"session": {…}`, `"token": {…}`, `"cardholder": {…}`) these describe the thing and
 * stay unless their value is itself sensitive.
 */
const METADATA_NAMES: ReadonlySet<string> = new Set([
  'id',
  'object',
  'type',
  'kind',
  'status',
  'created',
  'createdat',
  'updated',
  'updatedat',
  'expires',
  'expiresat',
  'expiresin',
  'expireat',
  'expiry',
  'expiration',
  'iat',
  'nbf',
  'tokentype',
  'scope',
  'scopes',
  'aud',
  'audience',
  'iss',
  'issuer',
  'role',
  'roles',
  'livemode',
  'version',
  'currency',
  'lastactiveat',
  'lastusedat',
  // How the thing is shown or spoken to, not what it holds: Stripe's issuing
  // `cardholder.preferred_locales: ["en"]` and `custom_text.shipping_address.message` (the text a
  // checkout page shows by its address field), a payment method's `zip.display_preference`.
  'locale',
  'locales',
  'preferredlocales',
  'language',
  'languages',
  'preferredlanguage',
  'timezone',
  'message',
  'preference',
  'preferences',
  'displaypreference',
  // A hash that tells two cards or bank accounts apart without being either (Stripe "Cards" ›
  // fingerprint: "Uniquely identifies this particular card number").
  'fingerprint',
  // A match result (Plaid identity verification › `address.summary: "match"`).
  'summary',
  // A resource's id and label in Twilio's APIs (`credentials[].sid: "CR…"`, `friendly_name`).
  'sid',
  'friendlyname',
  'label',
  // The model a session or request runs (OpenAI Realtime `session.model: "gpt-realtime"`).
  'model',
  // What the holder or the merchant wrote about a record, and the merchant's own reference for it
  // (Adyen's `accountHolder.description`, `accountHolder.reference`): text the detectors read.
  'description',
  'reference',
  // Geography no smaller than a state identifies no one: HIPAA's Safe Harbor method removes "all
  // geographic subdivisions smaller than a state" (45 CFR §164.514(b)(2)(i)(B)) and keeps the
  // state and country. PayPal's `address.country_code`, Adyen's `stateOrProvince`. (No name with
  // a digit: nameFacts reads keys that differ only in their digits alike, so PayPal's
  // `admin_area_1`, its state, is read as `admin_area_2`, its city.)
  'country',
  'countrycode',
  'state',
  'statecode',
  'province',
  'stateorprovince',
  // Who may read the thing, not what it holds (GitHub REST "Actions secrets" › list organization
  // secrets: `secrets[].visibility: "all" | "private" | "selected"`).
  'visibility',
  // How a credential or an endpoint is used, not the credential (Okta's app `credentials.signing`
  // › `rotationMode: "AUTO"`, `kid`; SAML/OIDC `endpoints.authorization.binding: "HTTP-REDIRECT"`;
  // a link's `method: "POST"`; `userNameTemplate.template: "${source.email}"`; a JWK's `use`,
  // `alg` and `kid`, RFC 7517 §4).
  'binding',
  'method',
  'methods',
  'template',
  'algorithm',
  'alg',
  'use',
  'kid',
  'keyid',
  'rotationmode',
  'format',
  // A schema's words about a field, not the field's data (JSON Schema Validation §6 and §9: a
  // `title`, a `pattern`, lengths; Okta's profile schema `properties.firstName.title: "First name"`,
  // its mappings' `expression: "user.firstName + user.lastName"`).
  'title',
  'expression',
  'pattern',
  'minlength',
  'maxlength',
  'mutability',
]);

/** Last words of a duration's name: the value is a length of time, not what a container holds. */
const DURATION_WORDS = new Set(['minutes', 'seconds', 'hours', 'days', 'ms', 'ttl', 'lifetime']);

/**
 * A name for a record's identifier: `id`, or one ending in the word id (`network_transaction_id`,
 * `orderIds`). Where such a field holds only digits, it is a number the issuer assigned, not a card
 * or a phone however it checks: one Stripe `network_transaction_id` in ten is a Luhn-valid number
 * of a length some card network issues.
 */
export function isIdentifierName(name: string): boolean {
  if (name.length > 48) return false;
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last === 'id' || last === 'ids';
}

/**
 * A label's name: `name`, `display_name`, `title`, any spelling. (A `description` describes under
 * any container: METADATA_NAMES.)
 */
export function isLabelName(name: string): boolean {
  if (name.length > 16) return false;
  const joined = nameWords(name).join('');
  return joined === 'name' || joined === 'displayname' || joined === 'title';
}

/** A descriptive field's name (see METADATA_NAMES), any spelling (`expires_in`, `expiresIn`). */
export function isMetadataName(name: string): boolean {
  // (The longest listed, `preferred_locales` and `display_preference`, are 18 characters.)
  if (name.length > 24) return false;
  const words = nameWords(name);
  // Another record's id (`location_id`, `customerIds`): under a sensitive container it links to
  // a record, it is not what the container holds (Square's `bank_account.location_id`).
  const last = words[words.length - 1];
  if (words.length > 1 && (last === 'id' || last === 'ids')) return true;
  // An organisation's name under a person (`end_customer.company_name`), and a count
  // (`verification_count`; Plaid's identity match `date_of_birth.edits_30d`).
  if (last === 'name' && ORGANIZATION_WORDS.has(words[words.length - 2] ?? '')) return true;
  if (last === 'count' || last === 'counts' || words[0] === 'edits') return true;
  // A duration or a lifetime (Okta's `recoveryToken.tokenLifetimeMinutes: 10080`).
  if (last !== undefined && DURATION_WORDS.has(last)) return true;
  return METADATA_NAMES.has(words.join(''));
}

/**
 * Query parameters that carry a credential under a name that elsewhere means something else, so
 * the name alone does not decide: the value must also look like a credential (see `looksOpaque`).
 * OAuth 2.0 authorization `code` (RFC 6749 §4.1.2) and Azure Functions' `code` key; Google's
 * `key` (Google Maps Platform "Use API Keys" › "Add the API key to your request": `key=API_KEY`;
 * Google Cloud "Authenticate using API keys" › `?key=`); OpenWeather's `appid` (OpenWeather "How
 * to make an API call" › `appid`: "Your unique API key"). In a JSON body or a header `key` is a
 * licence id, a sort key or an object key, and is left to the value's own shape.
 */
export function isCodeName(name: string): boolean {
  // (Ruled out by length first: an assignment-dense text asks this once per `=`.)
  const length = name.length;
  if (length !== 3 && length !== 4 && length !== 5 && length !== 9 && length !== 18) return false;
  const lower = name.toLowerCase();
  return (
    lower === 'code' ||
    lower === 'auth_code' ||
    lower === 'authorization_code' ||
    lower === 'key' ||
    lower === 'appid'
  );
}

/**
 * A value shaped like a generated credential rather than a word or an id someone typed: long,
 * mixed letters and digits, few repeats. Used only where the position already suggests a secret
 * (an OAuth `code`, the value of a `name`/`value` pair whose name reads like a credential).
 */
export function looksOpaque(value: string): boolean {
  const length = value.length;
  if (length < 10 || length > 4096) return false;
  let digits = 0;
  let letters = 0;
  // The distinct ASCII characters as four 32-bit sets (a Set per value was most of this check's
  // cost where a text assigns a code-like name at every few characters); others in a Set.
  let low = 0;
  let punctuation = 0;
  let upper = 0;
  let lower = 0;
  let wide: Set<number> | undefined;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (isSpaceCode(code)) return false;
    if (code >= 48 && code <= 57) digits++;
    else if ((code | 32) >= 97 && (code | 32) <= 122) letters++;
    const bit = 1 << (code & 31);
    if (code < 32) low |= bit;
    else if (code < 64) punctuation |= bit;
    else if (code < 96) upper |= bit;
    else if (code < 128) lower |= bit;
    else (wide ??= new Set()).add(code);
  }
  const distinct =
    bitCount(low) + bitCount(punctuation) + bitCount(upper) + bitCount(lower) + (wide?.size ?? 0);
  return digits > 0 && letters > 0 && distinct >= Math.min(10, length / 2);
}

/** The number of set bits of a 32-bit integer. */
function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * text[at, at + 36) is RFC 9562 §4's textual UUID, 8-4-4-4-12 hex digits (either case): an
 * object's or request's id, never a key. Read by code, in place: the detector gates ask it of
 * every 36-character string of a body.
 */
export function isUuidAt(text: string, at: number): boolean {
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(at + i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 45) return false;
    } else if (!((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102))) return false;
  }
  return true;
}

/** 0: a separator, 1: lower-case, 2: upper-case, 3: a digit (a hex letter counts as a letter). */
function charClass(code: number): number {
  if (code >= 48 && code <= 57) return 3;
  if (code >= 97 && code <= 122) return 1;
  if (code >= 65 && code <= 90) return 2;
  return 0;
}

/**
 * A value a machine generated, where a code-like name outside a query (`code`, `key`, `appid` in a
 * JSON body, a header, a `name`/`value` pair, an assignment in text) carries an error code, a sort
 * key or a licence id as often as a credential: `looksOpaque`, 16 characters or more, not a UUID,
 * and either hex of 20 digits or more (GitHub's OAuth `code`; OpenWeather's 32-digit `appid`) or
 * mixed so often between lower case, upper case and digits that no word is inside: random
 * base-62 text changes class at ~62 % of its adjacent characters, `InvalidParameterValue2` at
 * 29 %, `ERR_BAD_REQUEST_400` at 7 %. The threshold is a third.
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 16 || !looksOpaque(value) || (value.length === 36 && isUuidAt(value, 0))) return false;
  if (isQualifiedName(value)) return false;
  let hex = true;
  let pairs = 0;
  let changes = 0;
  let previous = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const kind = charClass(code);
    if (hex && !(kind === 3 || ((code | 32) >= 97 && (code | 32) <= 102))) hex = false;
    if (kind !== 0 && previous !== 0) {
      pairs++;
      if (kind !== previous) changes++;
    }
    previous = kind;
  }
  if (hex) return value.length >= 20;
  return changes * 3 >= pairs;
}

/**
 * A name qualified by the id of its owner, `<owner>:<name>`, where the name is a lower-case word
 * run or a UUID: Square's custom attribute keys (`sq0idp-LJ1Kr4Iim0hGDvAwrv8HIB:favorite-drink`,
 * `square:a0f1505a-2aa1-490d-91a8-8d31ff181808`; "Custom Attributes" › key: "the application ID
 * of the definition owner, a colon, and the key"). The id before the colon is public, and no
 * secret ends in a readable name.
 */
function isQualifiedName(value: string): boolean {
  const colon = value.lastIndexOf(':');
  if (colon <= 0) return false;
  const length = value.length - colon - 1;
  if (length === 36 && isUuidAt(value, colon + 1)) return true;
  if (length < 3 || !isLower(value.charCodeAt(colon + 1))) return false;
  for (let i = colon + 2; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!isLower(code) && code !== 45 && code !== 95) return false;
  }
  return true;
}

/**
 * Whether the value of a code-like name (isCodeName) is the credential: in a query or a posted
 * form field, where those names mean an OAuth code or an API key, when it looks opaque; anywhere
 * else, where they hold error codes and sort keys as often, only when it looks generated.
 */
export function isCodeCredential(value: string, inQuery: boolean): boolean {
  return inQuery ? looksOpaque(value) : looksGenerated(value);
}

/** Accounts of a role or a system (RFC 2142 §§3-5 mailbox names, and the usual system users). */
const ROLE_ACCOUNTS = new Set([
  'admin',
  'administrator',
  'root',
  'system',
  'support',
  'postmaster',
  'hostmaster',
  'webmaster',
  'abuse',
  'security',
  'noc',
  'info',
  'sales',
  'noreply',
  'no-reply',
  'guest',
  'anonymous',
  'nobody',
  'service',
  'daemon',
]);

/** Kinds whose every value holds a digit (a number, a date, an address of a network). */
const DIGIT_KINDS = new Set<RedactionKind>([
  'card',
  'phone',
  'iban',
  'bank-account',
  'national-id',
  'ip',
  'dob',
]);

function isOneOf(text: string, start: number, end: number, words: readonly string[]): boolean {
  return words.some((word) => word.length === end - start && text.startsWith(word, start));
}

/** An http(s) URL starts at text[at], as written or inside JSON source (`https:\\/\\/`). */
export function isUrlAt(text: string, at: number): boolean {
  return (
    text.startsWith('https://', at) || text.startsWith('http://', at) || text.startsWith('https:\\/\\/', at)
  );
}

/** Dot-separated labels of letters, digits and `-` ending in letters: `api.example.com` (RFC 1123 §2.1). */
function isHostName(text: string, start: number, end: number): boolean {
  if (end - start > 253) return false;
  let dots = 0;
  let lastDot = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (i === start || i === lastDot + 1) return false;
      dots++;
      lastDot = i;
    } else if (!isLower(code | 32) && !(code >= 48 && code <= 57) && code !== 45) return false;
  }
  if (dots === 0 || lastDot >= end - 2) return false;
  for (let i = lastDot + 1; i < end; i++) if (!isLower(text.charCodeAt(i) | 32)) return false;
  return true;
}

/** Characters no person's name holds. */
const NOT_IN_NAMES = '<>|{}[]=';

/** A group of an IP address written as `x`s or `*`s. */
const MASKED_GROUP = /(?:^|[.:])(?:[xX]{1,4}|\*{1,4})(?:[.:]|$)/;

/**
 * A piece of text, never a credential, though a field named `token` holds it: it opens with white
 * space, or it has at most 7 characters and no digit. A language model's token is one: the
 * `logprobs` of OpenAI's Chat Completions and audio transcriptions (and of the many APIs that copy
 * their shape) list `{"token": " knee", "logprob": …}`, `"Hello"`, `","` (OpenAI API reference,
 * "The chat completion object" › logprobs.content.token). A generated token has digits and is far
 * longer, and none opens with a space.
 */
export function isTextFragment(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const first = text.charCodeAt(start);
  if (first === 32 || first === 9 || first === 10 || first === 13) return true;
  if (end - start > 7) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return false;
  }
  return true;
}

/**
 * How far into a value its `@` may lie: an address's path is at most 256 octets (RFC 5321
 * §4.5.3.1.3), its local part at most 64 (§4.5.3.1.1), and a display name before it is short.
 */
const EMAIL_AT_LIMIT = 256;

/**
 * How far into a value of a digit kind its digits begin: the longest such datum is an IBAN of 34
 * characters (ISO 13616-1) or an IPv6 address of 45 (RFC 4291 §2.2 with an IPv4 tail), and with
 * its grouping and a short label (`Mobile (work): +44 …`) it still begins far within this.
 */
const DIGITS_LIMIT = 64;

/**
 * fitsKind's searches in the values of one text, remembered where they found nothing. An
 * unquoted value runs to the next blank (up to 8 KiB), and where its key recurs inside it
 * (`::[email=` or `::[phone=` repeated) each value is a suffix of the one before: each search
 * read the same characters again, up to EMAIL_AT_LIMIT or DIGITS_LIMIT per assignment (~27x
 * JSON.parse per MB). A search that starts where an earlier one found nothing goes on from where
 * that one stopped. One per text: positions are the text's.
 */
export class ValueSearches {
  /** [atFrom, atTo) holds no `@`. */
  private atFrom = -1;
  private atTo = -1;
  /** [digitFrom, digitTo) holds no ASCII digit. */
  private digitFrom = -1;
  private digitTo = -1;

  /** Some character of text[start, stop) is `@`. */
  hasAt(text: string, start: number, stop: number): boolean {
    let i = start;
    if (start >= this.atFrom && start <= this.atTo) i = this.atTo;
    else this.atFrom = this.atTo = start;
    while (i < stop && text.charCodeAt(i) !== 64) i++;
    if (i > this.atTo) this.atTo = i;
    return i < stop;
  }

  /** text[start, stop) holds at least `needed` ASCII digits. */
  hasDigits(text: string, start: number, stop: number, needed: number): boolean {
    let i = start;
    if (start >= this.digitFrom && start <= this.digitTo) i = this.digitTo;
    else this.digitFrom = this.digitTo = start;
    // text[start, i) holds none.
    let first = -1;
    let digits = 0;
    for (; i < stop; i++) {
      const code = text.charCodeAt(i);
      if (code >= 48 && code <= 57) {
        if (first === -1) first = i;
        if (++digits >= needed) break;
      }
    }
    const free = first === -1 ? i : first;
    if (free > this.digitTo) this.digitTo = free;
    return digits >= needed;
  }
}

/**
 * Whether text[start, end) can be the kind of data its field name says: the name decides most of
 * the time, but APIs reuse the words for other things — GitHub's repository `full_name` is
 * `owner/repo` (REST API "Repositories" › full_name), an i18n table's `card.number` key holds the
 * label "Card number". A person's name has no `/`, `@` or `:` and is no generated id nor a
 * `_`-joined identifier; an email address has an `@`; a postal address is no host name or URL; a
 * number, date or network address has a digit and is no URL, and a loopback address is nobody's.
 * A value that does not fit is judged by its text instead. `searches`: the ValueSearches of the
 * text, when the caller judges many of its values (an assignment-dense text).
 */
export function fitsKind(
  kind: RedactionKind,
  text: string,
  start: number,
  end: number,
  searches: ValueSearches = new ValueSearches(),
): boolean {
  if (kind === 'name') {
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      // No `/ @ :`, nor the syntax of a grammar or code (`<string>|<custom-ident>+`, `a[i]`, `x=y`).
      if (code === 47 || code === 64 || code === 58 || NOT_IN_NAMES.includes(String.fromCharCode(code)))
        return false;
    }
    // A role's account, nobody's name (RFC 2142's mailbox names; the accounts systems create):
    // judged a name under `userName`, `admin` was replaced in every text naming the role.
    if (end - start <= 13 && ROLE_ACCOUNTS.has(text.slice(start, end).toLowerCase())) return false;
    // An object's id under a person's field (Stripe's `cardholder: "ich_1Pgag4B7WZ01zgkWdPVfBngi"`,
    // `account_holder.customer: "cus_QXg1o8vcGmoR32"`): no person's name looks generated. Nor is
    // one name an identifier joined by `_` (Intercom's data attributes: `full_name:
    // "last_request_at"`).
    if (end - start > 64) return true;
    const value = text.slice(start, end);
    // A type name of three words or more (`ArrowParameterPlaceHolder`) is no one's name.
    if (/^[A-Z][a-z]+(?:[A-Z][a-z]+){2,}$/.test(value)) return false;
    return !looksGenerated(value) && !(value.includes('_') && !value.includes(' '));
  }
  // An IP address is digits, hex digits and its separators (RFC 791 dotted decimal; RFC 5952 text
  // form, with a `%zone` and a `/prefix`): `exports.ip2long` under `long2ip` is code.
  if (kind === 'ip' && end - start <= 128 && !/^[\s\d.:a-fA-F[\]/%,]*(?:%\w+)?$/.test(text.slice(start, end)))
    return false;
  // An email address has an `@` (a search filter's `email_address.fuzzy: "example.com"` is a domain).
  if (kind === 'email') {
    // (A loop, not indexOf: `text` may be a whole body, and a search past `end` would read it all.)
    // Within EMAIL_AT_LIMIT characters: an unquoted value runs to the next blank, quote or `;` (up
    // to 8 KiB), and where `email=` recurs inside such a run (`::[email=` repeated) each one
    // searched the rest of it, 60 % of sanitizing that text.
    return searches.hasAt(text, start, Math.min(end, start + EMAIL_AT_LIMIT));
  }
  // A host name or a URL under an address word (Twilio eSIM's `smdp_plus_address:
  // "sm-dp-plus.twilio.com"`, Box's webhook `address: "https://example.com/webhooks"`): no postal
  // address; a secret in the URL is still found by the detectors.
  if (kind === 'address') return !isHostName(text, start, end) && !isUrlAt(text, start);
  if (!DIGIT_KINDS.has(kind)) return true;
  // A URL under a number's or a date's name (GitHub's emoji map holds images under `phone`, `fax`,
  // `birthday`): an address on the web; a secret in it is still found by the detectors.
  if (isUrlAt(text, start)) return false;
  // An address already masked where it was logged (`54.xxx.xx.xxx`, `10.0.*.*`: Twilio Voice
  // Insights' `twilio_media_ip`) identifies nothing more.
  if (kind === 'ip' && end - start <= 64 && MASKED_GROUP.test(text.slice(start, end))) return false;
  // The machine itself (RFC 1122 §3.2.1.3: 127/8 loopback, 0.0.0.0 this host; RFC 4291 §2.5.3
  // `::1`), as the detectors read it too: no person's address (Slack's `logins[].ip: "127.0.0.1"`).
  if (
    kind === 'ip' &&
    (text.startsWith('127.', start) || isOneOf(text, start, end, ['0.0.0.0', '::1', 'localhost']))
  )
    return false;
  // A phone number has at least four digits (the shortest in use, Niue's fixed lines, have four:
  // libphonenumber's PhoneNumberMetadata.xml, territory NU). Fewer is a flag under a phone word:
  // the Client Hint `Sec-CH-UA-Mobile: ?0` (a Structured Field boolean, RFC 8941 §3.3.6; WICG
  // "User-Agent Client Hints" › Sec-CH-UA-Mobile), or `mobile: "1"`.
  // Within DIGITS_LIMIT characters, as an email's `@` (see EMAIL_AT_LIMIT): `::[phone=` repeated
  // counted the digits of the rest of an 8 KiB run at every `phone=`, 500x JSON.parse per MB.
  return searches.hasDigits(text, start, Math.min(end, start + DIGITS_LIMIT), kind === 'phone' ? 4 : 1);
}
