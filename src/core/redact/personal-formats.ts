import type { RedactionKind, Span } from './session.ts';

/**
 * Personal-data formats found by their shape and checked by the rule that defines them: payment
 * cards (issuer range + Luhn), IBANs (per-country length + mod 97), phone numbers (a calling
 * code's national number lengths, or a national layout), US SSNs, Brazilian CPFs, Indian Aadhaar
 * and PAN, UK National Insurance numbers, Spanish DNI/NIE, Singapore NRIC/FIN, IPv4/IPv6 addresses, emails and dates of birth written next to the words
 * that say so. Every scanner here is a loop over the text with bounded look-around: no pattern
 * can backtrack, so a megabyte of digits, dots or at-signs costs what one pass costs.
 */

// ---------------------------------------------------------------------------------------------
// Check digits and registries

/** Luhn (mod 10) over a string of digits (ISO/IEC 7812-1 Annex B). */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * IBAN length per country, from the SWIFT IBAN Registry (release 99, "IBAN length" per country):
 * a candidate must have its country's exact length before the ISO 13616 mod-97 check.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 ' +
    'EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 ' +
    'IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 ' +
    'NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 ' +
    'SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30'
  )
    .split(' ')
    .map((item) => [item.slice(0, 2), Number(item.slice(2))]),
);

/** ISO 13616-1: the country's registered length, then mod 97 = 1 over the rearranged number. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '').toUpperCase();
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** Brazilian CPF (Receita Federal): two mod-11 check digits; all-equal numbers are invalid. */
export function cpfValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return false;
  const checkDigit = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return checkDigit(9) === Number(digits[9]) && checkDigit(10) === Number(digits[10]);
}

/** US SSN (SSA "Social Security Number Randomization"): area not 000/666/9xx, group not 00, serial not 0000. */
export function ssnValid(candidate: string): boolean {
  const match = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(candidate);
  if (match === null) return false;
  const [, area = '', group = '', serial = ''] = match;
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/**
 * US ITIN (IRS "Individual Taxpayer Identification Number" › General ITIN information): nine
 * digits laid out as an SSN, always starting with 9, the fourth and fifth digits in 50-65, 70-88,
 * 90-92 or 94-99. (The 9xx area an SSN never has.)
 */
export function itinValid(candidate: string): boolean {
  const match = /^9\d\d-?(\d\d)-?\d{4}$/.exec(candidate);
  if (match === null) return false;
  const group = Number(match[1]);
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    group >= 94
  );
}

/**
 * Türkiye's T.C. Kimlik No (Presidio TrNationalIdRecognizer; Nüfus ve Vatandaşlık İşleri, the
 * identity number's check digits): 11 digits, the first not 0; the tenth is (7 × the sum of the
 * odd-placed first nine − the sum of the even-placed) mod 10, the eleventh the sum of the first
 * ten mod 10. Two check digits: one random 11-digit number in a hundred passes.
 */
export function tcknValid(candidate: string): boolean {
  if (!/^[1-9]\d{10}$/.test(candidate)) return false;
  const d = Array.from(candidate, Number);
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + (d[6] ?? 0) + (d[8] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0) + (d[7] ?? 0);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  if (tenth !== d[9]) return false;
  return d.slice(0, 10).reduce((sum, digit) => sum + digit, 0) % 10 === d[10];
}

/**
 * UK National Insurance number (HMRC NIM39110): D, F, I, Q, U, V never in the prefix, O never
 * second, BG, GB, KN, NK, NT, TN, ZZ not allocated; suffix A-D.
 */
export function ninoValid(candidate: string): boolean {
  const nino = candidate.replace(/ /g, '');
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(nino)) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(nino.slice(0, 2));
}

/**
 * Aadhaar (UIDAI "Aadhaar number": 12 digits, the first 2-9, the last a Verhoeff check digit;
 * Presidio InAadhaarRecognizer). Verhoeff (1969): dihedral group D5 tables.
 */
const VERHOEFF_D = Uint8Array.from(
  '0123456789123406789523401789563401289567401239567859876043216598710432765982104387659321049876543210',
  Number,
);
const VERHOEFF_P = Uint8Array.from(
  '01234567891576283094580379624189160435279453126870428657390127938064157046913258',
  Number,
);
export function aadhaarValid(candidate: string): boolean {
  let check = 0;
  let count = 0;
  // Walked from the right: the check digit is position 0 of the permutation.
  for (let i = candidate.length - 1; i >= 0; i--) {
    const code = candidate.charCodeAt(i);
    if (code === 32 || code === 45) continue;
    if (code < 48 || code > 57 || count === 12) return false;
    check = VERHOEFF_D[check * 10 + (VERHOEFF_P[(count % 8) * 10 + code - 48] ?? 0)] ?? 0;
    count++;
  }
  const first = candidate.charCodeAt(0);
  return count === 12 && first >= 50 && check === 0;
}

/** Spanish DNI/NIF and NIE (Ministerio del Interior "Cálculo del dígito de control"; Presidio EsNifRecognizer, EsNieRecognizer): the letter is the number mod 23. */
export function spanishIdValid(candidate: string): boolean {
  const match = /^([XYZ]?)(\d{7,8})-?([A-Z])$/.exec(candidate);
  if (match === null) return false;
  const [, lead = '', digits = '', letter = ''] = match;
  if ((lead === '' ? 8 : 7) !== digits.length) return false;
  const number = Number(lead === '' ? digits : String('XYZ'.indexOf(lead)) + digits);
  return 'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23] === letter;
}

/** The digits of `text` from `from` on, each times its weight, summed: the step most national check digits share. */
function weightedSum(text: string, from: number, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(text[from + i]) * (weights[i] ?? 0);
  return sum;
}

/** Singapore NRIC/FIN (ICA; Presidio SgFinRecognizer): weights 2765432, an offset of 4 for T and G, a letter table per series. */
export function nricValid(candidate: string): boolean {
  if (!/^[STFG]\d{7}[A-Z]$/.test(candidate)) return false;
  const sum =
    (candidate[0] === 'T' || candidate[0] === 'G' ? 4 : 0) + weightedSum(candidate, 1, [2, 7, 6, 5, 4, 3, 2]);
  const table = candidate[0] === 'S' || candidate[0] === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK';
  return table[sum % 11] === candidate[8];
}

