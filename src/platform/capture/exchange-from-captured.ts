import type { Exchange } from '../../core/exchange.ts';
import type { HarEntry } from '../../core/har.ts';
import { exchangeFromHarEntry, type ExchangeLimits } from '../../core/exchange-from-har-entry.ts';
import type { CapturedContent } from './capture-entry.ts';

/**
 * The Exchange for a captured (or imported) HAR entry, restoring the truncation mark the capture
 * recorded in `content._truncatedFrom` (the stored text is already cut, so core alone cannot see it).
 */
export function exchangeFromCaptured(entry: HarEntry, index: number, limits: ExchangeLimits): Exchange {
  const exchange = exchangeFromHarEntry(entry, index, limits);
  const content = entry.response?.content as CapturedContent | undefined;
  const original = content?._truncatedFrom;
  if (typeof original === 'number' && original > (exchange.responseBody?.length ?? 0)) {
    exchange.responseBodyTruncated = true;
    exchange.responseBodySize = original;
  }
  if (content?._binary === true) exchange.responseBodyBinary = true;
  return exchange;
}
