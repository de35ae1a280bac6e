/**
 * Redaction: the public surface of src/core/redact. Import from here, not from the files.
 *
 * Concepts, one module each:
 * - session.ts — typed placeholders (`[email-1]`) and the RedactionSession that hands them out:
 *   one decision per value, and after `seal()` the known values to replace wherever they recur.
 * - detect.ts — detectSensitive: which families could match (a gate pass), then each family.
 * - secret-formats.ts — vendor key formats as data, JWT/PEM/Telegram/Terraform/Azure shapes,
 *   auth schemes, webhook URLs, documentation placeholders.
 * - personal-formats.ts — cards, IBANs, phones, national ids, IPs, emails, dates of birth.
 * - field-names.ts — which field/header/parameter names make a value sensitive, read as words.
 * - values.ts — one value by what it is: text, URL, path, query, header, cookie, body; and
 *   ValueMemo, one pass's outputs by value (a host that redacts many exchanges with one session
 *   before sealing it, like HarSanitizer, skips the values it met before); CleanJudgments, what
 *   was judged clean across sessions (tickets: one session per exchange).
 * - json.ts — JSON text scan and parsed-value walk.
 * - ascii-codes.ts — a text's code units as bytes, for the loops that read every character.
 * - har.ts — HarSanitizer (two passes, entry by entry) and sanitizeHar (in memory, built on it).
 *
 * Streaming use (a HAR too large to hold): see HarSanitizer. Observe every entry in file order,
 * then the rest of the log; then sanitize the rest and every entry in file order. Memory grows
 * with the number of distinct sensitive values (plus large bodies' scans kept between the passes,
 * up to a fixed room of text), and the output equals `sanitizeHar(har)`.
 *
 * A ticket or a cURL command is one small export: create a RedactionSession, judge the exchange
 * with the value functions (`judgeBodyText` judges a body without writing its redacted copy),
 * `seal()`, then redact the fields that are shown.
 */
export {
  isPersonalKind,
  isPlaceholder,
  PERSONAL_KINDS,
  PLACEHOLDER_PATTERN,
  placeholderEnd,
  RedactionSession,
  SECRET_KINDS,
  type PersonalKind,
  type RedactionKind,
  type SecretKind,
  type Span,
} from './session.ts';
export { detectSensitive, detectorGates, isoTimestampEnd } from './detect.ts';
export { fieldKind, looksGenerated, looksOpaque, nameWords } from './field-names.ts';
export { isDocPlaceholder, TOKEN_RULES } from './secret-formats.ts';
export {
  aadhaarValid,
  bitcoinAddressValid,
  callingCodes,
  cpfValid,
  e164Plausible,
  hetuValid,
  ibanValid,
  italianFiscalCodeValid,
  itinValid,
  krRrnValid,
  luhn,
  medicareValid,
  ninoValid,
  nricValid,
  peselValid,
  spanishIdValid,
  ssnValid,
  tcknValid,
  tfnValid,
} from './personal-formats.ts';
export {
  judgeBodyText,
  redactBodyText,
  redactCookieHeader,
  redactHeader,
  redactNamedValue,
  redactPath,
  redactQuery,
  redactText,
  redactUrl,
  redactWhole,
  safeDecode,
  CleanJudgments,
  ValueMemo,
  type UrlForm,
} from './values.ts';
export { EditList, redactJson, redactJsonText } from './json.ts';
export { joinPieces, TextBuilder } from './text-builder.ts';
export { HarSanitizer, sanitizeHar, type HarSkeleton } from './har.ts';
