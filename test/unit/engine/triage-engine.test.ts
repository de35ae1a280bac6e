import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BODY_HEAD_CHARS, KEEP_NOTHING, TriageEngine, triageHar } from '../../../src/core/engine/index.ts';
import type { Har, HarEntry } from '../../../src/core/har.ts';

function fixture(folder: string, name: string): HarEntry[] {
  const text = readFileSync(new URL(`../../fixtures/${folder}/${name}`, import.meta.url), 'utf8');
  return (JSON.parse(text) as Har).log.entries;
}

let clock = Date.parse('2026-11-22T04:00:00.000Z');
function entry(url: string, status: number, body?: string, requestBody?: string): HarEntry {
  clock += 1000;
  const request: NonNullable<HarEntry['request']> = {
    method: requestBody ? 'POST' : 'GET',
    url,
    headers: [],
  };
  if (requestBody !== undefined) request.postData = { mimeType: 'application/json', text: requestBody };
  return {
    startedDateTime: new Date(clock).toISOString(),
    time: 10,
    request,
    response: {
      status,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content:
        body === undefined ? { mimeType: 'application/json' } : { mimeType: 'application/json', text: body },
    },
  };
}
const fail = (n: number, body = '{"message":"nope"}') => entry(`https://api.example.test/f/${n}`, 500, body);
const ok = (n: number) => entry(`https://api.example.test/ok/${n}`, 200, '{"ok":true}', '{"card":"x"}');

