import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../src/core/redact/index.ts';
import { fastestCpuMs } from '../../fixtures/redact/hostile-shapes.ts';

/**
 * The finders added for the second held-out round (Authorization and signature header lines,
 * dotenv secrets, MAC addresses, quoted local parts, Base58Check addresses, PESEL, RRN, DNI and
 * codice fiscale) on shapes built to make each one rescan: cost must grow with the text as a
 * line does. Same method and bound as linear-time.test.ts (CPU time at two sizes 8x apart, the
 * fastest of five runs; linear ~8x, quadratic ~64x), no wall-clock limit.
 */
const SMALL = 16 * 1024;
const LARGE = 8 * SMALL;
const BOUND = 24;

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

const SHAPES: Record<string, (size: number) => string> = {
  'Authorization names on one line, no credential': (size) => repeat('Authorization: x ', size),
  'Authorization names inside one long token': (size) => repeat('Authorization:', size),
  'auth-params without an end': (size) => `Authorization: Digest a=1, ${repeat('b=2, ', size)}`,
  'signature names without a value': (size) => repeat('X-Signature-256= ', size),
  'dotenv secret lines': (size) => repeat('PASSPHRASE=a b c d\n', size),
  'hex pairs and colons': (size) => repeat('0a:', size),
  'hex pairs and hyphens': (size) => repeat('0a-', size),
  'quotes before at-signs': (size) => repeat('"a b"@', size),
  'Base58 words of an address length': (size) => repeat('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb ', size),
  'digits and a letter': (size) => repeat('12345678A ', size),
  'eleven-digit numbers': (size) => repeat('44051401358 ', size),
  'codice-fiscale-like words': (size) => repeat('RSSMRA85T10A562T ', size),
};

describe('second held-out round: each new finder costs a bounded number of steps per character', () => {
  it.each(Object.entries(SHAPES))('%s', (_name, make) => {
    const small = make(SMALL);
    const large = make(LARGE);
    detectSensitive(small); // warm up
    const smallMs = fastestCpuMs(() => detectSensitive(small));
    const largeMs = fastestCpuMs(() => detectSensitive(large));
    expect(largeMs / smallMs).toBeLessThan(BOUND);
  });
});
