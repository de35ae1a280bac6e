import { readFileSync } from 'node:fs';
import type { Exchange } from '../../../src/core/exchange.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import { parseHar } from '../../../src/core/parse-har.ts';

/** Every entry of a HAR fixture under test/fixtures/classify, normalised as the product does. */
export function loadHarExchanges(name: string): Exchange[] {
  const text = readFileSync(new URL(`../../fixtures/classify/${name}`, import.meta.url), 'utf8');
  const parsed = parseHar(text);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.har.log.entries.map((entry, index) => exchangeFromHarEntry(entry, index));
}
