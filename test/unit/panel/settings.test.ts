import { describe, expect, it } from 'vitest';
import { normalizeHost } from '../../../src/panel/store/normalize-host.ts';
import { parseManagedHostMap, parseSettings } from '../../../src/panel/store/parse-settings.ts';
import { DEFAULT_SETTINGS } from '../../../src/panel/store/settings.ts';

describe('parseSettings', () => {
  it('gives safe defaults for nothing stored or garbage', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('nope')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ maxExchanges: 'many', preserveLog: 'yes' })).toEqual(DEFAULT_SETTINGS);
  });

  it('clamps limits and keeps only valid host mappings', () => {
    const parsed = parseSettings({
      maxFailures: 1e9,
      maxSuccesses: -5,
      maxBodyChars: 1,
      maxRetainedBodyMB: 1e6,
      keepSuccessBodies: 'yes',
      preserveLog: true,
      hostMap: { 'API.Example.test': 'persona', 'bad.test': 'nobody', '': 'ranex' },
    });
    expect(parsed).toEqual({
      maxFailures: 50_000,
      maxSuccesses: 0,
      maxBodyChars: 1_000,
      maxRetainedBodyMB: 1_024,
      keepSuccessBodies: false,
      preserveLog: true,
      hostMap: { 'api.example.test': 'persona' },
      profiles: [],
    });
  });

  it('carries a stored limit from before failures and successes were kept apart over to failures', () => {
    expect(parseSettings({ maxExchanges: 20_000 })).toMatchObject({
      maxFailures: 20_000,
      maxSuccesses: DEFAULT_SETTINGS.maxSuccesses,
    });
  });

  it('reads organisation presets from the managed schema', () => {
    expect(parseManagedHostMap({ hostMap: { 'api.corp.test': 'ranex' } })).toEqual({
      'api.corp.test': 'ranex',
    });
    expect(parseManagedHostMap(undefined)).toEqual({});
  });

  it('normalizes what users type as a host', () => {
    expect(normalizeHost(' https://API.example.test:8443/v1?x ')).toBe('api.example.test');
    expect(normalizeHost('api.example.test')).toBe('api.example.test');
    expect(normalizeHost('')).toBe('');
  });
});