/** A calendar date (month 1-12, the day within the month's length for that year). */
function dateValid(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/**
 * Polish PESEL (gov.pl "Numer PESEL" › "Jak jest zbudowany"; Presidio PlPeselRecognizer): 11
 * digits, YYMMDD with the century in the month (+80 for 1800s, +20 for 2000s, +40, +60), a serial,
 * and a check digit: (10 − Σ dᵢ·wᵢ mod 10) mod 10 with weights 1 3 7 9 1 3 7 9 1 3.
 */
export function peselValid(candidate: string): boolean {
  if (!/^\d{11}$/.test(candidate)) return false;
  const sum = weightedSum(candidate, 0, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
  if ((10 - (sum % 10)) % 10 !== Number(candidate[10])) return false;
  const coded = Number(candidate.slice(2, 4));
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(coded / 20)] ?? 0;
  return dateValid(century + Number(candidate.slice(0, 2)), coded % 20, Number(candidate.slice(4, 6)));
}

/**
 * Australian tax file number (ATO "Tax file number" algorithm, as Presidio AuTfnRecognizer checks
 * it): 9 digits whose sum weighted 1 4 3 7 5 8 6 9 10 is a multiple of 11.
 */
export function tfnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  return weightedSum(digits, 0, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}

/**
 * Australian Medicare card number (Presidio AuMedicareRecognizer): 10 digits (11 with the
 * individual reference number), the first 2-6, the ninth the sum of the first eight weighted
 * 1 3 7 9 1 3 7 9, mod 10.
 */
export function medicareValid(digits: string): boolean {
  if (!/^[2-6]\d{9,10}$/.test(digits)) return false;
  return weightedSum(digits, 0, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === Number(digits[8]);
}

/**
 * NHS number (NHS Data Dictionary "NHS Number": 10 digits, the last a modulus 11 check over the
 * first nine weighted 10 to 2; Presidio UkNhsRecognizer).
 */
function nhsValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const check = (11 - (weightedSum(digits, 0, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** Dutch BSN (Rijksoverheid "Burgerservicenummer", the 11-proof: weights 9 to 2, then −1). */
function bsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  return (weightedSum(digits, 0, [9, 8, 7, 6, 5, 4, 3, 2]) - Number(digits[8])) % 11 === 0;
}

/** German Steuer-ID (BZSt "Steuerliche Identifikationsnummer": 11 digits, ISO 7064 MOD 11,10 check). */
function steuerIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    const sum = (Number(digits[i]) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === Number(digits[10]);
}

/** Swedish personnummer (Skatteverket: YYMMDD-NNNC, Luhn over the ten digits; day + 60 in a samordningsnummer). */
function personnummerValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || !luhn(digits)) return false;
  const day = Number(digits.slice(4, 6));
  return dateValid(2000, Number(digits.slice(2, 4)), day > 60 ? day - 60 : day);
}

/** Some ASCII letter lies in the `count` characters before `end` (where a context word must end). */
function letterBefore(text: string, end: number, count: number): boolean {
  for (let i = Math.max(0, end - count); i < end; i++) if (isAsciiLetter(text.charCodeAt(i))) return true;
  return false;
}

/**
 * A number a word shortly before it names as a national identifier, for the identifiers whose
 * digits alone are too common to take on sight (Presidio gives these recognizers context words
 * for the same reason): an Aadhaar number written without its groups, an Australian TFN or
 * Medicare number, a UK NHS number (else read as a phone), a Canadian SIN (Luhn; Employment and
 * Social Development Canada), a Dutch BSN, a German Steuer-ID, a Swedish personnummer (ten digits
 * or twelve), a US passport number (9 digits; Presidio UsPassportRecognizer), a US SSN or ITIN
 * without its dashes.
 */
const ID_CONTEXT =
  /(aadhaa?r|uidai|\btfn|tax file|medicare|\bnhs|\bsin|social insurance|\bbsn|burgerservicenummer|steuer-?id|identifikationsnummer|personnummer|passport|\bssn|social security|\bitin|taxpayer identification)\W{0,6}(?:(?:no|num|number|nr)\b\W{0,3})?(?:is\W{1,3})?$/i;

/** The digits of text[start, end) name a national id by the word before them (ID_CONTEXT). */
function contextualIdAt(text: string, start: number, end: number): boolean {
  // Every context word ends in an ASCII letter, and at most 6 characters come after it.
  if (!letterBefore(text, start, 7)) return false;
  const context = ID_CONTEXT.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase();
  if (context === undefined) return false;
  const digits = digitsOf(text, start, end);
  if (context.startsWith('aadhaa') || context === 'uidai') return aadhaarValid(digits);
  if (context === 'tfn' || context === 'tax file') return tfnValid(digits);
  if (context === 'medicare') return medicareValid(digits);
  if (context === 'nhs') return nhsValid(digits);
  if (context === 'sin' || context === 'social insurance') return digits.length === 9 && luhn(digits);
  if (context === 'bsn' || context === 'burgerservicenummer') return bsnValid(digits);
  if (context.startsWith('steuer') || context === 'identifikationsnummer') return steuerIdValid(digits);
  // Skatteverket writes the birth year whole as well (YYYYMMDD-NNNC): the check reads the last ten.
  if (context === 'personnummer')
    return personnummerValid(/^(?:18|19|20)\d{10}$/.test(digits) ? digits.slice(2) : digits);
  // An SSN or ITIN written without its dashes (`The SSN 648183671 …`): the same area and group
  // rules as the dashed layout (Presidio UsSsnRecognizer's context words: ssn, social security).
  if (
    context === 'ssn' ||
    context === 'social security' ||
    context === 'itin' ||
    context === 'taxpayer identification'
  )
    return ssnValid(digits) || itinValid(digits);
  return digits.length === 9;
}

/**
 * South Korean resident registration number (Presidio KrRrnRecognizer; Ministry of the Interior
 * and Safety, "주민등록번호" layout): YYMMDD-GNNNNNN, G the sex/century digit (1-4 for 1900s and
 * 2000s, 5-8 for foreign residents, 9/0 for 1800s, not read). The last digit was a check digit until the
 * Ministry made the six digits after G random for numbers issued from October 2020 (its notice of
 * 2020-10-05 on the abolition of regional codes), so no checksum can be required: the date and G
 * decide, and only in the hyphenated layout (6 digits, `-`, 7 digits).
 */
export function krRrnValid(candidate: string): boolean {
  const digits = candidate.replace('-', '');
  if (!/^\d{13}$/.test(digits)) return false;
  const g = Number(digits[6]);
  // 9 and 0 marked births in the 1800s: no one holding such a number is alive, and a number of
  // that shape is something else (Presidio's KrRrnRecognizer reads G as 1-4 and its FRN one as 5-8).
  if (g === 9 || g === 0) return false;
  const century = g <= 2 || g === 5 || g === 6 ? 1900 : 2000;
  return dateValid(
    century + Number(digits.slice(0, 2)),
    Number(digits.slice(2, 4)),
    Number(digits.slice(4, 6)),
  );
}

/**
 * Italian codice fiscale (Agenzia delle Entrate "Codice fiscale"; D.M. 12/03/1974 and D.M.
 * 23/12/1976 for the check character; Presidio ItFiscalCodeRecognizer): 6 letters of surname and
 * name, YY, a month letter, DD (+40 for women), a municipality code, a check letter. Digits may be
 * replaced by LMNPQRSTUV when two people would share a code (omocodia). Check: the characters in
 * odd positions map through ODD, the even ones to their value (0-9, A-Z = 0-25), sum mod 26 → A-Z.
 */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
export function italianFiscalCodeValid(candidate: string): boolean {
  if (!/^[A-Z]{6}[\dLMNP-V]{2}[ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]$/.test(candidate))
    return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code = candidate.charCodeAt(i);
    const value = code <= 57 ? code - 48 : code - 65;
    sum += i % 2 === 0 ? (CF_ODD[value] ?? 0) : value;
  }
  return candidate.charCodeAt(15) === 65 + (sum % 26);
}

/**
 * Country calling code → national significant number length (ITU-T E.164 §6 and each country's
 * numbering plan as notified to the ITU; the lengths are those libphonenumber's metadata lists as
 * possible for the code, from 7 digits up, and test/unit/redact checks this table against
 * libphonenumber-js). libphonenumber-js itself would cost ~30 KB gzipped in the panel, whose
 * whole budget is 60 KB, for what this table decides here: whether `+CC` and the digits after
 * it can be a phone number.
 */
const CALLING_CODES: ReadonlyMap<string, readonly [number, number]> = new Map(
  (
    '1:10 7:10-14 20:8-10 27:7-10 30:10-12 31:7-11 32:8-9 33:9 34:9 36:8-9 39:7-12 40:9 41:9-12 43:7-13 ' +
    '44:7-10 45:8 46:7-12 47:8 48:7-10 49:7-15 51:8-9 52:10 53:7-10 54:10-11 55:8-11 56:9-11 57:8-11 ' +
    '58:10 60:8-10 61:7-12 62:7-17 63:8-13 64:7-10 65:8-11 66:8-13 81:8-17 82:8-14 84:7-10 86:7-12 ' +
    '90:7-13 91:8-13 92:8-12 93:9 94:9 95:7-10 98:7-10 211:9 212:9 213:8-9 216:8 218:9 220:7-9 221:9 ' +
    '222:8 223:8 224:8-9 225:10 226:8 227:8 228:8 229:10 230:7-10 231:7-9 232:8 233:8-9 234:10-14 ' +
    '235:8 236:8 237:8-9 238:7 239:7 240:9 241:7-8 242:9 243:7-10 244:9 245:7-9 246:7 248:7 249:9 ' +
    '250:8-9 251:9 252:7-9 253:8 254:7-10 255:9 256:9 257:8 258:8-9 260:9 261:9 262:9 263:7-10 ' +
    '264:8-9 265:7-9 266:8 267:7-10 268:8-9 269:7 291:7 297:7 350:8 351:9 352:7-11 353:7-10 354:7-9 ' +
    '355:7-9 356:8 357:8 358:7-12 359:7-12 370:8 371:8 372:7-10 373:8 374:8 375:7-11 376:8-9 377:8-9 ' +
    '378:8-10 380:9-10 381:7-12 382:8-9 383:8-12 385:7-9 386:7-8 387:8-9 389:8 420:9-12 421:7-9 ' +
    '423:7-9 501:7-11 502:8-11 503:7-11 504:8-11 505:8 506:8-10 507:7-11 508:9 509:8 590:9 591:8-9 ' +
    '592:7 593:8-11 594:9 595:7-11 596:9 597:7 598:7-13 599:7-8 670:7-8 673:7 674:7 675:7-8 676:7 ' +
    '677:7 678:7 679:7-11 680:7 681:9 683:7 685:7-10 686:8 688:7 689:8-9 690:7 691:7 692:7 850:8-10 ' +
    '852:7-11 853:7-8 855:8-10 856:8-10 880:7-10 886:7-11 960:7-10 961:7-8 962:8-9 963:8-9 964:8-10 ' +
    '965:7-8 966:9-10 967:7-9 968:7-9 970:8-10 971:7-12 972:7-12 973:8 974:7-11 975:7-8 976:8-10 ' +
    '977:8-11 992:9 993:8 994:9 995:9 996:9-10 998:9'
  )
    .split(' ')
    .map((item) => {
      const [code = '', range = ''] = item.split(':');
      const [low = '0', high = low] = range.split('-');
      return [code, [Number(low), Number(high)] as const];
    }),
);

/** `digits` (calling code first, no trunk prefix) can be an E.164 number of a known calling code. */
export function e164Plausible(digits: string): boolean {
  if (digits.length > 15) return false;
  for (let length = 1; length <= 3; length++) {
    const range = CALLING_CODES.get(digits.slice(0, length));
    if (range === undefined) continue;
    const national = digits.length - length;
    return national >= range[0] && national <= range[1];
  }
  return false;
}

/** Exposed for the test that compares it with libphonenumber-js. */
export function callingCodes(): ReadonlyMap<string, readonly [number, number]> {
  return CALLING_CODES;
}

// ---------------------------------------------------------------------------------------------
// Character helpers

/**
 * text.charCodeAt(at), NaN past either end as charCodeAt reads it, without reading out of bounds:
 * for reads before a candidate or at a fixed offset after it, which may fall off the text. Once a
 * charCodeAt has read past an end, V8 compiles it from then on as a call to its builtin, not an
 * inline load (the failed bounds check disallows that speculation at the call site: v8
 * src/compiler/js-call-reducer.cc, ReduceStringPrototypeStringAt). In a process that sanitized
 * varied bodies (the CLI on a HAR, the fuzz), 60 such sites across the detectors had become calls.
 */
export function codeAt(text: string, at: number): number {
  return at >= 0 && at < text.length ? text.charCodeAt(at) : NaN;
}

/** An ASCII digit. Shared with detect.ts. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A-Z or a-z (folding the case bit maps exactly those onto a-z). Shared with detect.ts. */
export function isAsciiLetter(code: number): boolean {
  return ((code | 32) - 97) >>> 0 < 26;
}

function isAsciiWord(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** A letter of any script: anything past ASCII except spaces and punctuation blocks. */
function isWideLetter(code: number): boolean {
  return (
    code > 0xbf &&
    code !== 0xd7 &&
    code !== 0xf7 &&
    !(code >= 0x2000 && code <= 0x206f) &&
    !(code >= 0x3000 && code <= 0x303f) &&
    code !== 0xfeff
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers: cards, phones, SSN, CPF, IPv4

/** Words that, shortly before a bare number, say it is a phone number. */
const PHONE_CONTEXT =
  /(?:phone|tel|mobile|cell|call|fax|sms|whatsapp|contact|dial|telefon|t[ée]l[ée]phone|m[óo]vil|handy)\W{0,6}[\w ]{0,12}$/i;
/** Words that, shortly before a dotted quad with a small first number, say it is an address. */
const IP_CONTEXT =
  /(?:\bip|addr|address|host|client|from|remote|source|origin|forwarded|peer)\W{0,6}\S{0,10}\s?$/i;
// `v` and `@` only glued to the number (`v1.2.3.4`, `express@4.18.2.1`): `v 203.0.113.7` is prose
// around an address; the words may stand apart (`version: 4.18.2.1`).
const VERSION_CONTEXT = /(?:\bv|@)$|\b(?:version|ver|release|build|rev)\s?[:=]?\s?$/i;

interface Group {
  start: number;
  end: number;
}

function digitsOf(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) out += text[i];
  }
  return out;
}

/** A number ends on its own: no letter, digit or glue (`-`, `.` before an alphanumeric) after it. */
function endsAlone(text: string, end: number): boolean {
  const after = codeAt(text, end);
  if (isAsciiWord(after) || isWideLetter(after)) return false;
  if ((after === 45 || after === 46) && isAsciiWord(codeAt(text, end + 1))) return false;
  return true;
}

function startsAlone(text: string, start: number): boolean {
  const before = codeAt(text, start - 1);
  if (isAsciiWord(before) || isWideLetter(before)) return false;
  const twoBefore = codeAt(text, start - 2);
  if ((before === 45 || before === 46 || before === 47) && isAsciiWord(twoBefore)) return false;
  // `-.002`: the digits of a negative fraction, as SVG path data and minified code write numbers
  // (SVG 1.1 "Path data" grammar: `number` may open with a sign and a point).
  if (before === 46 && twoBefore === 45) return false;
  return true;
}

function cardGrouping(sizes: readonly number[]): boolean {
  const key = sizes.join(',');
  return (
    sizes.length === 1 ||
    key === '4,4,4,4' ||
    /^4,4,4,4,[1-3]$/.test(key) ||
    key === '4,6,5' ||
    key === '4,6,4' ||
    key === '4,4,4,1' ||
    key === '4,4,4,3'
  );
}

function cardAt(text: string, groups: readonly Group[], separators: readonly string[]): boolean {
  const sizes = groups.map((g) => g.end - g.start);
  if (!separators.every((s) => s === separators[0] && (s === ' ' || s === '-'))) return false;
  if (!cardGrouping(sizes)) return false;
  const first = groups[0];
  const last = groups[groups.length - 1];
  if (first === undefined || last === undefined) return false;
  const digits = digitsOf(text, first.start, last.end);
  return cardLengthFits(digits) && luhn(digits);
}

/**
 * Whether a number of 13-19 digits has a length its network issues, by its issuer identification
 * number (ISO/IEC 7812; the networks' ranges and lengths as tabulated in "Payment card number",
 * https://en.wikipedia.org/wiki/Payment_card_number#Issuer_identification_number_(IIN)): Visa (4)
 * 13, 16 or 19 digits; American Express (34, 37) 15; Mastercard (51-55, 2221-2720) 16; Mir
 * (2200-2204) 16-19; Diners and JCB (other 3s) 14-19; Maestro, Discover and UnionPay (50, 56-69)
 * 12-19. A Luhn check alone passes one number in ten: a 15-digit id opening with 4 (Stripe's
 * `network_transaction_id`) was read as a card.
 */
function cardLengthFits(digits: string): boolean {
  const length = digits.length;
  if (length < 13 || length > 19) return false;
  const lead = digits.charCodeAt(0) - 48;
  const second = digits.charCodeAt(1) - 48;
  if (lead === 4) return length === 13 || length === 16 || length === 19;
  if (lead === 3) return second === 4 || second === 7 ? length === 15 : length >= 14;
  if (lead === 2) return length >= 16;
  if (lead === 5) return second >= 1 && second <= 5 ? length === 16 : true;
  return lead === 6;
}

/** The digits of a group. */
function size(group: Group | undefined): number {
  return group === undefined ? 0 : group.end - group.start;
}

/** NANP (415) 555-0199, 415-555-0199, 415.555.0199 (NANPA: area and exchange start 2-9). */
function nanpAt(
  text: string,
  start: number,
  groups: readonly Group[],
  separators: readonly string[],
): boolean {
  // 3, 3 and 4 digits, compared as numbers: joining the sizes into a string per candidate was 15 %
  // of the number walk on runs of ten digits (`1987-03-1412`).
  if (groups.length !== 3 || size(groups[0]) !== 3 || size(groups[1]) !== 3 || size(groups[2]) !== 4)
    return false;
  const area = text.charCodeAt(groups[0]?.start ?? 0);
  const exchange = text.charCodeAt(groups[1]?.start ?? 0);
  if (area < 50 || exchange < 50) return false;
  const paren = text.charCodeAt(start) === 40;
  const [a = '', b = ''] = separators;
  if (paren) return (a === ') ' || a === ')' || a === ')-') && (b === '-' || b === ' ' || b === '.');
  return a === b && (a === '-' || a === '.' || a === ' ');
}

/** A number written nationally with its trunk prefix 0 in groups (020 7946 0958, 01 42 68 53 09). */
/**
 * Groups of a national number as written: two digits or more each, split by one separator, a
 * space, `-` or `.` (ITU-T E.123 §7.1 groups a national number with spaces; many plans use
 * hyphens or dots). One throughout: `2026-11-30 10` is a date and an hour.
 */
function nationalGroups(groups: readonly Group[], separators: readonly string[]): boolean {
  const first = separators[0];
  return (
    groups.length <= 5 &&
    groups.every((g) => g.end - g.start >= 2) &&
    (first === ' ' || first === '-' || first === '.') &&
    separators.every((s) => s === first)
  );
}

/**
 * A national number with its area code in parentheses, outside the NANP (nanpAt): Brazil's
 * `(11) 96123-4567`, Colombia's `(601) 2345678` (ITU-T E.123 §7.2: parentheses mark the digits not
 * always dialled). The area code has 2 to 4 digits, the whole 9 to 12.
 */
function areaInParenthesesAt(
  text: string,
  start: number,
  groups: readonly Group[],
  separators: readonly string[],
): boolean {
  const area = groups[0];
  if (area === undefined || groups.length < 2 || text.charCodeAt(start) !== 40) return false;
  const size = area.end - area.start;
  if (size < 2 || size > 4 || (separators[0] !== ') ' && separators[0] !== ')')) return false;
  const count = groups.reduce((sum, g) => sum + g.end - g.start, 0);
  return (
    count >= 9 &&
    count <= 12 &&
    groups.slice(1).every((g) => g.end - g.start >= 2) &&
    separators.slice(1).every((s) => s === ' ' || s === '-' || s === '.')
  );
}

/**
 * Russia's and Kazakhstan's national format, trunk prefix 8 and the area code in parentheses:
 * `8 (912) 345-67-89` (Rossvyaz numbering plan: 8, a 3-digit code, 7 digits).
 */
function trunkEightAt(text: string, groups: readonly Group[], separators: readonly string[]): boolean {
  const [trunk, area] = groups;
  if (trunk === undefined || area === undefined || trunk.end - trunk.start !== 1) return false;
  if (text.charCodeAt(trunk.start) !== 56) return false;
  if (separators[0] !== ' (' && separators[0] !== '(') return false;
  if (separators[1] !== ') ' && separators[1] !== ')') return false;
  const count = groups.reduce((sum, g) => sum + g.end - g.start, 0);
  return count === 11 && separators.slice(2).every((s) => s === '-' || s === ' ');
}

function trunkAt(text: string, groups: readonly Group[], separators: readonly string[]): boolean {
  const first = groups[0];
  if (first === undefined || groups.length < 2 || groups.length > 6) return false;
  if (text.charCodeAt(first.start) !== 48 || text.charCodeAt(first.start + 1) === 48) return false;
  if (!separators.every((s) => s === ' ' || s === '-' || s === '.' || s === '/' || s === ') ')) return false;
  const count = groups.reduce((sum, g) => sum + g.end - g.start, 0);
  return count >= 9 && count <= 12 && groups.every((g) => g.end - g.start >= 2);
}

/** `+CC …` or `00CC …`: the calling code's national lengths decide (the `(0)` trunk is not counted). */
function internationalAt(text: string, start: number, end: number): boolean {
  let digits = digitsOf(text, start, end);
  const plus = text.charCodeAt(start) === 43;
  if (!plus) {
    if (!digits.startsWith('00')) return false;
    digits = digits.slice(2);
  }
  const inside = text.slice(start, end).indexOf('(0)');
  if (inside !== -1) {
    const trunk = start + inside;
    const before = digitsOf(text, start, trunk).length - (plus ? 0 : 2);
    digits = digits.slice(0, before) + digits.slice(before + 1);
  }
  return digits.length >= 8 && e164Plausible(digits);
}

function ipv4At(
  text: string,
  start: number,
  groups: readonly Group[],
  separators: readonly string[],
): number {
  if (groups.length !== 4 || !separators.every((s) => s === '.')) return -1;
  const octets = groups.map((g) => Number(text.slice(g.start, g.end)));
  if (groups.some((g) => g.end - g.start > 3) || octets.some((o) => o > 255)) return -1;
  const [first = 0] = octets;
  if (first === 0 || first === 127 || octets.every((o) => o === 255)) return -1;
  const lead = text.slice(Math.max(0, start - 24), start);
  // `4.18.2.1` is a version; `v1.2.3.4` and `express@4.18.2.1` too, whatever the numbers.
  if (VERSION_CONTEXT.test(lead)) return -1;
  if (first < 10 && !IP_CONTEXT.test(lead)) return -1;
  let end = groups[3]?.end ?? start;
  // CIDR suffix (RFC 4632 §3.1): the network is as telling as the address.
  if (text.charCodeAt(end) === 47 && isDigit(text.charCodeAt(end + 1))) {
    let j = end + 1;
    while (j < end + 3 && isDigit(text.charCodeAt(j))) j++;
    if (Number(text.slice(end + 1, j)) <= 32 && !isDigit(text.charCodeAt(j))) end = j;
  }
  // A sentence may end right after the address (`from 203.0.113.7.`).
  const after = text.charCodeAt(end);
  if (after === 46 && isDigit(text.charCodeAt(end + 1))) return -1;
  if (after !== 46 && !endsAlone(text, end)) return -1;
  return end;
}

const RUN_LIMIT = 48;
const NUMBER_GLUE = new Uint8Array(128);
for (const char of ' -.()+') NUMBER_GLUE[char.charCodeAt(0)] = 1;

const SSN_GROUPS = [3, 2, 4];
const AADHAAR_GROUPS = [4, 4, 4];
const RRN_GROUPS = [6, 7];
/** UAE Emirates ID (ICP: 784-YYYY-NNNNNNN-C, the last a Luhn check over the 15 digits). */
const EMIRATES_ID_GROUPS = [3, 4, 7, 1];

/** The groups have these sizes and are split by one and the same character of `allowed`. */
function grouped(
  slice: readonly Group[],
  separators: readonly string[],
  sizes: readonly number[],
  allowed: string,
): boolean {
  if (slice.length !== sizes.length) return false;
  for (let i = 0; i < sizes.length; i++) {
    const group = slice[i];
    if (group === undefined || group.end - group.start !== sizes[i]) return false;
  }
  const separator = separators[separators.length - slice.length + 1] ?? '';
  if (separator.length !== 1 || !allowed.includes(separator)) return false;
  for (let i = separators.length - slice.length + 1; i < separators.length; i++)
    if (separators[i] !== separator) return false;
  return true;
}

/** The kind and end of the longest personal number starting at group `g` of a run, if any. */
function numberAt(
  text: string,
  groups: readonly Group[],
  gaps: readonly string[],
  g: number,
  runStart: number,
  into: Span[],
): number {
  const first = groups[g];
  if (first === undefined) return -1;
  // Where the candidate text starts: a `+` or `(` right before the first group belongs to it.
  let start = first.start;
  while (start > runStart && (text.charCodeAt(start - 1) === 43 || text.charCodeAt(start - 1) === 40))
    start--;
  if (!startsAlone(text, start)) return -1;
  // `…)+3864292196`, `(a=1)+65535)`: a `+` after a closing bracket adds (minified script).
  if (
    text.charCodeAt(start) === 43 &&
    (text.charCodeAt(start - 1) === 41 || text.charCodeAt(start - 1) === 93)
  )
    return -1;
  const plus = text.charCodeAt(start) === 43;
  // Every format below needs 9 digits, or 8 after `+`/`00`, or four groups (an IPv4 address):
  // a shorter candidate (a date `1987-03-14`, a time, an amount) is ruled out before any copy.
  let reach = 0;
  let available = 0;
  for (let k = g; k < groups.length && k < g + 8; k++, available++)
    reach += (groups[k]?.end ?? 0) - (groups[k]?.start ?? 0);
  const international = plus || (text.charCodeAt(start) === 48 && text.charCodeAt(start + 1) === 48);
  if (available < 4 && reach < (international ? 8 : 9)) return -1;
  const separators: string[] = [];
  // The groups g..k and their digits, grown by one group a step (the checks read them as they are
  // at that step, and keep neither): a copy and a sum per step made a run of 7 groups cost 27
  // arrays, 34x JSON.parse per MB for `4242 192.168.1987-03-14+44 <[` repeated.
  const slice: Group[] = [];
  let count = 0;
  let best = -1;
  let bestKind: RedactionKind = 'phone';
  for (let k = g; k < groups.length && k < g + 8; k++) {
    const last = groups[k];
    if (last === undefined) break;
    if (k > g) separators.push(gaps[k] ?? '');
    slice.push(last);
    count += last.end - last.start;
    let end = last.end;
    if (codeAt(text, end) === 41 && codeAt(text, start) === 40 && k === g) continue;
    if (count > 19) break;
    const alone = endsAlone(text, end);
    let kind: RedactionKind | undefined;
    if (count >= 4 && count <= 12 && slice.length === 4) {
      const ipEnd = ipv4At(text, start, slice, separators);
      if (ipEnd !== -1) {
        kind = 'ip';
        end = ipEnd;
      }
    }
    if (kind === undefined && alone) {
      const raw = text.slice(start, end);
      if (!plus && count >= 13 && cardAt(text, slice, separators)) kind = 'card';
      else if (
        !plus &&
        count === 9 &&
        grouped(slice, separators, SSN_GROUPS, '- .') &&
        (ssnValid(digitsOf(text, start, end)) || itinValid(digitsOf(text, start, end)))
      )
        // Presidio UsSsnRecognizer (and UsItinRecognizer, the same layout): the groups may be
        // split by `-`, a space or a dot, the same one.
        kind = 'national-id';
      else if (count === 12 && grouped(slice, separators, AADHAAR_GROUPS, '- ') && aadhaarValid(raw))
        kind = 'national-id';
      else if (count >= 9 && count <= 12 && slice.length <= 3 && contextualIdAt(text, start, end))
        kind = 'national-id';
      else if (count === 11 && /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(raw) && cpfValid(raw)) kind = 'national-id';
      else if (count === 11 && slice.length === 1 && (peselValid(raw) || tcknValid(raw)))
        kind = 'national-id';
      else if (count === 13 && grouped(slice, separators, RRN_GROUPS, '-') && krRrnValid(raw))
        kind = 'national-id';
      else if (
        count === 15 &&
        raw.startsWith('784') &&
        grouped(slice, separators, EMIRATES_ID_GROUPS, '-') &&
        luhn(digitsOf(text, start, end))
      )
        kind = 'national-id';
      else if ((plus || raw.startsWith('00')) && count >= 8 && internationalAt(text, start, end))
        kind = 'phone';
      else if (!plus && count === 10 && nanpAt(text, start, slice, separators)) kind = 'phone';
      else if (!plus && trunkAt(text, slice, separators)) kind = 'phone';
      else if (
        !plus &&
        (areaInParenthesesAt(text, start, slice, separators) || trunkEightAt(text, slice, separators))
      )
        kind = 'phone';
      else if (
        !plus &&
        count <= 15 &&
        (slice.length === 1 ? count >= 9 : count >= 7 && nationalGroups(slice, separators))
      ) {
        // A national number without its trunk prefix (`612 34 56 78`, `131 2345 6789`) looks like
        // any other grouped number: a word for a phone just before it says which it is.
        // (Every phone word ends in an ASCII letter, at most 18 characters before the number: on a
        // run of digits with no word near, the expression's slice and tries were a fifth of the
        // number walk.)
        if (letterBefore(text, start, 19) && PHONE_CONTEXT.test(text.slice(Math.max(0, start - 28), start)))
          kind = 'phone';
      }
    }
    // `-.` between groups is a sign and a point (a list of fractions: `002-.001-.006-.003`), which
    // no written phone number holds (ITU-T E.123 groups digits with spaces; hyphens or dots do it
    // as often in practice, one kind at a time).
    if (kind === 'phone' && separators.some((s) => s.includes('-') && s.includes('.'))) kind = undefined;
    if (kind !== undefined) {
      best = end;
      bestKind = kind;
    }
  }
  if (best === -1) return -1;
  into.push({ start, end: best, kind: bestKind });
  return best;
}

/**
 * Cards, phones, SSNs, CPFs and IPv4 addresses: each maximal run of digits and number glue (space,
 * `-`, `.`, parentheses, `+`) is cut into digit groups, and candidates are the group sequences
 * that stand alone. A run longer than any of these formats written out (a table of numbers, SVG
 * path data) is skipped whole, which keeps the cost per character constant.
 */
export function findNumbers(text: string, from: number, to: number, into: Span[]): void {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (!isDigit(code) && code !== 43 && code !== 40) {
      i++;
      continue;
    }
    let end = i;
    let digits = 0;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (isDigit(c)) digits++;
      else if (c >= 128 || NUMBER_GLUE[c] !== 1) break;
      end++;
    }
    // Trailing glue is not part of the run (`… 0321.`, `(415) 555-0199 -`).
    let runEnd = end;
    while (runEnd > i && !isDigit(text.charCodeAt(runEnd - 1))) runEnd--;
    if (digits >= 4 && runEnd - i <= RUN_LIMIT) scanRun(text, i, runEnd, into);
    i = end + 1;
  }
}

