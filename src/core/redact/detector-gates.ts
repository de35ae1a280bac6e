/** Bits returned by detectorGates: which detector families could possibly match a text. */
export const GATE_TOKENS = 1;
export const GATE_DIGITS = 2;
export const GATE_PUNCT = 4;
export const GATE_EMAIL = 8;

/** The shortest key any token pattern accepts is 15+ characters with no space (AKIA + 16). */
const MIN_TOKEN_RUN = 15;
/** Fewest digits in a phone, card, SSN, CPF or IBAN (digits and their separators, one run). */
const MIN_DIGIT_GROUP = 9;
/** A NINO has six digits; an IPv4 address at least four with three dots. */
const MIN_SHORT_GROUP = 4;

const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?$/;
const AUTH_SCHEME = /[Bb][Ee][Aa][Rr][Ee][Rr]\s|[Bb][Aa][Ss][Ii][Cc]\s/;

function isTokenCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 || // _
    code === 45 || // -
    code === 46 || // .
    code === 43 || // +
    code === 47 || // /
    code === 61 // =
  );
}

/**
 * One pass over the characters deciding which detector families are worth running: most strings
 * in an API body (ids, statuses, timestamps, prose) can be ruled out here for the price of a
 * loop, which is what keeps redaction of a megabyte body within 2x of parsing it.
 */
export function detectorGates(text: string): number {
  if (ISO_TIMESTAMP.test(text)) return 0;
  let gates = 0;
  let run = 0;
  let maxRun = 0;
  let digits = 0;
  let dots = 0;
  let maxDigits = 0;
  let maxDots = 0;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isTokenCode(code)) {
      run++;
      if (run > maxRun) maxRun = run;
    } else run = 0;
    if (code >= 48 && code <= 57) digits++;
    else if (code === 46) dots++;
    else if (code !== 32 && code !== 45 && code !== 40 && code !== 41 && code !== 43 && code !== 47) {
      if (digits > maxDigits) maxDigits = digits;
      if (dots > maxDots && digits >= MIN_SHORT_GROUP) maxDots = dots;
      digits = 0;
      dots = 0;
      if (code === 64 || code === 37)
        gates |= GATE_EMAIL; // @ or %40
      else if (code === 58 || code === 61)
        gates |= GATE_PUNCT; // : or =
      else if (code >= 65 && code <= 90) upper = true;
    }
  }
  if (digits > maxDigits) maxDigits = digits;
  if (dots > maxDots && digits >= MIN_SHORT_GROUP) maxDots = dots;
  if (maxRun >= MIN_TOKEN_RUN) gates |= GATE_TOKENS;
  if (maxDigits >= MIN_DIGIT_GROUP || (maxDigits >= MIN_SHORT_GROUP && (maxDots >= 3 || upper)))
    gates |= GATE_DIGITS;
  if ((gates & GATE_PUNCT) === 0 && (text.includes('-----') || AUTH_SCHEME.test(text))) gates |= GATE_PUNCT;
  return gates;
}
