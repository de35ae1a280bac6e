import { describe, expect, it } from 'vitest';
import { parseHostMapping } from '../../../src/cli/cli-args.ts';

describe('parseHostMapping', () => {
  it('lowercases the host and the profile, as the classifier compares lowercase hostnames', () => {
    expect(parseHostMapping('API.Example.COM=Persona')).toEqual({
      ok: true,
      host: 'api.example.com',
      profile: 'persona',
    });
  });

  it('normalises an internationalised host the way URL parsing of the request does', () => {
    expect(parseHostMapping('bücher.example=privo')).toEqual({
      ok: true,
      host: 'xn--bcher-kva.example',
      profile: 'privo',
    });
  });

  it.each([
    'api.example.com:8443=ranex',
    'https://api.example.com=ranex',
    'api.example.com/v1=ranex',
    '=ranex',
  ])('refuses %s: a mapping that could never match a hostname', (value) => {
    expect(parseHostMapping(value)).toMatchObject({ ok: false, error: /is not a host name/ });
  });

  it('refuses a profile id the classifier does not know, listing the ones it does', () => {
    expect(parseHostMapping('api.example.com=acme')).toMatchObject({
      ok: false,
      error:
        /unknown profile "acme" \(one of: persona, ranex, error-envelope, persly, privo, openai, .*, generic\)/,
    });
    expect(parseHostMapping('api.example.com=stripe')).toMatchObject({ ok: true, profile: 'stripe' });
  });

  it('accepts the id of a profile loaded with --profile', () => {
    expect(parseHostMapping('api.acme.test=acme', ['acme', 'generic'])).toMatchObject({
      ok: true,
      profile: 'acme',
    });
  });
});