function scanRun(text: string, start: number, end: number, into: Span[]): void {
  const groups: Group[] = [];
  for (let i = start; i < end;) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
    groups.push({ start: i, end: j });
    i = j;
  }
  // What separates each group from the one before it, read once for every candidate that spans it.
  const gaps: string[] = [];
  let previous: Group | undefined;
  for (const group of groups) {
    gaps.push(previous === undefined ? '' : text.slice(previous.end, group.start));
    previous = group;
  }
  // Every group is tried, also inside a number already found: in `01 4306 4681 9151 6212` a
  // trunk-prefixed phone ends inside the card that follows, and only the union of the two
  // leaves nothing of either behind.
  const found: Span[] = [];
  let open: Span | undefined;
  for (let g = 0; g < groups.length; g++) {
    // numberAt adds one span when it finds a number (emptied by pop: setting `length` is a runtime
    // call, 4 % of a run of short groups).
    if (numberAt(text, groups, gaps, g, start, found) === -1) continue;
    const span = found.pop();
    if (span === undefined) continue;
    if (open !== undefined && span.start < open.end) {
      if (span.end > open.end) open.end = span.end;
      continue;
    }
    into.push(span);
    open = span;
  }
}

/** Dates of birth: a date shortly after "born", "birth", "DOB" (a date alone is not personal). */
const DATE =
  /\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2},? \d{4}/iy;

