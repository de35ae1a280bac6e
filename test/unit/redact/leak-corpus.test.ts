import { describe, expect, it } from 'vitest';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import { sanitizeHar } from '../../../src/core/redact/index.ts';
import { buildTicket } from '../../../src/core/ticket/index.ts';
import { redactedCurl } from '../../../src/core/ticket/index.ts';
import { echoDiagnosis } from '../../fixtures/redact/corpus-figures.ts';
import { corpusHar, leakCorpus } from '../../fixtures/redact/leak-corpus.ts';
import { leakedFragments, visibleText } from '../../fixtures/redact/leak-check.ts';
import type { Planted } from '../../fixtures/redact/planted-values.ts';

const corpus = leakCorpus();

function expectNoLeak(exportText: string, planted: Planted, where: string): void {
  const leaked = leakedFragments(exportText, planted);
  expect(leaked, `${planted.id} leaked into ${where}`).toEqual([]);
}

describe('leak corpus: no planted value reaches any export', () => {
  it('keeps every entry of the sanitized HAR, which itself holds no planted value', () => {
    const sanitized = sanitizeHar(corpusHar(corpus));
    expect(sanitized.log.entries).toHaveLength(corpus.length);
    const text = `${JSON.stringify(sanitized)}\n${visibleText(sanitized)}`;
    // Whole values here; every 8-character run is checked entry by entry below.
    for (const item of corpus) expect(text.includes(item.planted.secret), item.planted.id).toBe(false);
  });

  it('really plants every value (so the checks below can fail)', () => {
    for (const item of corpus) {
      const original = visibleText(corpusHar([item]));
      expect(leakedFragments(original, item.planted), `${item.planted.id} / ${item.location}`).not.toEqual(
        [],
      );
    }
  });

  it.each(corpus.map((item) => [`${item.planted.id} / ${item.location}`, item] as const))(
    '%s',
    (_name, item) => {
      const sanitized = sanitizeHar(corpusHar([item]));
      expectNoLeak(
        `${JSON.stringify(sanitized)}\n${visibleText(sanitized)}`,
        item.planted,
        'the sanitized HAR',
      );
      const exchange = exchangeFromHarEntry(item.entry, 0);
      expectNoLeak(redactedCurl(exchange), item.planted, 'the cURL command');
      const ticket = buildTicket(exchange, echoDiagnosis(item.planted));
      expectNoLeak(ticket.text, item.planted, 'the ticket text');
      expectNoLeak(ticket.markdown, item.planted, 'the Markdown ticket');
    },
  );
});
