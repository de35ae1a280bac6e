/** Bits returned by detectorGates: which detector families could possibly match a text. */
export const GATE_TOKENS = 1;
export const GATE_DIGITS = 2;
export const GATE_PUNCT = 4;
export const GATE_EMAIL = 8;

/** The shortest key any token pattern accepts is 15+ characters with no space (AKIA + 16). */
const MIN_TOKEN_RUN = 15;
/**
 * Every token pattern's accepted span holds an upper-case letter or one of `_ - / +` (the
 * case-exact prefixes eyJ, sk_, AKIA, ghp_, xoxb-, sk-, AIza, SG., AC/SK, /9j/, iVBOR…), except a
 * base64 document whose signature matched case-insensitively: that needs 60+ characters after a
 * 4+ character signature. So a shorter run of only lower-case letters, digits and dots
 * (an event name like `file.uploaded`; `invoice.payment_failed` has `_` and is still checked) cannot match.
 */
const MIN_UNMARKED_TOKEN_RUN = 64;
/** Fewest digits in a phone, card, SSN, CPF or IBAN (digits and their separators, one run). */
const MIN_DIGIT_GROUP = 9;
/** A NINO has six digits; an IPv4 address at least four with three dots. */
const MIN_SHORT_GROUP = 4;

/** Sticky, so it can test a range of a larger text (a JSON string in place) without a copy. */
const ISO_TIMESTAMP = /\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?/y;

/** `bearer` or `basic` (any case) ends at `end`: the word before a space could start a credential. */
function isAuthScheme(text: string, end: number, length: number): boolean {
  const word = length === 6 ? 'bearer' : length === 5 ? 'basic' : '';
  if (word === '') return false;
  for (let i = 0; i < length; i++)
    if ((text.charCodeAt(end - length + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

// Character classes for ASCII, looked up once per character instead of a chain of comparisons.
const TOKEN = 1; // letters, digits and _ - . + / = : what keys and tokens are made of
const DIGIT = 2;
const NUMBER_GLUE = 4; // space - ( ) + / : what separates the groups of a phone or card number
const DOT = 8;
const UPPER = 16;
const LETTER = 32;
const TRIGGER_EMAIL = 64; // @ %
const TRIGGER_PUNCT = 128; // : = and \ (a JSON escape like \u0040 can hide any trigger)
const MARK = 256; // A-Z _ - / + : what every short token match contains (MIN_UNMARKED_TOKEN_RUN)

const CLASSES = new Uint16Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  let bits = 0;
  if (/[A-Za-z0-9_\-.+/=]/.test(char)) bits |= TOKEN;
  if (/[0-9]/.test(char)) bits |= DIGIT;
  if (/[ \-()+/]/.test(char)) bits |= NUMBER_GLUE;
  if (char === '.') bits |= DOT;
  if (/[A-Z]/.test(char)) bits |= UPPER;
  if (/[A-Za-z]/.test(char)) bits |= LETTER;
  if (char === '@' || char === '%') bits |= TRIGGER_EMAIL;
  if (char === ':' || char === '=' || char === '\\') bits |= TRIGGER_PUNCT;
  if (/[A-Z_\-/+]/.test(char)) bits |= MARK;
  CLASSES[code] = bits;
}

/**
 * Fast path for prose and simple values: only letters and spaces, no word as long as a token, and
 * no "Bearer"/"Basic" before a space. Nothing any detector looks for can be in such a text.
 */
function isPlainWords(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // An ASCII letter, by arithmetic: this loop runs over every character of prose values.
    if (((code | 32) - 97) >>> 0 < 26) {
      if (++letters >= MIN_TOKEN_RUN) return false;
    } else if (code === 32) {
      if (letters === 5 || letters === 6) if (isAuthScheme(text, i, letters)) return false;
      letters = 0;
    } else return false;
  }
  return true;
}

/**
 * One pass over the characters deciding which detector families are worth running: most strings
 * in an API body (ids, statuses, timestamps, prose) can be ruled out here for the price of a
 * loop, which is what keeps redaction of a megabyte body within 2x of parsing it.
 */
export function detectorGates(text: string, start = 0, end = text.length): number {
  if (isPlainWords(text, start, end)) return 0;
  ISO_TIMESTAMP.lastIndex = start;
  if (ISO_TIMESTAMP.test(text) && ISO_TIMESTAMP.lastIndex === end) return 0;
  let gates = 0;
  let run = 0;
  let marked = false;
  let digits = 0;
  let dots = 0;
  let maxDigits = 0;
  let maxDots = 0;
  let upper = false;
  let letters = 0;
  let dashes = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const bits = code < 128 ? (CLASSES[code] ?? 0) : 0;
    if (bits & TOKEN) {
      run++;
      if (bits & MARK) marked = true;
      if (run >= MIN_TOKEN_RUN && (marked || run >= MIN_UNMARKED_TOKEN_RUN)) gates |= GATE_TOKENS;
    } else {
      // A space after "Bearer"/"Basic" may start a credential; both are 5-6 letters long.
      if (code <= 32 && isAuthScheme(text, i, letters)) gates |= GATE_PUNCT;
      run = 0;
      marked = false;
    }
    letters = bits & LETTER ? letters + 1 : 0;
    dashes = code === 45 ? dashes + 1 : 0;
    if (dashes === 5) gates |= GATE_PUNCT; // a PEM boundary line
    if (bits & DIGIT) digits++;
    else if (bits & DOT) dots++;
    else if ((bits & NUMBER_GLUE) === 0) {
      if (digits > maxDigits) maxDigits = digits;
      if (dots > maxDots && digits >= MIN_SHORT_GROUP) maxDots = dots;
      digits = 0;
      dots = 0;
      if (bits & TRIGGER_EMAIL) gates |= GATE_EMAIL;
      else if (bits & TRIGGER_PUNCT) gates |= GATE_PUNCT;
      else if (bits & UPPER) upper = true;
    }
  }
  if (digits > maxDigits) maxDigits = digits;
  if (dots > maxDots && digits >= MIN_SHORT_GROUP) maxDots = dots;
  if (maxDigits >= MIN_DIGIT_GROUP || (maxDigits >= MIN_SHORT_GROUP && (maxDots >= 3 || upper)))
    gates |= GATE_DIGITS;
  return gates;
}
