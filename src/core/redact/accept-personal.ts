import { cpfValid } from './cpf-valid.ts';
import { ibanMod97 } from './iban-mod97.ts';
import { luhn } from './luhn.ts';
import { ninoValid } from './nino-valid.ts';
import { ssnValid } from './ssn-valid.ts';
import { isWordCode, numberStandsAlone, standsAlone, type Accept } from './text-pattern.ts';

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/**
 * Greedy digit patterns can run one group too far (`+44 20 7946 0321 0-`, a card followed by a
 * stray digit): try the match, then each shorter end that falls after a digit, longest first.
 */
function shrinking(accept: Accept): Accept {
  return (text, start, end) => {
    for (let stop = end; stop > start; stop--) {
      const code = text.charCodeAt(stop - 1);
      if (code < 48 || code > 57 || (stop < end && isDigitAt(text, stop))) continue;
      const span = accept(text, start, stop);
      if (span !== undefined) return span;
    }
    return undefined;
  };
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** Payment card: 13-19 digits passing Luhn (ISO/IEC 7812-1). */
export const acceptCard: Accept = shrinking((text, start, end) => {
  if (!numberStandsAlone(text, start, end)) return undefined;
  const digits = text.slice(start, end).replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19 || !luhn(digits)) return undefined;
  return { start, end, kind: 'card' };
});

/** IBAN: the country's registered length, then mod 97 (ISO 13616). Cut trailing words first. */
export const acceptIban: Accept = (text, start, end) => {
  if (isWordCode(text.charCodeAt(start - 1))) return undefined;
  const country = text.slice(start, start + 2);
  if (country !== country.toUpperCase()) return undefined;
  // Take characters until the alphanumerics checked by ibanMod97 stop fitting a valid IBAN.
  for (let stop = end; stop > start + 14; stop--) {
    if (isWordCode(text.charCodeAt(stop)) || text[stop - 1] === ' ') continue;
    if (ibanMod97(text.slice(start, stop))) return { start, end: stop, kind: 'iban' };
  }
  return undefined;
};

export const acceptSsn: Accept = (text, start, end) =>
  numberStandsAlone(text, start, end) && ssnValid(text.slice(start, end))
    ? { start, end, kind: 'national-id' }
    : undefined;

export const acceptCpf: Accept = (text, start, end) =>
  numberStandsAlone(text, start, end) && cpfValid(text.slice(start, end))
    ? { start, end, kind: 'national-id' }
    : undefined;

export const acceptNino: Accept = (text, start, end) => {
  const candidate = text.slice(start, end);
  return standsAlone(text, start, end) && candidate === candidate.toUpperCase() && ninoValid(candidate)
    ? { start, end, kind: 'national-id' }
    : undefined;
};

/** Phone numbers: E.164 allows at most 15 digits; fewer than 8 is a code, not a number. */
export function acceptPhone(minDigits: number): Accept {
  return shrinking((text, start, end) => {
    if (!numberStandsAlone(text, start, end)) return undefined;
    const count = digitCount(text.slice(start, end));
    return count >= minDigits && count <= 15 ? { start, end, kind: 'phone' } : undefined;
  });
}

export const acceptIpv4: Accept = (text, start, end) => {
  if (!numberStandsAlone(text, start, end) || text[start - 1] === '.' || text[end] === '.') return undefined;
  const octets = text.slice(start, end).split('.').map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  // Loopback, unspecified and broadcast addresses identify nobody.
  if (octets[0] === 127 || octets.every((o) => o === 0) || octets.every((o) => o === 255)) return undefined;
  return { start, end, kind: 'ip' };
};

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** IPv6 text form (RFC 4291 §2.2); at least three groups so `a::b` or clock times stay. */
export const acceptIpv6: Accept = (text, start, end) => {
  let stop = end;
  while (stop > start && text[stop - 1] === ':' && text[stop - 2] !== ':') stop--;
  const before = text.charCodeAt(start - 1);
  if (isWordCode(before) || before === 58 || before === 46 || isWordCode(text.charCodeAt(stop)))
    return undefined;
  const candidate = text.slice(start, stop);
  const halves = candidate.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => HEX_GROUP.test(group)) || groups.length < 3) return undefined;
  if (halves.length === 1 ? groups.length !== 8 : groups.length > 7) return undefined;
  return { start, end: stop, kind: 'ip' };
};

/** Base64 after a file signature: only when the run is not glued to more base64 before it. */
export const acceptBase64Document: Accept = (text, start, end) => {
  const before = text.charCodeAt(start - 1);
  if (isWordCode(before) || before === 43 || before === 47) return undefined;
  return { start, end, kind: 'document' };
};

/** `data:` URIs (RFC 2397) carrying base64 or a document type: redact the payload, keep the type. */
export const acceptDataUri: Accept = (text, start, end) => {
  const comma = text.indexOf(',', start);
  const header = text.slice(start, comma).toLowerCase();
  const document = /;base64$|^data:(?:image|application|audio|video)\//.test(header);
  return document && comma + 1 < end ? { start: comma + 1, end, kind: 'document' } : undefined;
};
