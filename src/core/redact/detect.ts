import { PAST_ASCII, scratchCodes } from './ascii-codes.ts';
import {
  fieldKind,
  fitsKind,
  isCodeCredential,
  isCodeName,
  isLower,
  isTextFragment,
  isUuidAt,
  ValueSearches,
} from './field-names.ts';
import {
  codeAt,
  findBirthDates,
  findBitcoinAddresses,
  findEmails,
  findIbans,
  findIpv6,
  findMacAddresses,
  findNationalIds,
  findNumbers,
  isAsciiLetter,
  isDigit,
} from './personal-formats.ts';
import {
  findAuthSchemes,
  findDataUris,
  findPrivateKeys,
  findSecretTokens,
  findUrlSecrets,
  isDocPlaceholder,
  isQuote,
} from './secret-formats.ts';
import {
  type CandidatePrefixes,
  isPersonalKind,
  isPlaceholder,
  isSpaceCode,
  orderedSpans,
  type RedactionKind,
  type Span,
} from './session.ts';

/**
 * Every secret and piece of personal data in a text, as ordered spans. A first pass over the
 * characters decides which detector families could match at all (most strings of an API body —
 * ids, statuses, timestamps, prose — are ruled out there for the price of a loop), then each
 * family that could runs once over the text. Every family is a linear scan (see its module), so a
 * text of any shape costs a bounded number of steps per character.
 */

const GATE_TOKENS = 1;
const GATE_DIGITS = 2;
const GATE_PUNCT = 4;
const GATE_EMAIL = 8;
/**
 * A run of digits and number glue (space - ( ) + .) with 8 digits or 4 digit groups: findNumbers
 * needs one (every format it accepts has 9 digits, 8 after `+`/`00`, or is a dotted quad), so an
 * id like `usr_48213` or `app_25608nr92p` no longer runs it.
 */
const GATE_NUMBERS = 16;
/** Five `-` (a MAC address in the IEEE 802 form `3c-22-fb-e8-de-da`; the `:` form opens GATE_PUNCT). */
const GATE_HYPHENS = 32;

/**
 * `paspoort` and a letter and six digits, with no separator (PASSPORT_NUMBER in personal-formats:
 * the shortest word it reads, `[A-Z]{1,2}\d{6,8}` after it).
 */
const SHORTEST_GLUED_PASSPORT = 15;

/** The shortest token any vendor rule accepts (AKIA + 16). */
const MIN_TOKEN_RUN = 20;

const TOKEN = 1; // A-Z a-z 0-9 _ - + / = . ~
const DIGIT = 2;
const NUMBER_GLUE = 4; // space - ( ) + .
const TRIGGER_PUNCT = 8; // : = and \ (a JSON escape like \u0040 can hide any trigger)
const TRIGGER_EMAIL = 16; // @ %
const LETTER = 32;
const WORD_CHAR = 64; // A-Z a-z 0-9 _ (KnownValues' word characters: a value glued to one does not start)

const CLASSES = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  let bits = 0;
  if (/[A-Za-z0-9_\-+/=.~]/.test(char)) bits |= TOKEN;
  if (/[0-9]/.test(char)) bits |= DIGIT;
  if (/[ \-()+.]/.test(char)) bits |= NUMBER_GLUE;
  if (char === ':' || char === '=' || char === '\\') bits |= TRIGGER_PUNCT;
  if (char === '@' || char === '%') bits |= TRIGGER_EMAIL;
  if (/[A-Za-z]/.test(char)) bits |= LETTER;
  if (/\w/.test(char)) bits |= WORD_CHAR;
  CLASSES[code] = bits;
}

