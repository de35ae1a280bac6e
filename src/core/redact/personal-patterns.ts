import {
  acceptBase64Document,
  acceptCard,
  acceptCpf,
  acceptDataUri,
  acceptIban,
  acceptIpv4,
  acceptIpv6,
  acceptNino,
  acceptPhone,
  acceptSsn,
} from './accept-personal.ts';
import type { TextPattern } from './text-pattern.ts';

/**
 * Personal-data formats, as data. Digit patterns come first in the order most specific to least
 * (a card is checked before a phone number), and every digit pattern requires the number to stand
 * alone so ids (`req_20260101…`), versions and timestamps are not taken for personal data.
 */
export const PERSONAL_PATTERNS: readonly TextPattern[] = [
  {
    id: 'data-uri',
    family: 'punct',
    kind: 'document',
    source: 'data:[a-z0-9.+/-]{1,100}(?:;[a-z0-9.+=-]{1,100}){0,4},[A-Za-z0-9+/=%_-]{16,}',
    cite: 'RFC 2397 (data: URL scheme)',
    accept: acceptDataUri,
  },
  {
    id: 'base64-document',
    family: 'token',
    kind: 'document',
    // base64 of the magic numbers: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, GIF8, %PDF-,
    // RIFF (WebP), PK\x03\x04 (zip, docx), TIFF II*\0 / MM\0*.
    source:
      '(?<![A-Za-z0-9+/])(?:/9j/|iVBORw0KGgo|R0lGOD|JVBERi0|UklGR|UEsDB|SUkqA|TU0AK)[A-Za-z0-9+/]{60,}={0,2}',
    cite: 'file signatures per Gary Kessler\'s "File Signatures Table" (JPEG, PNG, GIF, PDF, RIFF, ZIP, TIFF)',
    accept: acceptBase64Document,
  },
  {
    id: 'card-number',
    family: 'digits',
    kind: 'card',
    // Issuer ranges start 2-6 (Mastercard 2/5, Amex/Diners/JCB 3, Visa 4, Discover/UnionPay 6), which
    // also keeps 13-digit millisecond timestamps (starting 1) out. Grouped as printed: 4-4-4-4(-3),
    // Amex 4-6-5, Diners 4-6-4.
    source:
      '(?<![A-Za-z0-9_])(?:[2-6]\\d{12,18}|[2-6]\\d{3}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?|3\\d{3}[ -]\\d{6}[ -]\\d{4,5})',
    cite: 'ISO/IEC 7812-1 (IIN ranges, Luhn check digit)',
    accept: acceptCard,
  },
  {
    id: 'iban',
    family: 'digits',
    kind: 'iban',
    source: '(?<![A-Za-z0-9_])(?:[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)',
    cite: 'ISO 13616-1 (IBAN structure, mod 97-10) and the SWIFT IBAN Registry (lengths)',
    accept: acceptIban,
  },
  {
    id: 'us-ssn',
    family: 'digits',
    kind: 'national-id',
    source: '(?<![A-Za-z0-9_])(?:\\d{3}-\\d{2}-\\d{4})',
    cite: 'SSA "Social Security Number Randomization" (AAA-GG-SSSS, invalid areas/groups)',
    accept: acceptSsn,
  },
  {
    id: 'br-cpf',
    family: 'digits',
    kind: 'national-id',
    source: '(?<![A-Za-z0-9_])(?:\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2})',
    cite: 'Receita Federal do Brasil, CPF (NNN.NNN.NNN-DD, two mod-11 check digits)',
    accept: acceptCpf,
  },
  {
    id: 'uk-nino',
    family: 'digits',
    kind: 'national-id',
    source: '(?<![A-Za-z0-9_])(?:[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])',
    cite: 'HMRC National Insurance Manual NIM39110 (format and unallocated prefixes)',
    accept: acceptNino,
  },
  {
    id: 'phone-international',
    family: 'digits',
    kind: 'phone',
    source:
      '(?<![A-Za-z0-9_])(?:\\+[1-9]\\d{0,2}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,5}){1,6}|00[1-9]\\d{0,2}(?:[ .-]\\d{1,5}){2,6})',
    cite: 'ITU-T E.164 (country code + national number, at most 15 digits) and E.123 (+ and 00 prefixes)',
    accept: acceptPhone(8),
  },
  {
    id: 'phone-national',
    family: 'digits',
    kind: 'phone',
    // NANP (415) 555-2671 / 415-555-2671; trunk-prefix 0 numbers written in groups, as in the UK
    // (020 7946 0958), Germany (030 1234 5678) or France (01 23 45 67 89). A separator is required
    // so bare numbers and ids stay.
    source:
      '(?<![A-Za-z0-9_])(?:\\(\\d{3}\\)[ .-]?\\d{3}[ .-]\\d{4}|\\d{3}[.-]\\d{3}[.-]\\d{4}|0\\d{2,4}[ -]\\d{3,4}[ -]?\\d{3,4}|0[1-9](?:[ .-]\\d{2}){4})',
    cite: 'ITU-T E.123 national notation; NANPA numbering plan (NXX-NXX-XXXX); Ofcom UK number groupings',
    accept: acceptPhone(9),
  },
  {
    id: 'ipv4',
    family: 'digits',
    kind: 'ip',
    source: '(?<![A-Za-z0-9_])(?:(?:\\d{1,3}\\.){3}\\d{1,3})',
    cite: 'RFC 791 / RFC 4001 dotted-decimal IPv4',
    accept: acceptIpv4,
  },
  {
    id: 'ipv6',
    family: 'punct',
    kind: 'ip',
    source: '(?<![A-Za-z0-9_:.])(?:[0-9a-f]{1,4}|:):[0-9a-f]{0,4}:[0-9a-f:]{1,35}',
    cite: 'RFC 4291 §2.2 and RFC 5952 (IPv6 text representation)',
    accept: acceptIpv6,
  },
];
