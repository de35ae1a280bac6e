import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RedactionSession, redactText, type Span } from '../../../src/core/redact/index.ts';
import { asciiCodes } from '../../../src/core/redact/ascii-codes.ts';
import { isZuluMillisAt } from '../../../src/core/redact/detect.ts';
import { CandidatePrefixes, jsonStringEnd, prefixHash } from '../../../src/core/redact/session.ts';

const prefixHashOf = (text: string, at: number): number =>
  prefixHash(text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2), text.charCodeAt(at + 3));

describe('RedactionSession', () => {
  it('gives the same value the same placeholder and a different value the next number', () => {
    const session = new RedactionSession();
    expect(session.placeholder('email', 'a@x.test')).toBe('[email-1]');
    expect(session.placeholder('email', 'b@x.test')).toBe('[email-2]');
    expect(session.placeholder('email', 'a@x.test')).toBe('[email-1]');
  });

  it('decides once per value: a value judged as a cookie keeps that placeholder when met as a secret', () => {
    const session = new RedactionSession();
    expect(session.placeholder('cookie', 'GA1.2.1234567.8901')).toBe('[cookie-1]');
    expect(session.placeholder('secret', 'GA1.2.1234567.8901')).toBe('[cookie-1]');
    expect(session.kindOf('[cookie-1]')).toBe('cookie');
    expect(session.kindOf('[cookie-2]')).toBeUndefined();
  });

  it('finds a judged value again in any text once sealed, but only where it stands alone', () => {
    const session = new RedactionSession();
    session.placeholder('name', 'Quirinus Zwackelmann');
    session.placeholder('cookie', 'trk_8f3a9c2e11');
    expect(redactText('Customer Quirinus Zwackelmann, ref trk_8f3a9c2e11', session)).toBe(
      'Customer Quirinus Zwackelmann, ref trk_8f3a9c2e11',
    );
    session.seal();
    expect(redactText('Customer Quirinus Zwackelmann, ref trk_8f3a9c2e11', session)).toBe(
      'Customer [name-1], ref [cookie-1]',
    );
    expect(redactText('ref trk_8f3a9c2e110 and xtrk_8f3a9c2e11', session)).toBe(
      'ref trk_8f3a9c2e110 and xtrk_8f3a9c2e11',
    );
  });

  it('does not spread values too plain to be told from ordinary words', () => {
    const session = new RedactionSession();
    session.placeholder('cookie', 'dark');
    session.placeholder('cookie', 'light-mode');
    session.placeholder('name', 'Ada');
    session.seal();
    expect(redactText('Ada switched to dark and light-mode', session)).toBe(
      'Ada switched to dark and light-mode',
    );
  });

  it('starts fresh in a new session (placeholders are stable only within one export)', () => {
    const first = new RedactionSession();
    first.placeholder('email', 'a@x.test');
    first.placeholder('email', 'b@x.test');
    expect(new RedactionSession().placeholder('email', 'b@x.test')).toBe('[email-1]');
  });

  it('keeps no reference to the text a value was found in (a streamed HAR frees each entry)', () => {
    const session = new RedactionSession();
    const body = `${'x'.repeat(1000)} sk_live_${'a1'.repeat(20)} ${'y'.repeat(1000)}`;
    const start = body.indexOf('sk_live_');
    const placeholder = session.placeholderAt('api-key', body, start, start + 48);
    expect(session.existingAt(`sk_live_${'a1'.repeat(20)}`, 0, 48)).toBe(placeholder);
  });
});