/** `bearer`, `basic`, `token` or `ssws` (any case) ends at `end`: the word before a space may start a credential. */
function isAuthScheme(text: string, end: number, length: number): boolean {
  const word =
    length === 6
      ? 'bearer'
      : length === 5
        ? text[end - 5] === 'b' || text[end - 5] === 'B'
          ? 'basic'
          : 'token'
        : length === 4
          ? 'ssws'
          : '';
  if (word === '') return false;
  for (let i = 0; i < length; i++)
    if ((text.charCodeAt(end - length + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

function digitsAt(text: string, at: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (!isDigit(codeAt(text, at + i))) return false;
  return true;
}

/**
 * Where an ISO 8601 / RFC 3339 §5.6 date or date-time starting at `at` ends, read as the greedy
 * expression `\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?`
 * matches (each optional part taken whole or not at all); -1 when no date starts there. Written
 * out because a list body holds tens of thousands of timestamps, and a regular expression run per
 * string cost about as much as walking it; the expression is the oracle in its unit test.
 */
export function isoTimestampEnd(text: string, at: number): number {
  if (
    !digitsAt(text, at, 4) ||
    codeAt(text, at + 4) !== 45 ||
    !digitsAt(text, at + 5, 2) ||
    codeAt(text, at + 7) !== 45 ||
    !digitsAt(text, at + 8, 2)
  )
    return -1;
  const date = at + 10;
  const separator = codeAt(text, date);
  if (
    (separator !== 84 && separator !== 32) ||
    !digitsAt(text, date + 1, 2) ||
    codeAt(text, date + 3) !== 58 ||
    !digitsAt(text, date + 4, 2)
  )
    return date;
  let end = date + 6;
  if (codeAt(text, end) === 58 && digitsAt(text, end + 1, 2)) {
    end += 3;
    if (codeAt(text, end) === 46 && isDigit(codeAt(text, end + 1))) {
      const fraction = end + 1;
      end = fraction + 1;
      while (end < fraction + 9 && isDigit(codeAt(text, end))) end++;
    }
  }
  const zone = codeAt(text, end);
  if (zone === 90) return end + 1;
  if ((zone === 43 || zone === 45) && digitsAt(text, end + 1, 2)) {
    const minutes = codeAt(text, end + 3) === 58 ? end + 4 : end + 3;
    if (digitsAt(text, minutes, 2)) return minutes + 2;
  }
  return end;
}

/**
 * `yyyy-mm-ddThh:mm:ss.sssZ`, the date time string format of ECMA-262 §21.4.1.32 as
 * Date.prototype.toISOString writes it (a UTC time with milliseconds): one of the forms
 * isoTimestampEnd reads whole. A `d` stands for a digit.
 */
const ZULU_MILLIS = 'dddd-dd-ddTdd:dd:dd.dddZ';

/** Negative unless `code` is an ASCII digit: (code - 48) | (57 - code), with no branch. */
function digitSign(code: number): number {
  return (code - 48) | (57 - code);
}

/**
 * codes[at, at + 24) (a text's asciiCodes) spell a ZULU_MILLIS timestamp (the caller checked
 * there are 24 characters). With `prefixes`, its candidate prefixes are recorded too: the four
 * characters at offsets 0, 5, 8, 14, 17 and 20, where a digit run starts after a separator (the
 * positions `CandidatePrefixes.string` records in this layout: `-`, `:` and `.` start nothing
 * themselves, and `T` joins the day and the hour into one word). Each character is read once, for
 * the check and the prefixes alike: reading them again to record was half of what a timestamp
 * cost a list body's scan.
 */
export function isZuluMillisAt(codes: Uint8Array, at: number, prefixes?: CandidatePrefixes): boolean {
  // Its separators first: most strings of its length that are no timestamp fail there.
  if (
    (codes[at + 4] ?? PAST_ASCII) !== 45 ||
    (codes[at + 7] ?? PAST_ASCII) !== 45 ||
    (codes[at + 10] ?? PAST_ASCII) !== 84 ||
    (codes[at + 13] ?? PAST_ASCII) !== 58 ||
    (codes[at + 16] ?? PAST_ASCII) !== 58 ||
    (codes[at + 19] ?? PAST_ASCII) !== 46 ||
    (codes[at + 23] ?? PAST_ASCII) !== 90
  )
    return false;
  const y0 = codes[at] ?? PAST_ASCII;
  const y1 = codes[at + 1] ?? PAST_ASCII;
  const y2 = codes[at + 2] ?? PAST_ASCII;
  const y3 = codes[at + 3] ?? PAST_ASCII;
  const mo0 = codes[at + 5] ?? PAST_ASCII;
  const mo1 = codes[at + 6] ?? PAST_ASCII;
  const d0 = codes[at + 8] ?? PAST_ASCII;
  const d1 = codes[at + 9] ?? PAST_ASCII;
  const h0 = codes[at + 11] ?? PAST_ASCII;
  const h1 = codes[at + 12] ?? PAST_ASCII;
  const mi0 = codes[at + 14] ?? PAST_ASCII;
  const mi1 = codes[at + 15] ?? PAST_ASCII;
  const s0 = codes[at + 17] ?? PAST_ASCII;
  const s1 = codes[at + 18] ?? PAST_ASCII;
  const ms0 = codes[at + 20] ?? PAST_ASCII;
  const ms1 = codes[at + 21] ?? PAST_ASCII;
  const ms2 = codes[at + 22] ?? PAST_ASCII;
  // Its digits without a branch each (see digitSign).
  const outside =
    digitSign(y0) |
    digitSign(y1) |
    digitSign(y2) |
    digitSign(y3) |
    digitSign(mo0) |
    digitSign(mo1) |
    digitSign(d0) |
    digitSign(d1) |
    digitSign(h0) |
    digitSign(h1) |
    digitSign(mi0) |
    digitSign(mi1) |
    digitSign(s0) |
    digitSign(s1) |
    digitSign(ms0) |
    digitSign(ms1) |
    digitSign(ms2);
  if (outside < 0) return false;
  if (prefixes !== undefined) {
    // Packed as prefixHash packs four ASCII characters.
    prefixes.packed(y0 | (y1 << 8) | (y2 << 16) | (y3 << 24));
    prefixes.packed(mo0 | (mo1 << 8) | (45 << 16) | (d0 << 24));
    prefixes.packed(d0 | (d1 << 8) | (84 << 16) | (h0 << 24));
    prefixes.packed(mi0 | (mi1 << 8) | (58 << 16) | (s0 << 24));
    prefixes.packed(s0 | (s1 << 8) | (46 << 16) | (ms0 << 24));
    prefixes.packed(ms0 | (ms1 << 8) | (ms2 << 16) | (90 << 24));
  }
  return true;
}

/**
 * The gates of text[start, end) when it is lowercase ASCII words and spaces alone (a description,
 * a note), or -1 when it is not: what the general walk below works out for such a text, a word at
 * a time. Only a word of MIN_TOKEN_RUN letters opens the token families, and only an
 * authorization scheme's word before a space the punctuation ones; nothing else can match. (Prose
 * was a third of the gates' walk over a list body, its words ended by an unforeseen branch each.)
 * Unit i of the text is codes[i - delta] (see detectorGates).
 */
function proseGates(text: string, start: number, end: number, codes: Uint8Array, delta: number): number {
  let gates = 0;
  let i = start;
  while (i < end) {
    // A word's letters in a loop of their own, its end met once (a branch per character on
    // "space or letter" was foreseen wrong at every word's end).
    const word = i;
    let code = codes[i - delta] ?? PAST_ASCII;
    while ((code - 97) >>> 0 < 26) {
      if (++i === end) break;
      code = codes[i - delta] ?? PAST_ASCII;
    }
    const letters = i - word;
    if (letters >= MIN_TOKEN_RUN) gates |= GATE_TOKENS;
    if (i === end) break;
    if (code !== 32) return -1;
    if (letters >= 4 && letters <= 6 && isAuthScheme(text, i, letters)) gates |= GATE_PUNCT;
    i++;
  }
  return gates;
}

/**
 * Which families could match in text[start, end); 0 when none can. With `prefixes` (a JSON scan
 * whose body will be searched for known values), a string ruled out has its candidate prefixes
 * recorded, or is noted as prose when it is lowercase words alone (see CandidatePrefixes): that
 * search then need not walk it again. `textCodes`: asciiCodes of the whole text, when the caller
 * has them (a JSON scan reads its body's); otherwise the range's codes are made here.
 */
export function detectorGates(
  text: string,
  start = 0,
  end = text.length,
  prefixes?: CandidatePrefixes,
  textCodes?: Uint8Array,
): number {
  // The walks below read every character, from bytes (see ascii-codes.ts): unit i of the text is
  // codes[i - delta]. Any unit past ASCII reads as PAST_ASCII, and every test below treats all of
  // them alike (no letter, digit, space, separator or trigger).
  const codes = textCodes ?? scratchCodes(text, start, end);
  const delta = textCodes === undefined ? start : 0;
  // A timestamp is at least `yyyy-mm-dd`: the matcher runs only on what could be one.
  const first = start < end ? text.charCodeAt(start) : -1;
  if (end - start === ZULU_MILLIS.length && isZuluMillisAt(codes, start - delta, prefixes)) {
    // The commonest of all (what Date.prototype.toISOString writes): checked and recorded by its
    // layout, each character read once (the general matcher and recorder were 8 % of a list
    // body's scan, read 24 characters twice and classified each).
    return 0;
  }
  if (first >= 97 && first <= 122) {
    const prose = proseGates(text, start, end, codes, delta);
    if (prose !== -1) {
      if (prose === 0) prefixes?.prose();
      return prose;
    }
  }
  if (end - start >= 10 && first >= 48 && first <= 57) {
    if (isoTimestampEnd(text, start) === end) {
      prefixes?.string(text, start, end, codes, delta);
      return 0;
    }
  }
  // A UUID alone (RFC 9562 §4: 8-4-4-4-12 hex digits), the commonest id of all, and a map's key
  // (records keyed by id): no detector finds anything in one, and its digits opened the gates.
  if (end - start === 36 && isUuidAt(text, start)) {
    prefixes?.string(text, start, end, codes, delta);
    return 0;
  }
  let gates = 0;
  let run = 0;
  // Digits in a run where `/` also joins (a date of birth `3/4/87`), and in a run of findNumbers'
  // own glue, with its digit groups.
  let digits = 0;
  let numberDigits = 0;
  let groups = 0;
  let afterDigit = false;
  let letters = 0;
  let dashes = 0;
  /** Digits in the current token run. */
  let runDigits = 0;
  let hyphens = 0;
  /** Bit 5 stays set while every character was a lowercase ASCII letter or a space (for `prefixes`). */
  let lower = 32;
  /** Every character so far was an ASCII word character (`A-Za-z0-9_`). */
  let wordOnly = true;
  for (let i = start; i < end; i++) {
    let code = codes[i - delta] ?? PAST_ASCII;
    if (isAsciiLetter(code)) {
      // A run of ASCII letters (most of prose and ids) counted at once: each letter extends the
      // token run and the word, and ends any digit group or dash run.
      const from = i;
      do {
        lower &= code;
        if (++i === end) break;
        code = codes[i - delta] ?? PAST_ASCII;
      } while (isAsciiLetter(code));
      run += i - from;
      if (run >= MIN_TOKEN_RUN) gates |= GATE_TOKENS;
      letters += i - from;
      digits = 0;
      numberDigits = 0;
      groups = 0;
      afterDigit = false;
      dashes = 0;
      if (i === end) break;
      // One space between two words, most of prose: the general step below, reduced to what it
      // does for a space after letters (a space is no token, letter, digit or candidate start), so
      // prose pays no table lookup or candidate-position call per word.
      if (code === 32 && i + 1 < end && isAsciiLetter(codes[i + 1 - delta] ?? PAST_ASCII)) {
        if (letters >= 4 && letters <= 6 && isAuthScheme(text, i, letters)) gates |= GATE_PUNCT;
        letters = 0;
        run = 0;
        runDigits = 0;
        wordOnly = false;
        continue;
      }
    } else if (code >= 48 && code <= 57) {
      // A run of digits counted at once, as the general step below counts each (digit groups,
      // dates and phones are most of a hostile text's characters): each digit extends the token
      // run and the digit counts, ends any letter word or dash run, and the first opens a group.
      const from = i;
      do {
        if (++i === end) break;
        code = codes[i - delta] ?? PAST_ASCII;
      } while (code >= 48 && code <= 57);
      const count = i - from;
      lower = 0;
      letters = 0;
      dashes = 0;
      run += count;
      if (run >= MIN_TOKEN_RUN) gates |= GATE_TOKENS;
      // (The general step stops counting runDigits once digits reaches 4: the gate is open then.)
      digits += count;
      if (digits >= 4) gates |= GATE_DIGITS;
      else if ((runDigits += count) >= 5 && run >= 12) gates |= GATE_DIGITS;
      if (!afterDigit) groups++;
      afterDigit = true;
      numberDigits += count;
      if (numberDigits >= 8 || groups >= 4) gates |= GATE_NUMBERS;
      if (i === end) break;
    }
    const bits = code < 128 ? (CLASSES[code] ?? 0) : 0;
    if (code !== 32) lower = 0;
    if ((bits & WORD_CHAR) === 0) wordOnly = false;
    if (bits & TOKEN) {
      if (++run >= MIN_TOKEN_RUN) gates |= GATE_TOKENS;
    } else {
      run = 0;
      runDigits = 0;
    }
    if (bits & LETTER) letters++;
    else {
      if (code <= 32 && letters >= 4 && letters <= 6 && isAuthScheme(text, i, letters)) gates |= GATE_PUNCT;
      letters = 0;
    }
    dashes = code === 45 ? dashes + 1 : 0;
    if (code === 45 && ++hyphens >= 5) gates |= GATE_HYPHENS;
    if (dashes === 5) gates |= GATE_PUNCT; // a PEM boundary line
    if (bits & DIGIT) {
      // 4 digits in a row, or 5 spread over a word of 12 (an Italian codice fiscale has no 4 in a row).
      if (++digits >= 4 || (++runDigits >= 5 && run >= 12)) gates |= GATE_DIGITS;
      if (!afterDigit) groups++;
      afterDigit = true;
      if (++numberDigits >= 8 || groups >= 4) gates |= GATE_NUMBERS;
    } else {
      afterDigit = false;
      if ((bits & NUMBER_GLUE) === 0) {
        numberDigits = 0;
        groups = 0;
        if (code !== 47) digits = 0;
        if (bits & TRIGGER_EMAIL) gates |= GATE_EMAIL;
        else if (bits & TRIGGER_PUNCT) gates |= GATE_PUNCT;
      }
    }
  }
  // Only a string no family can match is certain to stay as it is (see CandidatePrefixes).
  // One word that opens in lowercase or `_` and holds a few digits (`usr_8118`, `app_2bf62cd07l`:
  // the ids of a list, 0.25x JSON.parse of its scan) opens only the digit families, and none of
  // them can match in it: an IBAN or a letter-and-digit national id opens with a capital, a
  // digits-first id with a digit, and each only after a non-word character, which here is only
  // the start; a date of birth needs a separator and follows its word after one; a passport
  // number glued to its word is at least SHORTEST_GLUED_PASSPORT long. (The property test "the
  // gates never hide a finding" runs every family on such words.)
  if (
    gates === GATE_DIGITS &&
    wordOnly &&
    end - start < SHORTEST_GLUED_PASSPORT &&
    ((first >= 97 && first <= 122) || first === 95)
  )
    gates = 0;
  if (prefixes !== undefined && gates === 0) {
    if ((lower & 32) !== 0) prefixes.prose();
    else prefixes.string(text, start, end, codes, delta);
  }
  return gates;
}

const KEY_LIMIT = 60;
const VALUE_LIMIT = 8192;

/** The ASCII characters of a key: `A-Za-z0-9_-.[]`. */
const KEY_CODES = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.[]')
  KEY_CODES[char.charCodeAt(0)] = 1;

/**
 * A character of a key read back from its `=` or `:`; Latin letters past ASCII too (`contraseña=`).
 * (One table read for ASCII: an assignment-dense text reads every key back at each `=`.)
 */
function isKeyCode(code: number): boolean {
  return code < 128 ? KEY_CODES[code] === 1 : code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
}

function isSchemeCode(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 45;
}

/**
 * Authorization schemes (IANA HTTP Authentication Scheme Registry) whose parameter follows a space,
 * by length, in lowercase.
 */
const NO_SCHEMES: readonly string[] = [];
const SCHEMES_BY_LENGTH: readonly (readonly string[])[] = (() => {
  const byLength: string[][] = [];
  for (const word of [
    ...['bearer', 'basic', 'digest', 'token', 'negotiate', 'ntlm', 'hoba', 'mutual'],
    ...['aws4-hmac-sha256', 'hmac', 'dpop', 'gnap', 'ssws', 'apikey'],
  ])
    (byLength[word.length] ??= []).push(word);
  return byLength;
})();

/**
 * text[start, end), of scheme characters (isSchemeCode), is one of SCHEMES_BY_LENGTH in any case.
 * Read in place: a slice and an expression per assignment were a twentieth of the cost of a text
 * of short `key=value` pairs.
 */
function isSchemeWord(text: string, start: number, end: number): boolean {
  for (const word of SCHEMES_BY_LENGTH[end - start] ?? NO_SCHEMES) {
    let i = 0;
    // `| 32` lowercases an ASCII letter and leaves a digit or `-` as it is.
    while (i < word.length && (text.charCodeAt(start + i) | 32) === word.charCodeAt(i)) i++;
    if (i === word.length) return true;
  }
  return false;
}
/** ASCII characters that end an unquoted value (`\s"'&,;<>{}()\`), and those that end a credential after a scheme (`\s"'\`<>`). */
const ENDS_VALUE = new Uint8Array(128);
const ENDS_CREDENTIAL = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  ENDS_VALUE[code] = /[\s"'`&,;<>{}()\\]/.test(char) ? 1 : 0;
  ENDS_CREDENTIAL[code] = /[\s"'`<>]/.test(char) ? 1 : 0;
}

/** text[at] ends a value (by the table for ASCII; a character past either end does too). */
function endsAt(table: Uint8Array, text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 128 ? table[code] === 1 : code !== code || isSpaceCode(code);
}

/**
 * The value after `=` or `:`: quoted (', ", or a template literal's backtick) up to its closing
 * quote, otherwise up to a delimiter. After an authorization scheme (`Bearer xyz`) the value is
 * the credential that follows; a scheme with nothing usable after it is no value at all.
 */
function valueSpan(text: string, from: number, to: number, runs?: ValueRuns): Span | undefined {
  // (Characters are compared by code: an assignment-dense text runs this per `=`.)
  let i = from;
  while (i < to && i < from + 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const quote = codeAt(text, i);
  const limit = Math.min(to, i + VALUE_LIMIT);
  let start: number;
  let end: number;
  if (quote === 34 || quote === 39 || quote === 96) {
    let j = i + 1;
    for (let code = codeAt(text, j); j < limit && code !== quote; code = codeAt(text, j))
      j += code === 92 ? 2 : 1;
    if (j <= i + 1 || j >= limit) return undefined;
    start = i + 1;
    end = j;
  } else {
    start = i;
    if (runs !== undefined) i = runs.endOf(text, start, limit);
    else while (i < limit && !endsAt(ENDS_VALUE, text, i)) i++;
    if (i === start) return undefined;
    end = i;
  }
  let word = start;
  while (word < end && word - start <= 16 && isSchemeCode(text.charCodeAt(word))) word++;
  if (word - start >= 4 && word - start <= 16 && isSchemeWord(text, start, word)) {
    // (Spans are built with their final shape; the caller sets the kind.)
    if (word === end && codeAt(text, end) !== 32) return { start, end, kind: 'secret' };
    // `Authorization: Bearer xyz`: the credential is the word after the scheme.
    let from2 = word;
    while (from2 < limit && text.charCodeAt(from2) === 32) from2++;
    let stop = from2;
    while (stop < limit && !endsAt(ENDS_CREDENTIAL, text, stop)) stop++;
    if (stop === from2 || isDocPlaceholder(text.slice(from2, stop))) return undefined;
    return { start: from2, end: stop, kind: 'secret' };
  }
  return { start, end, kind: 'secret' };
}

/** `full_name=Ada Lovelace (…)`: an unquoted name or address runs on over capitalised words and numbers. */
function capitalisedWordsEnd(text: string, end: number, to: number): number {
  let stop = end;
  for (let words = 0; words < 8; words++) {
    const next = /^ [A-Z0-9][A-Za-z0-9'.-]*/.exec(text.slice(stop, Math.min(to, stop + 64)));
    if (next === null) break;
    stop += next[0].length;
  }
  return stop;
}

/**
 * Where the tag that holds a `name=` ends: the next `>` within 500 characters. The last search is
 * remembered, so a run of `name="email"` attributes without a `>` (hostile, or a truncated form)
 * scans each character once rather than 500 per attribute.
 */
class TagEnds {
  private from = -1;
  private to = -1;
  private at = -1;

  /** The first `>` in [from, limit), or limit. */
  find(text: string, from: number, limit: number): number {
    let i = from;
    if (this.from !== -1 && from >= this.from) {
      if (this.at !== -1 && from <= this.at) return Math.min(this.at, limit);
      // [this.from, this.to) holds no `>`.
      if (this.at === -1 && from <= this.to) i = Math.min(this.to, limit);
    }
    while (i < limit && text.charCodeAt(i) !== 62) i++;
    this.from = from;
    this.to = i;
    this.at = i < limit ? i : -1;
    return i;
  }
}

/**
 * Where unquoted values end (the first ENDS_VALUE character), remembered over one text: a run
 * without one (`code=ghp_x?code=ghp_x?…`) holds an assignment every few characters, each of whose
 * values runs to the same end, and walking to it from each cost up to VALUE_LIMIT characters per
 * assignment (~4 s per MB).
 */
class ValueRuns {
  /** fitsKind's searches in the same values (see ValueSearches). */
  readonly searches = new ValueSearches();
  private from = -1;
  /** [from, scanned) holds no ENDS_VALUE character. */
  private scanned = -1;
  /** The ENDS_VALUE character that ends the run, or -1 when not reached yet. */
  private end = -1;

  /** Where the unquoted value starting at `start` ends: the first ENDS_VALUE character, at most `limit`. */
  endOf(text: string, start: number, limit: number): number {
    let i = start;
    if (this.from !== -1 && start >= this.from && start <= this.scanned) {
      if (this.end !== -1) return Math.min(this.end, limit);
      i = Math.min(this.scanned, limit);
    } else {
      this.from = start;
      this.scanned = start;
    }
    while (i < limit && !endsAt(ENDS_VALUE, text, i)) i++;
    if (i > this.scanned) this.scanned = i;
    this.end = i < limit ? i : -1;
    return i;
  }
}

/**
 * isCodeCredential over the values of one run, remembered: values that end together are suffixes
 * of one another (`code=ghp_x?code=ghp_x?…`), and one with at least 20 characters, none of them
 * blank, that has too few digits, letters or distinct characters leaves each shorter suffix of 20
 * or more with too few as well (the bar is 10 distinct characters for both). Each such value was
 * read whole, up to 4 KiB per assignment.
 */
class OpaqueRuns {
  private end = -1;
  /** The earliest start of a value ending at `end` judged, where, and how. */
  private from = -1;
  private inQuery = false;
  private opaque = false;

  /**
   * isCodeCredential of text[start, end), in a query or elsewhere. A later value ending at the
   * same place is a suffix of one judged: `code=x1code=x1…` without
   * a delimiter ends every value at the same character, and judging each whole (up to 8 KiB)
   * again at every `=` was quadratic. A suffix takes the judgment of the value it ends: a plain
   * one stays plain, and an opaque one lies inside a span already replaced.
   */
  judge(value: string, start: number, end: number, inQuery: boolean): boolean {
    if (this.inRun(start, end, inQuery)) return this.opaque;
    const opaque = isCodeCredential(value, inQuery);
    if (value.length >= 20 && value.length <= 4096 && !/\s/.test(value)) {
      this.end = end;
      this.from = start;
      this.inQuery = inQuery;
      this.opaque = opaque;
    }
    return opaque;
  }

  /** The value at `span` is a suffix of a judged one that was not opaque (judge would say false). */
  ruledOut(span: Span, inQuery: boolean): boolean {
    return !this.opaque && this.inRun(span.start, span.end, inQuery);
  }

  /** text[start, end) ends where the judged value ends, inside it, and is long enough to share its judgment. */
  private inRun(start: number, end: number, inQuery: boolean): boolean {
    return end === this.end && start >= this.from && inQuery === this.inQuery && end - start >= 20;
  }
}

/**
 * The classification of the last key assignmentAt read, over one text: an assignment-dense text
 * (`key=key=…`, `pwd="` repeated) names the same key at every `=`, and slicing and classifying it
 * again each time was a fifth of that text's cost.
 */
class LastKey {
  /** Its field kind (fieldKind). */
  kind: RedactionKind | undefined;
  /** `Authorization` or `Proxy-Authorization`. */
  authorization = false;
  /** A code-like name (isCodeName) that names no field: its value goes only if it looks generated. */
  code = false;
  /** An attribute (`name`, `key`) that names no field itself: a later `value` attribute's field. */
  attribute = false;

  /**
   * The last two keys read, the newer first: text where two keys take turns (`user=…&pass=…`
   * repeated, a log line's `id: … at: …`) judged each again, a slice and four name lookups per
   * assignment (5 % of sanitizing "token word, colon pair and date after curl -u", by perf).
   */
  private newer: KeyFacts = NO_KEY;
  private older: KeyFacts = NO_KEY;

  /** Classifies the key text[start, end). */
  read(text: string, start: number, end: number): void {
    let facts = this.newer;
    if (end - start !== facts.key.length || !text.startsWith(facts.key, start)) {
      facts = this.older;
      if (end - start !== facts.key.length || !text.startsWith(facts.key, start))
        facts = keyFacts(text.slice(start, end));
      this.older = this.newer;
      this.newer = facts;
    }
    this.kind = facts.kind;
    this.authorization = facts.authorization;
    this.attribute = facts.attribute;
    this.code = facts.code;
  }
}

interface KeyFacts {
  readonly key: string;
  readonly kind: RedactionKind | undefined;
  readonly authorization: boolean;
  readonly attribute: boolean;
  readonly code: boolean;
}

function keyFacts(key: string): KeyFacts {
  const kind = fieldKind(key);
  return {
    key,
    kind,
    authorization: isAuthorizationName(key),
    attribute: kind === undefined && isAttributeName(key),
    code: kind === undefined && isCodeName(key),
  };
}

/** No key read yet: no key has an empty name (assignmentAt reads at least one character). */
const NO_KEY: KeyFacts = { key: '', kind: undefined, authorization: false, attribute: false, code: false };

/** HTML forms: `name="password" … value="…"` in the same tag. */
function htmlValueSpan(text: string, from: number, to: number, tags: TagEnds): Span | undefined {
  const limit = tags.find(text, from, Math.min(to, from + 500));
  // (`value ===` compares in script; an attribute's `=` stands alone.)
  const at = text.slice(from, limit).search(/\bvalue\s*=(?!=)/i);
  if (at === -1) return undefined;
  return valueSpan(text, text.indexOf('=', from + at) + 1, to);
}

/**
 * `key = value`, `"key": value`, `key: value` where the key names a sensitive field (fieldKind):
 * logs, HTML, YAML, connection strings (`AccountKey=…;`), a JSON that did not parse, a query string
 * inside prose. The key is read back from the `=`/`:`; a personal field needs `=` or a quoted key
 * (`name: must not be blank` is prose). Documentation placeholders and literals are left alone.
 */
function assignmentAt(
  text: string,
  at: number,
  from: number,
  to: number,
  tags: TagEnds,
  runs: ValueRuns,
  opaque: OpaqueRuns,
  keys: LastKey,
): Span | undefined {
  let keyEnd = at;
  while (
    keyEnd > from &&
    at - keyEnd < 3 &&
    (text.charCodeAt(keyEnd - 1) === 32 || text.charCodeAt(keyEnd - 1) === 9)
  )
    keyEnd--;
  const quoted = text.charCodeAt(keyEnd - 1) === 34 || text.charCodeAt(keyEnd - 1) === 39;
  if (quoted) keyEnd--;
  let keyStart = keyEnd;
  while (keyStart > from && keyEnd - keyStart < KEY_LIMIT && isKeyCode(text.charCodeAt(keyStart - 1)))
    keyStart--;
  if (keyStart === keyEnd) return undefined;
  keys.read(text, keyStart, keyEnd);
  // An Authorization value keeps its scheme word, whatever the scheme: findAuthSchemes reads it.
  if (keys.authorization) return undefined;
  let kind = keys.kind;
  const before = codeAt(text, keyStart - 1);
  // A segment of a colon-separated name, where `:` joins parts and assigns nothing: Okta's ORNs
  // (`orn:okta:idp:…:apps:template_basic_auth:0oafxqCAJWWGELFTYASJ`), URNs (RFC 8141), AWS ARNs.
  // Read as `auth: <value>`, an app's id became a credential, replaced in every URL naming the app.
  if (before === 58 && text.charCodeAt(at) === 58 && !quoted) return undefined;
  const inQuery = before === 63 || before === 38 || before === 35; // ? & #
  // `<input name="email" value="…">`, and .NET's `<add key="ClearTextPassword" value="…"/>`
  // (NuGet "nuget.config reference" › packageSourceCredentials; appSettings): an attribute names
  // the field, the `value` attribute holds the data.
  const attribute = keys.attribute && text.charCodeAt(at) === 61 && codeAt(text, at + 1) !== 61;
  // (In a query, RFC 6749 §4.1.2's `code` and the keys isCodeName names; elsewhere the same names
  // hold error codes and sort keys as often, so only a generated-looking value goes.)
  const needsOpaque = keys.code;
  if (needsOpaque) kind = 'secret';
  if (kind === undefined && !attribute) return undefined;
  // (Read once: asked four times below at every `=` of an assignment-dense text.)
  const personal = kind !== undefined && isPersonalKind(kind);
  const next = codeAt(text, at + 1);
  // `'password:', password`: the key and its colon are a string of code (a label), and the quote
  // after the colon closes it; no value follows.
  if (!quoted && isQuote(next) && codeAt(text, keyStart - 1) === next) return undefined;
  // Go's, Pascal's and make's `:=` assigns like `=` (a personal field's `name: …` is prose).
  const colonEquals = text.charCodeAt(at) === 58 && next === 61;
  if (personal && text.charCodeAt(at) === 58 && !colonEquals && !quoted) return undefined;
  // Past the operator: PHP's and Ruby's `'api_key' => '…'` (an error page's dump of a config
  // array), `:=`, and a comparison with a literal in code an error page shows (`api_key == "…"`,
  // `===`): a secret written into source (detect-secrets KeywordDetector reads these).
  let valueFrom = at + 1;
  if (colonEquals || (text.charCodeAt(at) === 61 && next === 62)) valueFrom = at + 2;
  else if (next === 61) valueFrom = codeAt(text, at + 2) === 61 ? at + 3 : at + 2;
  // A code-like name takes only a generated value, which opens with a letter or a digit (after a
  // quote, maybe): `code==code==…` is ruled out here, before a value is read at every `=`.
  if (needsOpaque && !inQuery && !opensGenerated(text, valueFrom)) return undefined;
  const span = valueSpan(text, valueFrom, to, runs);
  if (span === undefined) return undefined;
  // A value a judged one of its run already ruled out (see OpaqueRuns) goes before it is read,
  // unless it is short enough to name an attribute's field.
  if (needsOpaque && (!attribute || span.end - span.start > KEY_LIMIT) && opaque.ruledOut(span, inQuery))
    return undefined;
  if (kind !== undefined && !personal && isEnvLine(text, at, keyStart, span.start))
    span.end = lineEnd(text, span.end, Math.min(to, span.start + VALUE_LIMIT));
  const value = text.slice(span.start, span.end);
  if (attribute) {
    // A field's name is as long as a key at most: a longer run (`name=ghp_:name=…`, 8 KiB) was
    // classified word by word at every `name=` in it, and each cached.
    const named = value.length <= KEY_LIMIT ? fieldKind(value) : undefined;
    // A form field posts like a query parameter: an OAuth `code` in a hidden input (OAuth 2.0
    // Form Post Response Mode §2, `response_mode=form_post`) goes when it looks opaque.
    const code = named === undefined && value.length <= KEY_LIMIT && isCodeName(value);
    const html = named !== undefined || code ? htmlValueSpan(text, span.end, to, tags) : undefined;
    if (html !== undefined && html.end > html.start) {
      const htmlValue = text.slice(html.start, html.end);
      if (code && !isCodeCredential(htmlValue, true)) return undefined;
      // Script's `var key = …; value = method.value`: a path, not an attribute's value.
      if (isDocPlaceholder(htmlValue) || isCodeReference(text, html, htmlValue)) return undefined;
      return { ...html, kind: named ?? 'secret' };
    }
    // `key=…` that names no field is still a code-like name, judged below.
    if (!needsOpaque) return undefined;
  }
  // Judged first, by a look at the characters (cached along a run, O(1) past 4 KiB): `key=key=…`
  // reaches here at every `=`, and the placeholder and code checks below cost more per value.
  if (needsOpaque && !opaque.judge(value, span.start, span.end, inQuery)) return undefined;
  if (kind === undefined) return undefined;
  if (kind === 'name' || kind === 'address') span.end = capitalisedWordsEnd(text, span.end, to);
  if (value.trim() === '' || isPlaceholder(value) || isDocPlaceholder(value)) return undefined;
  if (value[0] === '{' || value[0] === '[' || value[0] === '$') return undefined;
  if (isCodeReference(text, span, value, personal) || (value.length <= 9 && CODE_WORDS.has(value)))
    return undefined;
  if (personal) {
    // Script compares and assigns names and lines of its own (`line[0] === ' '`, `var line =
    // getLine(state)`): a comparison holds no one's data, nor does an unquoted camelCase name.
    if (text.charCodeAt(at) === 61 && next === 61) return undefined;
    if (!isQuote(text.charCodeAt(span.start - 1)) && value.length <= 24 && isCamelCaseName(value))
      return undefined;
  } else if (value.length < 4) return undefined;
  // A generated key or token is one word: `UnexpectedToken: 'Unexpected token %0'` is a message.
  if ((kind === 'token' || kind === 'api-key') && value.includes(' ')) return undefined;
  // Code compares a key with a word of its own (`e.key === "Escape"`), not with a secret.
  if (text.charCodeAt(at) === 61 && next === 61 && value.length <= 16 && /^[A-Za-z]+$/.test(value))
    return undefined;
  // A language model's token in a logged stream (`"token":" knee"`: see isTextFragment).
  if (kind === 'token' && isTextFragment(value, 0, value.length)) return undefined;
  // `credentials: "omit"`, `password: required`: code and schemas name the field with a word;
  // `{"X-Api-Key": apiKey}`: script passes a variable (camelCase, no digit), not its value.
  if (
    !personal &&
    ((value.length <= 12 && isHyphenatedWord(value)) ||
      (value.length <= 24 && (isCamelCaseName(value) || isPascalCaseName(value))))
  )
    return undefined;
  // As in JSON: a value that cannot be its field's kind is left to the other detectors (a
  // loopback `ip_address: 127.0.0.1` in a logged audit record, a domain under `email`).
  if (!fitsKind(kind, text, span.start, span.end, runs.searches)) return undefined;
  span.kind = kind;
  return span;
}

/** text[at], past up to three blanks and one quote, is an ASCII letter or digit. */
function opensGenerated(text: string, at: number): boolean {
  let i = at;
  while (i < at + 3 && (codeAt(text, i) === 32 || codeAt(text, i) === 9)) i++;
  const quote = codeAt(text, i);
  if (quote === 34 || quote === 39 || quote === 96) i++;
  const code = codeAt(text, i);
  return isAsciiLetter(code) || isDigit(code);
}

/** `name` or `key`, any case: an attribute that names the field a later `value` attribute holds. */
function isAttributeName(key: string): boolean {
  // (Compared by code: an assignment-dense text asks this once per `=`.)
  if (key.length === 3)
    return (
      (key.charCodeAt(0) | 32) === 107 && (key.charCodeAt(1) | 32) === 101 && (key.charCodeAt(2) | 32) === 121
    );
  return (
    key.length === 4 &&
    (key.charCodeAt(0) | 32) === 110 &&
    (key.charCodeAt(1) | 32) === 97 &&
    (key.charCodeAt(2) | 32) === 109 &&
    (key.charCodeAt(3) | 32) === 101
  );
}

/**
 * `Authorization` or `Proxy-Authorization`, any case (RFC 9110 §11.6.2, §11.7.2). Compared by
 * length first: an assignment-dense text (`pwd="` repeated) asks this once per `=`.
 */
function isAuthorizationName(key: string): boolean {
  return (key.length === 13 || key.length === 19) && /^(?:proxy-)?authorization$/i.test(key);
}

/** `omit`, `same-origin`: lower-case words joined by single hyphens (`^[a-z]+(?:-[a-z]+)*$`). */
function isHyphenatedWord(value: string): boolean {
  let letters = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isLower(code)) letters++;
    else if (code === 45 && letters > 0) letters = 0;
    else return false;
  }
  return letters > 0;
}

/** `apiKey`, `accessToken`: a camelCase name (`^[a-z]+(?:[A-Z][a-z]+)+$`). */
function isCamelCaseName(value: string, from = 0): boolean {
  let i = from;
  while (i < value.length && isLower(value.charCodeAt(i))) i++;
  if (i === from || i === value.length) return false;
  while (i < value.length) {
    const code = value.charCodeAt(i++);
    if (code < 65 || code > 90) return false;
    const from = i;
    while (i < value.length && isLower(value.charCodeAt(i))) i++;
    if (i === from) return false;
  }
  return true;
}

/**
 * `NAME=value` alone on its line, unquoted (a dotenv file, `env` output; dotenv "Rules": the value
 * runs to the end of the line): a secret's value may hold spaces there (a BIP-0039 mnemonic, a
 * passphrase, a security answer) and would otherwise be cut at its first word.
 */
function isEnvLine(text: string, at: number, keyStart: number, valueStart: number): boolean {
  const before = codeAt(text, keyStart - 1);
  return (
    text.charCodeAt(at) === 61 && valueStart === at + 1 && (keyStart === 0 || before === 10 || before === 13)
  );
}

function lineEnd(text: string, from: number, limit: number): number {
  let end = from;
  while (end < limit && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  while (end > from && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

/**
 * `process.env.API_KEY`, `os.environ.get`, `z.string().min(8)`: code naming where a secret comes
 * from (a dotted identifier path, or a name called as a function), not the secret. Minified
 * script chains such paths with logical operators (`this.credentials=e.credentials||
 * this.credentials||"same-origin"`, from the Fetch polyfill a page loads); no credential holds
 * `||`, `&&` or `??` between identifiers.
 */
function isCodeReference(
  text: string,
  span: { start: number; end: number },
  value: string,
  personal = false,
): boolean {
  if (codeAt(text, span.end) === 40) return true; // (
  // A code expression is short: a longer value is no code read here. (An unquoted value runs to
  // the next blank or quote, up to 8 KiB; where its key recurs inside it, each assignment read
  // the rest of the run again: `password=email.` repeated, and `::[email=` repeated, which spent
  // a fifth of its time searching each for a digit.)
  if (value.length > CODE_EXPRESSION_LIMIT) return false;
  // Which of the characters the expressions below need the value holds, read once: a dozen
  // includes and tests per assignment were a fifth of the assignments' cost on text of short
  // `key=value` pairs (`token::pwd=">` repeated).
  const marks = markedCharacters(value);
  // An element or a property read through an index or optional chaining (`o[key]`,
  // `arguments[_key]`, `t[2]`, `attrs[i].value`, `options?.createKey`), or one assigned
  // (`i=e.value`): no credential or name holds brackets or `?.` between identifiers.
  if ((marks & MARK_BRACKET) !== 0 || ((marks & MARK_QUESTION) !== 0 && value.includes('?.'))) {
    if (INDEXED_PATH.test(value)) return true;
    // Cut at a blank inside the last index (`keys[keys.length - 1]`).
    if (text.charCodeAt(span.end) === 32 && INDEXED_PATH_CUT.test(value)) return true;
  }
  // TypeScript's CommonJS output names each import `<module>_1` (`messages_1.Messages.Unexpected`).
  if ((marks & (MARK_DIGIT | MARK_DOT)) === (MARK_DIGIT | MARK_DOT) && MODULE_ALIAS_PATH.test(value))
    return true;
  if ((marks & MARK_DIGIT) !== 0) return false;
  if (
    (marks & MARK_DOT) !== 0 &&
    (((marks & MARK_EQUALS) !== 0 && ASSIGNED_PATH.test(value)) ||
      ((marks & MARK_QUESTION) !== 0 && CHOSEN_PATH.test(value)))
  )
    return true;
  // An identifier indexed (`os.environ['API_KEY']`, `request.headers["apikey"]`, `config[`): the
  // value stops at the quote inside the brackets.
  if (value.endsWith('[')) return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\[$/.test(value);
  // (A person's handle is written so too, `j.smith`: under a personal field a path must name a
  // member in camelCase or start at an object script always has.)
  if ((marks & MARK_DOT) !== 0 && /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))
    return (
      !personal ||
      /\.[a-z]+[A-Z]/.test(value) ||
      /^(?:this|self|window|document|exports|module|process)\./.test(value)
    );
  if ((marks & (MARK_PIPE | MARK_AMPERSAND | MARK_QUESTION)) === 0) return false;
  if (!value.includes('||') && !value.includes('&&') && !value.includes('??')) return false;
  return /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\|\||&&|\?\?))+(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)?$/.test(
    value,
  );
}

const CODE_EXPRESSION_LIMIT = 256;

const MARK_BRACKET = 1;
const MARK_QUESTION = 2;
const MARK_DOT = 4;
const MARK_EQUALS = 8;
const MARK_PIPE = 16;
const MARK_AMPERSAND = 32;
const MARK_DIGIT = 64;

/** Which of `[ ? . = | &` and the digits `value` holds (isCodeReference's MARK_ bits). */
function markedCharacters(value: string): number {
  let marks = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) marks |= MARK_DIGIT;
    else if (code === 91) marks |= MARK_BRACKET;
    else if (code === 63) marks |= MARK_QUESTION;
    else if (code === 46) marks |= MARK_DOT;
    else if (code === 61) marks |= MARK_EQUALS;
    else if (code === 124) marks |= MARK_PIPE;
    else if (code === 38) marks |= MARK_AMPERSAND;
  }
  return marks;
}

/** An identifier path with `.`, `?.` and index steps (`this._data[key]`, `attrs[i].value`). */
const INDEXED_PATH = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[[\w$.'" -]{1,40}\])+$/;
/** The same, its last index (a path itself: `keys.length`) cut where the value stopped. */
const INDEXED_PATH_CUT =
  /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[[\w$.'" -]{1,40}\])*\[[A-Za-z_$][\w$]*\.[\w$.]{1,40}$/;
/** `utils_1.default.token`: a path of two steps or more from TypeScript's `<module>_<n>` import alias, no digit after it. */
const MODULE_ALIAS_PATH = /^[A-Za-z_$][A-Za-z_$]*_\d{1,2}(?:\.[A-Za-z_$][A-Za-z_$]*){2,}$/;
/** An identifier path (`a.keys.client_key`). */
const PATH = '[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*';
/**
 * Paths assigned (`i=e.value`, `this.a=this.b=e`) or chosen (`t?a.keys.server:a.keys.client`):
 * script, whose minified form has no blank to end a value at. A side must hold a `.`, so
 * `token=abc=def` stays a value.
 */
const ASSIGNED_PATH = new RegExp(`^${PATH}=${PATH}(?:=${PATH})*$`);
const CHOSEN_PATH = new RegExp(`^${PATH}\\?${PATH}:${PATH}$`);
/** Script's own words where a value would be: `var zip = new AdmZip(…)`, `var zip = this`. */
const CODE_WORDS = new Set([
  'new',
  'this',
  'null',
  'undefined',
  'true',
  'false',
  'function',
  'typeof',
  'void',
  'await',
]);

/** `SnapshotManager`, `TemplateTag`: a PascalCase type name of two words or more (`^(?:[A-Z][a-z]+){2,}$`). */
function isPascalCaseName(value: string): boolean {
  const first = value.charCodeAt(0);
  return first >= 65 && first <= 90 && isCamelCaseName(value, 1);
}

function findAssignments(text: string, from: number, to: number, into: Span[]): void {
  const tags = new TagEnds();
  const runs = new ValueRuns();
  const opaque = new OpaqueRuns();
  const keys = new LastKey();
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 58 && code !== 61) continue;
    // A key must end right before (or a quote and spaces before): skip `::`, `==`, `: :`.
    const before = codeAt(text, i - 1);
    if (before === 58 || before === 61 || i === from) continue;
    const span = assignmentAt(text, i, from, to, tags, runs, opaque, keys);
    if (span === undefined) continue;
    into.push(span);
    i = Math.max(span.end, i + 1) - 1;
  }
}

/**
 * Every secret and piece of personal data the detectors find in text[from, to), ordered. `known`:
 * detectorGates of the same characters, when the caller has them (a JSON string's scan).
 */
export function detectSensitive(text: string, from = 0, to = text.length, known?: number): Span[] {
  const gates = known ?? detectorGates(text, from, to);
  if (gates === 0) return [];
  if (from === 0 && to === text.length) return detectAll(text, gates);
  // A range of a larger text (a value inside a body) is copied first: the finders search with
  // indexOf and sticky regexes, which would otherwise look past `to` to the end of the body.
  const spans = detectAll(text.slice(from, to), gates);
  for (const span of spans) {
    span.start += from;
    span.end += from;
  }
  return spans;
}

/**
 * What every family finds in `text`, with no gate ruling any out: the oracle of the gates' tests
 * (the gates only save work, they never hide a finding).
 */
export function detectWithoutGates(text: string): Span[] {
  return detectAll(text, ALL_GATES);
}

const ALL_GATES = GATE_TOKENS | GATE_DIGITS | GATE_PUNCT | GATE_EMAIL | GATE_NUMBERS | GATE_HYPHENS;

function detectAll(text: string, gates: number): Span[] {
  const to = text.length;
  const spans: Span[] = [];
  // (An SSH2 key's `---- BEGIN` line holds no colon; its eight dashes open the hyphens gate.)
  if (gates & (GATE_PUNCT | GATE_HYPHENS)) findPrivateKeys(text, 0, to, spans);
  if (gates & GATE_PUNCT) {
    findAuthSchemes(text, 0, to, spans);
    findUrlSecrets(text, 0, to, spans);
    findDataUris(text, 0, to, spans);
    findAssignments(text, 0, to, spans);
    findIpv6(text, 0, to, spans);
  }
  if (gates & GATE_TOKENS) {
    findSecretTokens(text, 0, to, spans);
    findBitcoinAddresses(text, 0, to, spans);
  }
  if (gates & GATE_DIGITS) {
    if (gates & GATE_NUMBERS) findNumbers(text, 0, to, spans);
    findIbans(text, 0, to, spans);
    findNationalIds(text, 0, to, spans);
    findBirthDates(text, 0, to, spans);
  }
  if (gates & (GATE_EMAIL | GATE_PUNCT)) findEmails(text, 0, to, spans);
  if (gates & (GATE_PUNCT | GATE_HYPHENS)) findMacAddresses(text, 0, to, spans);
  return orderedSpans(spans);
}