/**
 * Words that say a date is a date of birth (one expression for every call; reset per call). The
 * short ones stand apart from letters: `né` was read at the end of "Phone" and "Done", so
 * `Phone: 30.11.2026` became a date of birth. (Not from `_` or digits: `user_dob`.)
 */
const BIRTH_WORDS =
  /birth|(?<![A-Za-z])born|(?<![A-Za-z])dob(?![A-Za-z])|d\.o\.b|geboren|nacimiento|nascimento|(?<![A-Za-z])n[ée]e?(?![A-Za-z])/gi;

export function findBirthDates(text: string, from: number, to: number, into: Span[]): void {
  const words = BIRTH_WORDS;
  words.lastIndex = from;
  // Whether a date starts at a position does not depend on the word before it, so positions a
  // walk already tried are not tried again by the next word's walk (`born born born …` had every
  // position tried by each of the five words before it): `tried` is where the last walk ended,
  // `stop` the digit that ended it with no date, which ends any walk that reaches it.
  let tried = from;
  let stop = -1;
  let match: RegExpExecArray | null;
  while ((match = words.exec(text)) !== null && match.index < to) {
    const after = match.index + match[0].length;
    // The date follows within a few words ("date of birth: 1987-03-14", "born on 14 March 1987").
    const limit = Math.min(to, after + 24);
    if (stop >= after && stop < limit) continue;
    let i = Math.max(after, tried);
    for (; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (!isDigit(code) && !isAsciiLetter(code)) continue;
      if (!startsAlone(text, i)) continue;
      DATE.lastIndex = i;
      if (DATE.test(text) && DATE.lastIndex <= to && endsAlone(text, DATE.lastIndex)) {
        into.push({ start: i, end: DATE.lastIndex, kind: 'dob' });
        words.lastIndex = DATE.lastIndex;
        break;
      }
      if (isDigit(code)) {
        stop = i;
        break;
      }
    }
    tried = i;
  }
}

