/**
 * A text's UTF-16 code units as bytes, for the loops that read every character of a body (the JSON
 * scan's structure and keys, the detector gates). In V8 each `charCodeAt` in optimised code loads
 * the string's map and instance type before its character (a string may change representation,
 * so the loads are not hoisted out of a loop): two dependent loads per character, where a typed
 * array's element is one. Reading a list body's structure, keys and gates from bytes made its
 * scan ~13 % faster (5 MB: 86-88 ms before, 73-78 after, side by side).
 *
 * Units are kept at their index (unit i of the text is byte i), so a position found in the bytes
 * is a position in the text. Every unit past ASCII reads as PAST_ASCII: the loops that read codes
 * treat any unit past ASCII alike (none is structure, a letter, a digit or a separator to them),
 * and a caller that needs the real unit reads it from the text where it meets PAST_ASCII.
 */

/** What any code unit past ASCII (U+0080 and up, surrogates included) reads as. */
export const PAST_ASCII = 128;

const encoder = new TextEncoder();

/** Units encoded natively at a time. */
const CHUNK = 4096;

/** A chunk's UTF-8: at most three bytes per UTF-16 unit (a surrogate pair's four bytes are two units'). */
const utf8 = new Uint8Array(3 * CHUNK);

/**
 * Writes the codes of text[start, end) into `into` from index 0 (`into` holds at least end - start
 * bytes), a chunk at a time, each encoded natively with TextEncoder.encodeInto. UTF-8 spells
 * ASCII one byte per unit (Encoding Standard, UTF-8 encoder), so a chunk of ASCII, nearly every
 * API body, is copied as it was encoded. A chunk past ASCII is folded back to one byte per unit:
 * a sequence's lead byte (0xC0 and up) stands for one unit, or two for a four-byte sequence (a
 * surrogate pair), and its continuation bytes (0x80-0xBF) for none; a lone surrogate is encoded
 * as U+FFFD, one unit. (Reading such a chunk with charCodeAt instead cost a body past ASCII
 * throughout ~10 % of its scan; a Stripe-shaped list with a few accented names, read from its
 * first one on, ~17 %.)
 */
export function writeAsciiCodes(text: string, start: number, end: number, into: Uint8Array): void {
  const length = end - start;
  if (length < NATIVE_FROM) {
    readUnits(text, start, length, into);
    return;
  }
  for (let from = 0; from < length; from += CHUNK) {
    const to = Math.min(length, from + CHUNK);
    const source =
      start + from === 0 && start + to === text.length ? text : text.slice(start + from, start + to);
    const { written } = encoder.encodeInto(source, utf8);
    if (written === to - from) {
      // One byte per unit: all ASCII.
      into.set(written === utf8.length ? utf8 : utf8.subarray(0, written), from);
      continue;
    }
    let unit = from;
    for (let k = 0; k < written; k++) {
      const byte = utf8[k] ?? 0;
      if (byte < PAST_ASCII) into[unit++] = byte;
      else if (byte >= 0xc0) {
        into[unit++] = PAST_ASCII;
        if (byte >= 0xf0) into[unit++] = PAST_ASCII;
      }
    }
  }
}

/**
 * The length from which a range is copied natively: below it, the call into TextEncoder and the
 * views it writes through cost more than reading the units (each new key of a JSON body has its
 * gates read: 43 K distinct keys past ASCII spent ~10 % of their scan in that overhead).
 */
const NATIVE_FROM = 128;

/** Writes the codes of text[start, start + length) at into[0, length), unit by unit. */
function readUnits(text: string, start: number, length: number, into: Uint8Array): void {
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(start + i);
    into[i] = code < PAST_ASCII ? code : PAST_ASCII;
  }
}

/** The codes of a whole text, in their own array (a JSON scan's body). */
export function asciiCodes(text: string): Uint8Array {
  const codes = new Uint8Array(text.length);
  writeAsciiCodes(text, 0, text.length, codes);
  return codes;
}

/** Shared by scratchCodes: grown to the longest range asked, at most SCRATCH_LIMIT bytes kept. */
let scratch = new Uint8Array(1024);
/** A longer range gets an array of its own, so one huge text does not stay held by the module. */
const SCRATCH_LIMIT = 1 << 20;

/**
 * The codes of text[start, end) from index 0, in an array valid until the next call: for a caller
 * that reads a range once and keeps nothing (the gates of one value).
 */
export function scratchCodes(text: string, start: number, end: number): Uint8Array {
  const length = end - start;
  if (length > SCRATCH_LIMIT) {
    const own = new Uint8Array(length);
    writeAsciiCodes(text, start, end, own);
    return own;
  }
  if (scratch.length < length)
    scratch = new Uint8Array(Math.min(SCRATCH_LIMIT, Math.max(length, scratch.length * 2)));
  writeAsciiCodes(text, start, end, scratch);
  return scratch;
}
