import { describe, expect, it } from 'vitest';
import {
  aadhaarValid,
  bitcoinAddressValid,
  cpfValid,
  hetuValid,
  ibanValid,
  italianFiscalCodeValid,
  itinValid,
  krRrnValid,
  luhn,
  ninoValid,
  nricValid,
  peselValid,
  spanishIdValid,
  ssnValid,
  tcknValid,
} from '../../../src/core/redact/index.ts';
import { bitcoinAddress, filler, luhnNumber } from '../../fixtures/redact/planted-values.ts';

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

describe('aadhaarValid', () => {
  it('checks the Verhoeff digit and the leading digit, grouped or not', () => {
    // Verhoeff's own worked example: 236 has check digit 3.
    const valid = ['2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '2']
      .join('')
      .concat('0123456789'.split('').find((d) => aadhaarValid(`23456789012${d}`)) ?? 'x');
    expect(aadhaarValid(valid)).toBe(true);
    expect(aadhaarValid(`${valid.slice(0, 4)} ${valid.slice(4, 8)} ${valid.slice(8)}`)).toBe(true);
    expect(aadhaarValid(`${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`)).toBe(false);
    expect(aadhaarValid(`1${valid.slice(1)}`)).toBe(false);
    expect(aadhaarValid(valid.slice(1))).toBe(false);
  });
});

describe('spanishIdValid', () => {
  it('checks the mod-23 letter of a DNI and an NIE (X=0, Y=1, Z=2)', () => {
    expect(spanishIdValid('12345678Z')).toBe(true);
    expect(spanishIdValid('12345678A')).toBe(false);
    expect(spanishIdValid('X1234567L')).toBe(true);
    expect(spanishIdValid('Y1234567X')).toBe(true);
    expect(spanishIdValid('X1234567A')).toBe(false);
    expect(spanishIdValid('X12345678Z')).toBe(false);
  });
});

describe('nricValid', () => {
  it('checks the weighted check letter of each series', () => {
    expect(nricValid('S1234567D')).toBe(true);
    expect(nricValid('S1234567A')).toBe(false);
    expect(nricValid('T1234567J')).toBe(true);
    expect(nricValid('F1234567N')).toBe(true);
    expect(nricValid('G1234567X')).toBe(true);
    expect(nricValid('A1234567D')).toBe(false);
  });
});

describe('peselValid', () => {
  it('checks the weighted check digit and the century-coded date', () => {
    expect(peselValid('44051401359')).toBe(true); // gov.pl's worked example
    expect(peselValid('44051401358')).toBe(false);
    expect(peselValid('02270803624')).toBe(true); // 2002-07-08: month 27 = July of the 2000s
    expect(peselValid('44133101357')).toBe(false); // month 13 codes no century
    expect(peselValid('44023001356')).toBe(false); // 30 February
    expect(peselValid('4405140135')).toBe(false);
  });
});

describe('itinValid', () => {
  it('takes a 9xx number whose fourth and fifth digits are in an IRS range', () => {
    expect(itinValid('912-70-1234')).toBe(true);
    expect(itinValid('900501234')).toBe(true);
    expect(itinValid('912-93-1234')).toBe(false); // 93 is not issued
    expect(itinValid('912-49-1234')).toBe(false);
    expect(itinValid('812-70-1234')).toBe(false); // an SSN's area, not an ITIN
  });
});

describe('hetuValid', () => {
  it('checks the date, the century sign and the mod-31 character', () => {
    expect(hetuValid('131052-308T')).toBe(true); // DVV's worked example
    expect(hetuValid('131052-308U')).toBe(false);
    expect(hetuValid('131052A308T')).toBe(true); // the same digits in the 2000s
    expect(hetuValid('131052Y308T')).toBe(true); // a 1900s sign added in 2023
    expect(hetuValid('311152-308T')).toBe(false); // 31 November
    expect(hetuValid('131052-001T')).toBe(false); // individual numbers start at 002
    expect(hetuValid('131052G308T')).toBe(false);
  });
});

describe('tcknValid', () => {
  it('checks both check digits and a first digit that is not 0', () => {
    expect(tcknValid('10000000146')).toBe(true);
    expect(tcknValid('10000000147')).toBe(false);
    expect(tcknValid('10000000136')).toBe(false);
    expect(tcknValid('01000000146')).toBe(false);
    expect(tcknValid('1000000014')).toBe(false);
  });

  it('passes about one random 11-digit number in a hundred', () => {
    let passed = 0;
    for (let n = 0; n < 20_000; n++)
      if (tcknValid(`${1 + (n % 9)}${filler(2000 + n, 10, '0123456789')}`)) passed++;
    expect(passed).toBeGreaterThan(100);
    expect(passed).toBeLessThan(300);
  });
});

describe('krRrnValid', () => {
  it('takes the date and the sex/century digit, not a check digit (random since October 2020)', () => {
    expect(krRrnValid('881205-2349287')).toBe(true);
    expect(krRrnValid('881305-2349287')).toBe(false);
    expect(krRrnValid('881232-2349287')).toBe(false);
    expect(krRrnValid('8812052349287')).toBe(true);
    expect(krRrnValid('881205-234928')).toBe(false);
  });
});

describe('italianFiscalCodeValid', () => {
  it('checks the odd/even-position check letter and the layout, omocodia included', () => {
    expect(italianFiscalCodeValid('RSSMRA85T10A562S')).toBe(true); // Agenzia delle Entrate's example
    expect(italianFiscalCodeValid('RSSMRA85T10A562T')).toBe(false);
    expect(italianFiscalCodeValid('RSSMRA85T10A56NH')).toBe(true); // the last digit 2 written N
    expect(italianFiscalCodeValid('RSSMRA85Z10A562S')).toBe(false); // Z is no month letter
    expect(italianFiscalCodeValid('rssmra85t10a562s')).toBe(false);
  });
});

describe('bitcoinAddressValid', () => {
  it('checks the Base58Check checksum (double SHA-256) and the version byte', () => {
    const p2pkh = bitcoinAddress(1);
    const p2sh = bitcoinAddress(2, 5);
    expect(bitcoinAddressValid(p2pkh)).toBe(true);
    expect(bitcoinAddressValid(p2sh)).toBe(true);
    // The address of the genesis block's coinbase, as block explorers print it.
    expect(bitcoinAddressValid('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(true);
    const last = p2pkh.slice(-1) === 'z' ? 'y' : 'z';
    expect(bitcoinAddressValid(`${p2pkh.slice(0, -1)}${last}`)).toBe(false);
    expect(bitcoinAddressValid(bitcoinAddress(3, 0x30))).toBe(false); // Litecoin's version byte
    expect(bitcoinAddressValid(`${p2pkh.slice(0, 10)}0${p2pkh.slice(11)}`)).toBe(false); // 0 is no base58
  });
});