// ---------------------------------------------------------------------------------------------
// IBAN and UK NINO (letters and digits)

const IBAN_START = /(?<![A-Za-z0-9_])[A-Z]{2}\d{2}(?=[ A-Z0-9])/g;

/** IBANs, printed (groups of four) or electronic: exactly the country's length, then mod 97. */
export function findIbans(text: string, from: number, to: number, into: Span[]): void {
  IBAN_START.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = IBAN_START.exec(text)) !== null && match.index < to) {
    const start = match.index;
    const length = IBAN_LENGTHS[text.slice(start, start + 2)];
    if (length === undefined) continue;
    let count = 0;
    let i = start;
    while (i < to && count < length) {
      const code = text.charCodeAt(i);
      if (isDigit(code) || isUpper(code)) {
        count++;
        i++;
      } else if (code === 32 && count % 4 === 0 && count > 0) i++;
      else break;
    }
    if (count !== length || !endsAlone(text, i)) continue;
    if (!ibanValid(text.slice(start, i))) continue;
    into.push({ start, end: i, kind: 'iban' });
    IBAN_START.lastIndex = i;
  }
}

/**
 * National ids that mix letters and digits, in one pass (each alternative is bounded, none can
 * backtrack past its own fixed length): UK NINO, Spanish NIE, Singapore NRIC/FIN (each with its
 * check character), Indian PAN (Income Tax Department "PAN
 * structure": 5 letters, the 4th the holder type, 4 digits, a letter; Presidio InPanRecognizer),
 * Italian codice fiscale (italianFiscalCodeValid). Every alternative opens with a capital; the
 * Spanish DNI (8 digits and a letter) has its own expression below.
 */