describe('TriageEngine', () => {
  it('classifies failures, numbers entries in order and counts broken items without losing indexes', () => {
    const engine = new TriageEngine();
    const update = engine.add([fail(0), ok(1), null, 'nope', fail(4)]);
    expect(update.added.map((r) => [r.index, r.diagnosis?.category ?? 'ok'])).toEqual([
      [0, 'server_error'],
      [1, 'ok'],
      [4, 'server_error'],
    ]);
    expect(engine.failures().map((r) => r.index)).toEqual([0, 4]);
    expect(engine.dropped().skipped).toBe(2);
    expect(engine.add([fail(5)]).added[0]?.index).toBe(5);
  });

  it('keeps a success without its bodies and a failure with them', () => {
    const engine = new TriageEngine();
    engine.add([ok(0), entry('https://api.example.test/x', 422, '{"message":"bad"}', '{"a":1}')]);
    const [success, failure] = engine.records();
    expect(success?.exchange.responseBody).toBeUndefined();
    expect(success?.exchange.requestBody).toBeUndefined();
    expect(success?.entry.request?.postData?.text).toBeUndefined();
    expect(failure?.exchange.responseBody).toBe('{"message":"bad"}');
    expect(failure?.entry.request?.postData?.text).toBe('{"a":1}');
  });

  it('does not modify the entries it is given', () => {
    const given = ok(0);
    const before = JSON.stringify(given);
    new TriageEngine().add([given]);
    expect(JSON.stringify(given)).toBe(before);
  });

  it('keeps failures first: successes only evict successes', () => {
    const engine = new TriageEngine({ retention: { maxFailures: 3, maxSuccesses: 2 } });
    engine.add(Array.from({ length: 20 }, (_, n) => (n % 4 === 0 ? fail(n) : ok(n))));
    expect(engine.failures().map((r) => r.index)).toEqual([8, 12, 16]);
    expect(engine.records().map((r) => r.index)).toEqual([8, 12, 16, 18, 19]);
    expect(engine.dropped()).toMatchObject({ failures: 2, successes: 13 });
  });

  it('past the body budget cuts the oldest failure bodies to their head, then drops them, keeping every failure', () => {
    const body = (n: number) => JSON.stringify({ message: 'x'.repeat(n) });
    const engine = new TriageEngine({ retention: { maxRetainedBodyChars: 12_000 } });
    engine.add([0, 1, 2, 3].map((n) => fail(n, body(5_000))));
    const lengths = () => engine.failures().map((r) => r.exchange.responseBody?.length ?? 0);
    // 4 × 5,014 = 20,056 > 12,000: the two oldest are cut to the head (2 × 2,048 + 2 × 5,014 = 14,124),
    // still over, so the third is cut too; the newest always stays whole.
    expect(lengths()).toEqual([BODY_HEAD_CHARS, BODY_HEAD_CHARS, BODY_HEAD_CHARS, 5_014]);
    expect(engine.failures().map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(engine.dropped()).toMatchObject({ failures: 0, trimmedBodies: 3 });
    // Heads alone past the budget: the oldest lose their body entirely, the failures stay listed.
    engine.setRetention({ maxRetainedBodyChars: 6_000 });
    expect(lengths()).toEqual([0, 0, 0, 5_014]);
    expect(engine.dropped()).toMatchObject({ failures: 0, trimmedBodies: 3 });
    const [oldest] = engine.failures();
    expect(oldest?.exchange).toMatchObject({ responseBodyTruncated: true, responseBodySize: 5_014 });
    expect(oldest?.entry.response?.content).toMatchObject({ text: '', _truncatedFrom: 5_014 });
    expect(oldest?.diagnosis?.category).toBe('server_error');
    expect(engine.get(0)).toBe(oldest);
    expect(engine.counts().retainedBodyChars).toBe(5_014);
  });

  it('a failure whose body is cut or dropped keeps every other field findings and the ticket read', () => {
    const graphql = (n: number): HarEntry => {
      const given = entry(
        `https://api.example.test/graphql?n=${n}`,
        502,
        JSON.stringify({ message: 'z'.repeat(4_000) }),
        '{"operationName":"CreateOrder","query":"mutation CreateOrder { id }"}',
      );
      if (given.response) given.response._error = 'net::ERR_HTTP2_PROTOCOL_ERROR';
      return given;
    };
    const engine = new TriageEngine({ retention: { maxRetainedBodyChars: 9_000 } });
    // The records as they were made, before any cut.
    const before = [...engine.add([0, 1, 2].map(graphql)).added, ...engine.add([graphql(3)]).added];
    const after = engine.failures();
    // The oldest lost its body, the next two were cut to their head, the newest is whole.
    expect(after.map((r) => r.exchange.responseBody?.length)).toEqual([
      undefined,
      BODY_HEAD_CHARS,
      BODY_HEAD_CHARS,
      4_014,
    ]);
    for (const [i, record] of after.slice(0, 3).entries()) {
      const was = before[i];
      const {
        responseBody: _body,
        responseBodyTruncated: _cut,
        responseBodySize: _size,
        ...rest
      } = record.exchange;
      const { responseBody: _wasBody, ...wasRest } = was?.exchange ?? {};
      expect(rest).toStrictEqual(wasRest);
      expect(record.exchange).toMatchObject({
        requestBody: expect.stringContaining('CreateOrder'),
        requestMimeType: 'application/json',
        graphqlOperationName: 'CreateOrder',
        networkError: 'net::ERR_HTTP2_PROTOCOL_ERROR',
        responseBodyTruncated: true,
        responseBodySize: 4_014,
      });
      expect('responseBody' in record.exchange).toBe(i > 0);
      expect(record.diagnosis).toBe(was?.diagnosis);
      expect(record.row).toBe(was?.row);
      expect(record.attempt).toBe(was?.attempt);
      expect(record.bodyTrimmed).toBe(true);
      expect(record.entry.request).toBe(was?.entry.request);
      expect(record.entry.response?.content?.['_truncatedFrom']).toBe(4_014);
      expect(engine.get(record.index)).toBe(record);
    }
    // Every cut failure is built with its fields in one order (one shape for all of them).
    const keys = after.slice(1, 3).map((r) => [Object.keys(r), Object.keys(r.exchange)]);
    expect(keys[0]).toEqual(keys[1]);
    // A reclassification keeps the cut records' bodies and marks.
    engine.configure({});
    expect(engine.failures().map((r) => [r.exchange.responseBody?.length, r.bodyTrimmed])).toEqual([
      [undefined, true],
      [BODY_HEAD_CHARS, true],
      [BODY_HEAD_CHARS, true],
      [4_014, undefined],
    ]);
  });

  it('keeps the body budget accurate as cut failures are evicted', () => {
    const body = JSON.stringify({ message: 'y'.repeat(9_000) });
    const engine = new TriageEngine({ retention: { maxFailures: 3, maxRetainedBodyChars: 21_000 } });
    for (let n = 0; n < 50; n++) engine.add([fail(n, body)]);
    expect(engine.failures().map((r) => r.index)).toEqual([47, 48, 49]);
    expect(engine.failures().map((r) => r.exchange.responseBody?.length)).toEqual([
      BODY_HEAD_CHARS,
      9_014,
      9_014,
    ]);
    expect(engine.counts().retainedBodyChars).toBe(BODY_HEAD_CHARS + 2 * 9_014);
    expect(engine.dropped().failures).toBe(47);
  });

  it('cuts a kept failure body to the per-body limit in the entry too, marked for the export', () => {
    const engine = new TriageEngine({ retention: { maxBodyChars: 10 } });
    const given = fail(0, JSON.stringify({ message: 'y'.repeat(100) }));
    engine.add([given]);
    const [record] = engine.failures();
    expect(record?.entry.response?.content?.text).toHaveLength(10);
    expect(record?.entry.response?.content?.['_truncatedFrom']).toBe(114);
    expect(engine.dropped().truncatedBodies).toBe(1);
    expect(given.response?.content?.text).toHaveLength(114);
  });

  it('a lower limit evicts at once and is counted', () => {
    const engine = new TriageEngine();
    engine.add(Array.from({ length: 10 }, (_, n) => fail(n)));
    const update = engine.setRetention({ maxFailures: 4 });
    expect(update.evictedFailures).toEqual([0, 1, 2, 3, 4, 5]);
    expect(engine.failures().map((r) => r.index)).toEqual([6, 7, 8, 9]);
    expect(engine.get(0)).toBeUndefined();
    expect(engine.get(9)?.index).toBe(9);
  });

  it('keeps nothing for a streaming host, yet reports every record and the findings', () => {
    const entries = fixture('session', 'retry-before-wait.har');
    const engine = new TriageEngine({ retention: KEEP_NOTHING });
    const failures = entries.map((e, i) => engine.addEntry(e, i)).filter((r) => r?.diagnosis !== undefined);
    expect(failures.length).toBeGreaterThan(0);
    expect(engine.records()).toEqual([]);
    expect(engine.dropped()).toMatchObject({ failures: 0, successes: 0 });
    expect(engine.findings().map((f) => f.kind)).toContain('retry_before_wait');
  });

  it('reclassifies what it keeps after a mapping change and replays the findings', () => {
    const entries = fixture('classify', 'privo.har');
    const engine = new TriageEngine();
    engine.add(entries);
    const host = new URL(engine.failures()[0]!.exchange.url).hostname;
    expect(engine.failures().every((r) => r.diagnosis?.provider === 'generic')).toBe(true);
    const update = engine.configure({ hostMap: { [host]: 'privo' } });
    expect(update.failuresReplaced).toBe(true);
    expect(engine.failures().every((r) => r.diagnosis?.provider === 'privo')).toBe(true);
    expect(engine.failures().every((r) => r.row?.provider === 'privo')).toBe(true);
    const fresh = new TriageEngine({ classify: { hostMap: { [host]: 'privo' } } });
    fresh.add(entries);
    expect(engine.findings()).toEqual(fresh.findings());
  });

  it('gives the same findings after a replay as a fresh run, for every session fixture', () => {
    for (const name of ['circuit-breaker.har', 'idempotency-key-reused.har', 'rate-limit-headroom.har']) {
      const entries = fixture('session', name);
      const replayed = new TriageEngine();
      replayed.add(entries);
      replayed.configure({});
      const fresh = new TriageEngine();
      fresh.add(entries);
      expect(replayed.findings(), name).toEqual(fresh.findings());
      expect(fresh.findings().length, name).toBeGreaterThan(0);
    }
  });

  it('remembers the latest rate-limit figures per host', () => {
    const engine = new TriageEngine();
    engine.add(fixture('session', 'rate-limit-headroom.har'));
    const limits = [...engine.rateLimits().values()];
    expect(limits.length).toBeGreaterThan(0);
    expect(limits[0]?.info.remaining).toBeTypeOf('number');
  });

  it('holds no more than the limits, however long the session', () => {
    const engine = new TriageEngine({ retention: { maxFailures: 50, maxSuccesses: 50 } });
    for (let n = 0; n < 20_000; n++) engine.add([n % 2 === 0 ? fail(n) : ok(n)]);
    expect(engine.counts()).toMatchObject({ failures: 50, successes: 50 });
    expect(engine.dropped()).toMatchObject({ failures: 9_950, successes: 9_950 });
  });

  it('starts over on clear, indexes from 0', () => {
    const engine = new TriageEngine();
    engine.add([fail(0), fail(1)]);
    engine.clear();
    expect(engine.records()).toEqual([]);
    expect(engine.findings()).toEqual([]);
    expect(engine.add([fail(2)]).added[0]?.index).toBe(0);
  });
});

describe('triageHar', () => {
  it('is the engine fed a file: one report entry per failure, in file order', () => {
    const entries = fixture('cli', 'mixed-providers.har');
    const report = triageHar({ log: { entries } });
    const engine = new TriageEngine();
    engine.add(entries);
    expect(report.entries.map((e) => [e.index, e.provider, e.category])).toEqual(
      engine.failures().map((r) => [r.index, r.diagnosis?.provider, r.diagnosis?.category]),
    );
    expect(report.findings.map((f) => f.kind)).toEqual(engine.findings().map((f) => f.kind));
  });
});
