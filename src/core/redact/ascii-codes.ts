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

/**
 * Units copied natively at a time. A body with a few names past ASCII (`chloé`) reads only the
 * chunks that hold one unit by unit: read from the first one to the end, a Stripe-shaped 5 MB
 * list with 135 such units (the first at 36 K) cost its scan ~15 % more than charCodeAt did.
 */
const CHUNK = 4096;

/**
 * Writes the codes of text[start, end) into `into` from index 0 (`into` holds at least end - start
 * bytes). ASCII text, nearly every API body, is copied natively a chunk at a time: UTF-8 spells
 * ASCII one byte per unit, so TextEncoder.encodeInto writes exactly the codes (Encoding Standard,
 * UTF-8 encoder). In a chunk with a unit past ASCII, where UTF-8 takes two to four bytes and the
 * indexes would part, the units from the first such one on are read one by one.
 */
export function writeAsciiCodes(text: string, start: number, end: number, into: Uint8Array): void {
  const length = end - start;
  for (let from = 0; from < length; from += CHUNK) {
    const to = Math.min(length, from + CHUNK);
    const view = from === 0 && to === into.length ? into : into.subarray(from, to);
    const source =
      start + from === 0 && start + to === text.length ? text : text.slice(start + from, start + to);
    const { read, written } = encoder.encodeInto(source, view);
    // All units read and one byte written for each: all ASCII, checked without a walk.
    if (read === to - from && written === to - from) continue;
    // Every byte before the first one past ASCII is an ASCII unit at its own index.
    let ascii = 0;
    while (ascii < written && (view[ascii] ?? PAST_ASCII) < PAST_ASCII) ascii++;
    for (let i = from + ascii; i < to; i++) {
      const code = text.charCodeAt(start + i);
      into[i] = code < PAST_ASCII ? code : PAST_ASCII;
    }
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