const NATIONAL_ID =
  /(?<![A-Za-z0-9_])(?:[A-Z]{2} ?\d\d ?\d\d ?\d\d ?[A-D]|[XYZ]\d{7}-?[A-Z]|[STFG]\d{7}[A-Z]|[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]|[A-Z]{6}[\dLMNP-V]{2}[ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z])(?![A-Za-z0-9_])/g;

/**
 * Ids that open with six digits and end with a check letter, in one expression: the Spanish
 * DNI/NIF (8 digits and the mod-23 letter, a hyphen between them or not: see spanishIdValid) and the Finnish henkilötunnus
 * (DDMMYY, the century sign, 3 digits, the mod-31 character: see hetuValid). The look-behind
 * fails at once inside a run of digits, so each position costs a step or two.
 */
const DIGITS_THEN_CHECK =
  /(?<![A-Za-z0-9_])\d{6}(?:\d\d-?[A-Z]|[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y])(?![A-Za-z0-9_])/g;

/** The henkilötunnus check characters, indexed by DDMMYYZZZ mod 31 (DVV "Personal identity code"). */
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/**
 * Finland's personal identity code, henkilötunnus (Digital and Population Data Services Agency
 * "Personal identity code"; Presidio FiPersonalIdentityCodeRecognizer): DDMMYY, a century sign
 * (`+` 1800s; `-`, `U`-`Y` 1900s; `A`-`F` 2000s, the letters since 2023), an individual number
 * 002-999, and the character of DDMMYYZZZ mod 31.
 */
export function hetuValid(candidate: string): boolean {
  if (!/^\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]$/.test(candidate)) return false;
  const sign = candidate.charCodeAt(6);
  const century = sign === 43 ? 1800 : sign >= 65 && sign <= 70 ? 2000 : 1900;
  const year = century + Number(candidate.slice(4, 6));
  if (!dateValid(year, Number(candidate.slice(2, 4)), Number(candidate.slice(0, 2)))) return false;
  const individual = Number(candidate.slice(7, 10));
  if (individual < 2) return false;
  return HETU_CHECK[Number(candidate.slice(0, 6) + candidate.slice(7, 10)) % 31] === candidate[10];
}

function nationalIdValid(candidate: string): boolean {
  const first = candidate.charCodeAt(0);
  const second = candidate.charCodeAt(1);
  if (candidate.length === 16) return italianFiscalCodeValid(candidate);
  if (candidate.length === 10 && second >= 65) return /\d{4}[A-Z]$/.test(candidate); // PAN
  if (second >= 65 || second === 32) return ninoValid(candidate);
  if (first === 88 || first === 89 || first === 90) return spanishIdValid(candidate);
  return nricValid(candidate);
}

/**
 * A passport number that opens with letters, after the word for a passport (the languages of the
 * forms that ask for one): ICAO Doc 9303 Part 4 §4.2.2 gives a document number of up to nine
 * characters of A-Z and 0-9, and the passports of the US (next generation: a letter and 8
 * digits), India (a letter and 7), Korea (`M` and 8) and others open with one or two letters
 * (Presidio's US, Indian and Korean passport recognizers). A number of digits alone is read by
 * contextualIdAt. Every quantifier is bounded, so a match costs a few steps past the word.
 */
const PASSPORT_NUMBER =
  /(?:passport|pasaporte|passaporto|passeport|reisepass|paspoort)\W{0,6}(?:(?:no|num|number|nr)\b\W{0,3})?(?:is\W{1,3})?([A-Z]{1,2}\d{6,8})(?![A-Za-z0-9_])/gi;

export function findNationalIds(text: string, from: number, to: number, into: Span[]): void {
  PASSPORT_NUMBER.lastIndex = from;
  let passport: RegExpExecArray | null;
  while ((passport = PASSPORT_NUMBER.exec(text)) !== null && passport.index < to) {
    const end = passport.index + passport[0].length;
    if (end <= to) into.push({ start: end - (passport[1]?.length ?? 0), end, kind: 'national-id' });
  }
  NATIONAL_ID.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = NATIONAL_ID.exec(text)) !== null && match.index < to)
    if (nationalIdValid(match[0]))
      into.push({ start: match.index, end: match.index + match[0].length, kind: 'national-id' });
  DIGITS_THEN_CHECK.lastIndex = from;
  while ((match = DIGITS_THEN_CHECK.exec(text)) !== null && match.index < to)
    if (match[0].length <= 10 ? spanishIdValid(match[0]) : hetuValid(match[0]))
      into.push({ start: match.index, end: match.index + match[0].length, kind: 'national-id' });
}

// ---------------------------------------------------------------------------------------------
// Emails

