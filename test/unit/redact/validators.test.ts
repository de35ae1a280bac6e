import { describe, expect, it } from 'vitest';
import { cpfValid, ibanValid, luhn, ninoValid, ssnValid } from '../../../src/core/redact/index.ts';
import { luhnNumber } from '../../fixtures/redact/planted-values.ts';

describe('luhn', () => {
  it('accepts generated card numbers and rejects a changed digit', () => {
    const card = luhnNumber('4', 16, 1);
    expect(luhn(card)).toBe(true);
    const changed = card.slice(0, 5) + String((Number(card[5]) + 1) % 10) + card.slice(6);
    expect(luhn(changed)).toBe(false);
  });
  it('rejects non-digits and the empty string', () => {
    expect(luhn('4111-1111')).toBe(false);
    expect(luhn('')).toBe(false);
  });
});

describe('ibanValid', () => {
  it('accepts the registry examples, with or without spaces', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('NL91ABNA0417164300')).toBe(true);
  });
  it('rejects a wrong check, a wrong length and an unknown country', () => {
    expect(ibanValid('DE88370400440532013000')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false);
    expect(ibanValid('ZZ89370400440532013000')).toBe(false);
  });
});

describe('cpfValid', () => {
  it('checks both mod-11 digits', () => {
    expect(cpfValid('529.982.247-25')).toBe(true);
    expect(cpfValid('52998224725')).toBe(true);
    expect(cpfValid('529.982.247-26')).toBe(false);
    expect(cpfValid('111.111.111-11')).toBe(false);
  });
});

describe('ssnValid', () => {
  it('applies the SSA area/group/serial rules', () => {
    expect(ssnValid('536-22-8471')).toBe(true);
    expect(ssnValid('000-22-8471')).toBe(false);
    expect(ssnValid('666-22-8471')).toBe(false);
    expect(ssnValid('936-22-8471')).toBe(false);
    expect(ssnValid('536-00-8471')).toBe(false);
    expect(ssnValid('536-22-0000')).toBe(false);
  });
});

describe('ninoValid', () => {
  it('applies the HMRC prefix rules', () => {
    expect(ninoValid('JG 10 37 28 B')).toBe(true);
    expect(ninoValid('DA123456A')).toBe(false);
    expect(ninoValid('AO123456A')).toBe(false);
    expect(ninoValid('GB123456A')).toBe(false);
    expect(ninoValid('JG103728E')).toBe(false);
  });
});