describe('known values in JSON source', () => {
  // Characters that stress the search: escapes, quotes, word and non-word characters, placeholders.
  const piece = fc.constantFrom('a', 'N', '1', ' ', '-', '.', '@', '"', '\\', '\n', 'é', '[', ']', 'x9');
  const value = fc.array(piece, { minLength: 6, maxLength: 12 }).map((parts) => parts.join(''));

  it('one pass over the strings of a JSON text finds what searching each string alone finds', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.array(piece, { maxLength: 6 }), fc.nat(3), fc.array(piece, { maxLength: 6 }))),
        (values, strings) => {
          const session = new RedactionSession();
          for (const text of values) session.placeholder('email', text);
          session.seal();
          const known = session.known(true);
          if (known === undefined) throw new Error('a sealed session knows its values');
          // Values as JSON strings and inside longer strings, keys and numbers around them.
          const doc = strings.map(([before, pick, after], n) => [
            `k${n}`,
            `${before.join('')}${values[pick % values.length] ?? ''}${after.join('')}`,
          ]);
          const text = JSON.stringify({ ...Object.fromEntries(doc), n: 1.5, list: values }, null, 1);
          const expected: Span[] = [];
          for (let quote = text.indexOf('"'); quote !== -1;) {
            const end = jsonStringEnd(text, quote + 1);
            known.find(text, quote + 1, end, true, expected);
            quote = text.indexOf('"', end + 1);
          }
          const found: Span[] = [];
          expect(known.findInJsonStrings(text, 0, text.length, false, found)).toBe(false);
          expect(found).toEqual(expected);
          expect(found.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('known values in text, against a search that tries every value at every position', () => {
  // Word and non-word characters only (no `[`, `/`, `@` or `:`: no placeholder or URL host), and
  // values that are runs of the same few pieces, so a value is often spelled glued to the next
  // period of a text that repeats it: the case matchAt rules out before hashing anything.
  const piece = fc.constantFrom('a', 'B', '1', '_', '-', ' ', '.', 'é');
  const word = (code: number): boolean => /[A-Za-z0-9_]/.test(String.fromCharCode(code)) || code >= 128;
  /** The longest value spelled at each position that stands alone, taken left to right. */
  const oracle = (text: string, values: readonly string[]): [number, number][] => {
    const spans: [number, number][] = [];
    for (let i = 0; i <= text.length - 4;) {
      let best = '';
      for (const value of values) {
        if (value.length <= best.length || !text.startsWith(value, i)) continue;
        const end = i + value.length;
        if (word(text.charCodeAt(i)) && i > 0 && word(text.charCodeAt(i - 1))) continue;
        if (word(text.charCodeAt(end - 1)) && end < text.length && word(text.charCodeAt(end))) continue;
        best = value;
      }
      if (best === '') i++;
      else {
        spans.push([i, i + best.length]);
        i += best.length;
      }
    }
    return spans;
  };

  it('finds the same spans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 5 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 6 }), fc.array(piece, { maxLength: 3 })), {
          maxLength: 8,
        }),
        (periods, layout) => {
          const values = periods.map(([parts, times]) => parts.join('').repeat(times));
          const session = new RedactionSession();
          // A validated kind: every value of 6 characters or more is found again (see propagates).
          for (const value of values) session.placeholder('email', value);
          session.seal();
          const known = session.known(false);
          if (known === undefined) throw new Error('a sealed session knows its values');
          // Each value's period repeated, then a few pieces: whole values, values glued to their
          // own period, and near misses.
          const text = layout
            .map(([pick, times, after]) => {
              const [parts] = periods[pick % periods.length] ?? [[]];
              return `${parts.join('').repeat(times)}${after.join('')}`;
            })
            .join('');
          const found: Span[] = [];
          known.find(text, 0, text.length, false, found);
          const distinct = [...new Set(values)].filter((value) => value.length >= 6);
          expect(found.map((span) => [span.start, span.end])).toEqual(oracle(text, distinct));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('known values after many long near misses', () => {
  it('still finds each value, at the same places, once candidates are hashed from running hashes', () => {
    // A periodic value and the period recurring for 80,000 characters without it (past the 64 Ki
    // characters the running hashes keep before they start over): each recurrence agrees with the
    // value but for its last character, so the search soon runs past its budget of characters
    // hashed one by one and hashes candidates from the text's running hashes.
    const long = `${'Xa9.'.repeat(299)}Xa9Q`;
    const short = `${'Xa9.'.repeat(5)}Zed`;
    const session = new RedactionSession();
    session.placeholder('password', long);
    session.placeholder('password', short);
    session.seal();
    const known = session.known(false);
    if (known === undefined) throw new Error('a sealed session knows its values');
    const text = `${'Xa9.'.repeat(20000)} ${long} ${short} ${'Xa9.'.repeat(400)}${long} ${'Xa9.'.repeat(3)}${short}.`;
    const found: Span[] = [];
    known.find(text, 0, text.length, false, found);
    const first = text.indexOf(` ${long} `) + 1;
    const second = text.indexOf(` ${short} `) + 1;
    const third = text.lastIndexOf(long);
    const fourth = text.lastIndexOf(short);
    expect(found.map((span) => [span.start, span.end, span.placeholder])).toEqual([
      [first, first + long.length, '[password-1]'],
      [second, second + short.length, '[password-2]'],
      [third, third + long.length, '[password-1]'],
      [fourth, fourth + short.length, '[password-2]'],
    ]);
  });
});

describe('CandidatePrefixes of a toISOString timestamp', () => {
  it('records by its layout the same prefixes as reading the string', () => {
    const digits = (count: number) => fc.stringMatching(new RegExp(`^[0-9]{${count}}$`));
    const stamp = fc
      .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), digits(3))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(stamp, (text) => {
        const layout = new CandidatePrefixes(1024);
        const read = new CandidatePrefixes(1024);
        expect(isZuluMillisAt(asciiCodes(`"${text}"`), 1, layout), text).toBe(true);
        read.string(`"${text}"`, 1, text.length + 1);
        // Every 4-character window of the timestamp, recorded or not, answers alike in both maps.
        for (let at = 0; at + 4 <= text.length; at++) {
          const hash = prefixHashOf(text, at);
          expect(layout.has(hash), `${text} @${at}`).toBe(read.has(hash));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('CandidatePrefixes holds a map in proportion to its text', () => {
  // A streamed export keeps up to 16 M characters of scans, each with its map: a fixed 256 KB map
  // per 16 Ki-character body would have held 256 MB there.
  it('at most a quarter of a byte per character, and never more than 256 KB', () => {
    for (const length of [16_384, 100_000, 1_000_000, 5_000_000, 50_000_000]) {
      const bytes = new CandidatePrefixes(length).mapBytes;
      expect(bytes, String(length)).toBeLessThanOrEqual(Math.max(512, length / 4));
      expect(bytes).toBeLessThanOrEqual(256 * 1024);
    }
  });
});