const LOCAL_LIMIT = 64; // RFC 5321 §4.5.3.1.1
const DOMAIN_LIMIT = 255; // RFC 5321 §4.5.3.1.2

function isLocalCode(code: number): boolean {
  return isAsciiWord(code) || code === 46 || code === 43 || code === 45 || isWideLetter(code);
}

function isDomainCode(code: number): boolean {
  return isAsciiWord(code) || code === 46 || code === 45 || isWideLetter(code);
}

const TLD = /^(?:[A-Za-z]{2,63}|xn--[a-z0-9-]{1,59}|[^\p{ASCII}]{2,63})$/u;

function isScpPathStart(code: number): boolean {
  return code === 47 || code === 126 || (isAsciiWord(code) && !isDigit(code));
}

/**
 * Where a quoted local part (`"john doe"@example.org`; RFC 5322 §3.4.1 local-part = dot-atom /
 * quoted-string, §3.2.4 quoted-string) that ends right before `at` starts, or -1: the opening
 * quote within the RFC 5321 limit, nothing but printable characters and spaces between.
 */
function quotedLocalStart(text: string, at: number): number {
  if (codeAt(text, at - 1) !== 34) return -1;
  // Inside a JSON string the quotes are escaped (`\"ada byron\"@…`): the span then starts at the
  // backslash, so no escape is left dangling before the placeholder.
  const escaped = text.charCodeAt(at - 2) === 92;
  const close = escaped ? at - 2 : at - 1;
  for (let i = close - 1; i >= 0 && close - i <= LOCAL_LIMIT + 1; i--) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      const backslash = text.charCodeAt(i - 1) === 92;
      if (backslash !== escaped || i === close - 1) return -1;
      return escaped ? i - 1 : i;
    }
    if (code < 32 || code === 127 || (code === 92 && !escaped)) return -1;
  }
  return -1;
}

/** text[start] begins the user or the password of `scheme://user:password@`. */
function inUrlUserinfo(text: string, start: number): boolean {
  let at = start;
  if (codeAt(text, at - 1) === 58) {
    at--;
    while (at > 0 && start - at < LOCAL_LIMIT && isLocalCode(text.charCodeAt(at - 1))) at--;
  }
  return codeAt(text, at - 1) === 47 && codeAt(text, at - 2) === 47 && codeAt(text, at - 3) === 58;
}

function emailAt(text: string, at: number, width: number, to: number): Span | undefined {
  let start = at;
  const quoted = width === 1 ? quotedLocalStart(text, at) : -1;
  if (quoted !== -1) start = quoted;
  else while (start > 0 && at - start < LOCAL_LIMIT && isLocalCode(text.charCodeAt(start - 1))) start--;
  while (start < at && text[start] === '.') start++;
  if (start === at) return undefined;
  // `https://user:password@host`: the userinfo of a URL (RFC 3986 §3.2.1), which findUrlSecrets
  // judges, is no mailbox (`postgres://user:YOUR_PASSWORD@db.example.com` held no address).
  if (quoted === -1 && inUrlUserinfo(text, start)) return undefined;
  // `a@@b.org` (a typo echoed back by a validation error) is still someone's address.
  let domainStart = at + width;
  while (codeAt(text, domainStart) === 64 && domainStart < at + width + 2) domainStart++;
  let end = domainStart;
  while (end < to && end - domainStart < DOMAIN_LIMIT && isDomainCode(text.charCodeAt(end))) end++;
  while (end > domainStart && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  let dotted = false;
  for (let i = domainStart + 1; i < end - 2 && !dotted; i++) dotted = text.charCodeAt(i) === 46;
  if (!dotted) return undefined;
  const domain = text.slice(domainStart, end);
  const dot = domain.lastIndexOf('.');
  if (dot <= 0 || !TLD.test(domain.slice(dot + 1)) || domain.includes('..')) return undefined;
  // `git@github.com:org/repo.git`: git's scp-like remote `[user@]host:path` (git-clone(1) "GIT
  // URLS"), a login on a host rather than a mailbox. A port (`:22`) or prose (`a@b.org: hi`) stays.
  if (width === 1 && text.charCodeAt(end) === 58 && isScpPathStart(text.charCodeAt(end + 1)))
    return undefined;
  return { start, end, kind: 'email' };
}

/**
 * Email addresses, found by scanning outward from each `@` (or `%40` in URLs) with the RFC 5321
 * length limits instead of a regex: `[chars]+@` backtracks quadratically over long runs without
 * `@`. Local parts and domains may be in any script (RFC 6531, 5890).
 */
export function findEmails(text: string, from: number, to: number, into: Span[]): void {
  for (const [marker, width] of [
    ['@', 1],
    ['%40', 3],
  ] as const) {
    let at = text.indexOf(marker, from);
    while (at !== -1 && at < to) {
      const span = emailAt(text, at, width, to);
      if (span !== undefined) into.push(span);
      at = text.indexOf(marker, span === undefined ? at + width : span.end);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// IPv6

const IPV6 = /(?<![A-Za-z0-9_:.])(?:[0-9a-f]{1,4}|:):[0-9a-f]{0,4}:[0-9a-f:]{1,35}/gi;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/**
 * The leftmost IPv6 candidate starting in [from, to), as [start, end), or undefined. A candidate's
 * first colon is at most four characters in, so the expression (a look-behind tried at every
 * character) starts four characters before the next colon: a text without colons costs one
 * indexOf, not a run of the expression over all of it.
 */
function nextIpv6(text: string, from: number, to: number): [number, number] | undefined {
  const colon = text.indexOf(':', from);
  if (colon === -1 || colon - 4 >= to) return undefined;
  IPV6.lastIndex = Math.max(from, colon - 4);
  const match = IPV6.exec(text);
  return match === null || match.index >= to ? undefined : [match.index, IPV6.lastIndex];
}

/** How many runs of characters other than `:` text[start, stop) holds. */
function groupRuns(text: string, start: number, stop: number): number {
  let runs = 0;
  for (let i = start; i < stop; i++)
    if (text.charCodeAt(i) !== 58 && (i === start || text.charCodeAt(i - 1) === 58)) runs++;
  return runs;
}

/** How many `::` text[start, stop) holds, counted as split('::') cuts them (left to right). */
function elisionCount(text: string, start: number, stop: number): number {
  let count = 0;
  for (let i = start; i + 1 < stop; i++)
    if (text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 58) {
      count++;
      i++;
    }
  return count;
}

/** IPv6 text forms (RFC 4291 §2.2, RFC 5952); at least three groups so `a::b` or times stay. */
export function findIpv6(text: string, from: number, to: number, into: Span[]): void {
  for (let found = nextIpv6(text, from, to); found !== undefined; found = nextIpv6(text, found[1], to)) {
    const start = found[0];
    let stop = found[1];
    while (stop > start && text[stop - 1] === ':' && text[stop - 2] !== ':') stop--;
    if (isAsciiWord(codeAt(text, stop))) continue;
    // Fewer than three groups of characters between the colons fail below anyway: counted first,
    // without the arrays (`ab1234::` repeated matched every nine characters, ~50x JSON.parse).
    const runs = groupRuns(text, start, stop);
    if (runs < 3) continue;
    // Eight groups without `::`, at most seven with one, never two `::`: checked before the arrays
    // too (`1#é00:1a:` repeated matched every nine characters with three groups, ~90x).
    const elisions = elisionCount(text, start, stop);
    if (elisions > 1 || (elisions === 0 ? runs !== 8 : runs > 7)) continue;
    const halves = text.slice(start, stop).split('::');
    if (halves.length > 2) continue;
    const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
    if (!groups.every((group) => HEX_GROUP.test(group)) || groups.length < 3) continue;
    if (halves.length === 1 ? groups.length !== 8 : groups.length > 7) continue;
    if (!groups.some((group) => /\d/.test(group))) continue;
    into.push({ start, end: stop, kind: 'ip' });
  }
}

// ---------------------------------------------------------------------------------------------
// MAC addresses

/** Six pairs of hex digits split by one and the same `:` or `-` (sticky: tried where a pair may start). */
const MAC = /[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}/y;

function isMacGlue(code: number): boolean {
  return code === 58 || code === 45 || code === 46;
}

/**
 * MAC addresses (EUI-48) in the IEEE 802 text forms (IEEE Std 802-2014 §8.1, "hexadecimal
 * representation": six octets as pairs split by `-`, and the `:` form most systems print): a
 * device's hardware address, fixed for its life, so an identifier of the person who carries the
 * device (GDPR Recital 30, "online identifiers provided by their devices"). Only the full six-pair
 * form with one separator is taken, standing alone: clock times have three groups, IPv6 groups up
 * to four digits, UUIDs 8-4-4-4-12. Each `:` or `-` is tried once, two characters before it.
 */
/**
 * The broadcast address `ff:ff:ff:ff:ff:ff` and the all-zero address (IEEE 802 §8.2: every bit
 * set is the broadcast address; all zeros is no interface's): neither names a device.
 */
function reservedMac(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start) | 32;
  if (first !== 102 && first !== 48) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 58 && code !== 45 && (code | 32) !== first) return false;
  }
  return true;
}

export function findMacAddresses(text: string, from: number, to: number, into: Span[]): void {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code !== 58 && code !== 45) {
      i++;
      continue;
    }
    const start = i - 2;
    const before = codeAt(text, start - 1);
    if (start >= from && !isAsciiWord(before) && !isMacGlue(before)) {
      MAC.lastIndex = start;
      if (MAC.test(text) && MAC.lastIndex <= to) {
        const end = MAC.lastIndex;
        const after = text.charCodeAt(end);
        const glued = isAsciiWord(after) || after === 58 || after === 45;
        if (
          !glued &&
          !(after === 46 && isAsciiWord(text.charCodeAt(end + 1))) &&
          !reservedMac(text, start, end)
        ) {
          into.push({ start, end, kind: 'device-id' });
          i = end;
          continue;
        }
      }
    }
    i++;
  }
}

