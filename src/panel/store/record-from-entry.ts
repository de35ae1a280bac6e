import type { HarEntry } from '../../core/har.ts';
import { exchangeFromCaptured } from '../../platform/capture/exchange-from-captured.ts';
import { diagnosed } from './diagnosed.ts';
import type { ClassifyOptions } from '../../core/classify.ts';
import type { SessionRecord } from './session-record.ts';

/**
 * Entry → record. Bodies of successes are not kept (only failures need them, and memory is
 * bounded); a body cut to the limit is cut in the stored entry too, so both share one string.
 */
export function recordFromEntry(
  entry: HarEntry,
  index: number,
  maxBodyChars: number,
  options: ClassifyOptions,
): SessionRecord {
  const exchange = exchangeFromCaptured(entry, index, { maxBodyChars });
  const record = diagnosed({ exchange, entry }, options);
  if (record.diagnosis === undefined) delete exchange.responseBody;
  else if (exchange.responseBodyTruncated === true && entry.response?.content !== undefined) {
    const content = entry.response.content;
    if (typeof content.text === 'string' && content.text.length > maxBodyChars) {
      content.text = exchange.responseBody ?? '';
      delete content.encoding;
      content['_truncatedFrom'] = exchange.responseBodySize;
    }
  }
  return record;
}
