import { describe, expect, it } from 'vitest';
import { redactText } from '../../../src/core/redact/index.ts';
import { RedactionSession } from '../../../src/core/redact/index.ts';

const SIZE = 1_000_000;

/**
 * Inputs built to make a careless pattern backtrack: prefixes repeated inside one token run, long
 * runs that never reach a required suffix. A quadratic detector takes minutes on a megabyte of
 * these; a linear one well under a second, so the bound below only fails on real blow-ups.
 */
const HOSTILE: Record<string, string> = {
  'repeated JWT prefix': 'eyJ'.repeat(SIZE / 3),
  'repeated key prefix': 'sk-'.repeat(SIZE / 3),
  'repeated base64 magic': `x${'iVBORw0KGgo'.repeat(SIZE / 11)}`,
  'digits without end': '4'.repeat(SIZE),
  'dotted digits': '1.'.repeat(SIZE / 2),
  'at signs in a word run': 'a@'.repeat(SIZE / 2),
  'percent-encoded at signs': '%40'.repeat(SIZE / 3),
  'PEM header without end': `-----BEGIN PRIVATE KEY-----${'A'.repeat(SIZE)}`,
  'quoted keys': '"name":'.repeat(SIZE / 7),
  'URL schemes without @': 'http://'.repeat(SIZE / 7),
  'hex and colons': 'ab:'.repeat(SIZE / 3),
};

describe('detectors stay linear on hostile megabyte inputs', () => {
  it.each(Object.entries(HOSTILE))('%s', (_name, text) => {
    const started = performance.now();
    redactText(text, new RedactionSession());
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