// ---------------------------------------------------------------------------------------------
// Bitcoin addresses (Base58Check)

/** SHA-256 round constants (FIPS 180-4 §4.2.2). */
const SHA256_K = Uint32Array.from(
  (
    '428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 ' +
    '243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc ' +
    '2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 ' +
    '06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85 ' +
    'a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 ' +
    '2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 ' +
    '90befffa a4506ceb bef9a3f7 c67178f2'
  )
    .split(' ')
    .map((word) => parseInt(word, 16)),
);

const SHA256_W = new Uint32Array(64);
const SHA256_H = new Uint32Array(8);
const SHA256_IV = Uint32Array.of(
  0x6a09e667,
  0xbb67ae85,
  0x3c6ef372,
  0xa54ff53a,
  0x510e527f,
  0x9b05688c,
  0x1f83d9ab,
  0x5be0cd19,
);

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/**
 * SHA-256 of a message of at most 55 bytes, which fits one padded block (FIPS 180-4 §5.1.1
 * padding, §6.2.2 computation), written into `out` (32 bytes). Written here because core may not
 * import Node's crypto or the DOM's SubtleCrypto (asynchronous besides); it only checks the 4-byte
 * checksum of a 21-byte Base58Check payload, so it needs one block and no allocation per call.
 */
function sha256Short(message: Uint8Array, length: number, out: Uint8Array): void {
  const w = SHA256_W;
  w.fill(0, 0, 16);
  for (let i = 0; i < length; i++) w[i >> 2] = (w[i >> 2] ?? 0) | ((message[i] ?? 0) << (24 - (i & 3) * 8));
  w[length >> 2] = (w[length >> 2] ?? 0) | (0x80 << (24 - (length & 3) * 8));
  w[15] = length * 8;
  for (let t = 16; t < 64; t++) {
    const w15 = w[t - 15] ?? 0;
    const w2 = w[t - 2] ?? 0;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    w[t] = ((w[t - 16] ?? 0) + s0 + (w[t - 7] ?? 0) + s1) >>> 0;
  }
  const hash = SHA256_H;
  hash.set(SHA256_IV);
  let [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = hash;
  for (let t = 0; t < 64; t++) {
    const t1 =
      (h +
        (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
        ((e & f) ^ (~e & g)) +
        (SHA256_K[t] ?? 0) +
        (w[t] ?? 0)) >>>
      0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) >>> 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) >>> 0;
  }
  const round = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) {
    const word = ((hash[i] ?? 0) + (round[i] ?? 0)) >>> 0;
    out[i * 4] = word >>> 24;
    out[i * 4 + 1] = (word >>> 16) & 0xff;
    out[i * 4 + 2] = (word >>> 8) & 0xff;
    out[i * 4 + 3] = word & 0xff;
  }
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE58.length; i++) BASE58_VALUE[BASE58.charCodeAt(i)] = i;

const BASE58_BYTES = new Uint8Array(25);
const DIGEST = new Uint8Array(32);

/**
 * A Bitcoin P2PKH (`1…`) or P2SH (`3…`) address: Base58Check (Bitcoin Wiki "Base58Check encoding";
 * Bitcoin Developer Guide "Transactions" › P2PKH/P2SH address encoding; Presidio CryptoRecognizer)
 * decodes to 25 bytes — version 0x00 or 0x05, a 20-byte hash, and the first 4 bytes of
 * SHA-256(SHA-256(version + hash)).
 */
export function bitcoinAddressValid(candidate: string): boolean {
  if (candidate.length < 26 || candidate.length > 35) return false;
  const bytes = BASE58_BYTES;
  bytes.fill(0);
  // Big-number base conversion, touching only the bytes already in use (from the right).
  let used = 0;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    let carry = code < 128 ? (BASE58_VALUE[code] ?? -1) : -1;
    if (carry < 0) return false;
    let j = 24;
    for (let k = 0; (k < used || carry !== 0) && j >= 0; k++, j--) {
      carry += 58 * (bytes[j] ?? 0);
      bytes[j] = carry & 0xff;
      carry >>>= 8;
    }
    if (carry !== 0) return false;
    used = 24 - j;
  }
  // Each leading `1` stands for a zero byte; the address must use exactly as many as it has.
  let ones = 0;
  while (candidate.charCodeAt(ones) === 49) ones++;
  let zeros = 0;
  while (zeros < 25 && bytes[zeros] === 0) zeros++;
  if (ones !== zeros) return false;
  if (bytes[0] !== 0x00 && bytes[0] !== 0x05) return false;
  sha256Short(bytes, 21, DIGEST);
  sha256Short(DIGEST, 32, DIGEST);
  for (let i = 0; i < 4; i++) if (DIGEST[i] !== bytes[21 + i]) return false;
  return true;
}

/**
 * A word (maximal run of ASCII word characters) of 26-35 characters opening with `1` or `3`: the
 * legacy Bitcoin address lengths. Found by the regular expression engine, whose scan for a `1` or
 * `3` at a word start is native: measuring every word of the text in JavaScript cost 3 % of the
 * scan of a Stripe-shaped list body, whose ids all open the token gate this finder runs behind.
 * Linear: a candidate is tried only at a word start, and backtracks at most the 10 lengths.
 */
const BITCOIN_CANDIDATE = /(?<![A-Za-z0-9_])[13][A-Za-z0-9_]{25,34}(?![A-Za-z0-9_])/g;

/**
 * Bitcoin addresses in text: a Base58 word of 26-35 characters opening with `1` or `3`, checked
 * by its checksum (a random word passes with odds of 1 in 2³²). Only words of the right length
 * are decoded, so the cost stays linear. A word must lie inside [from, to).
 */
export function findBitcoinAddresses(text: string, from: number, to: number, into: Span[]): void {
  BITCOIN_CANDIDATE.lastIndex = from;
  for (let match = BITCOIN_CANDIDATE.exec(text); match !== null; match = BITCOIN_CANDIDATE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end > to) break;
    if (startsAlone(text, start) && bitcoinAddressValid(match[0]))
      into.push({ start, end, kind: 'bank-account' });
  }
}
