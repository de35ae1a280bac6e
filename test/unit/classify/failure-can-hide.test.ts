import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { isGraphqlRequest } from '../../../src/core/formats/index.ts';
import { failureCanHideIn2xx, isFailure } from '../../../src/core/is-failure.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import { exchangeOf, type ExchangeSpec } from './exchange-of.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

function harFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return harFiles(full);
    return item.name.endsWith('.har') ? [full] : [];
  });
}

/** Every entry of every HAR fixture, as HAR import builds it (with its body). */
function everyFixtureExchange(): { file: string; exchange: Exchange }[] {
  return harFiles(FIXTURES).flatMap((file) => {
    const parsed = parseHar(readFileSync(file, 'utf8'));
    if (!parsed.ok) return [];
    // Some fixtures hold broken entries on purpose (null, a string): HAR import skips those.
    return parsed.har.log.entries.flatMap((entry, index) =>
      typeof entry === 'object' && entry !== null
        ? [{ file: path.relative(FIXTURES, file), exchange: exchangeFromHarEntry(entry, index) }]
        : [],
    );
  });
}

/** The exchange as live capture sees it before deciding to read the body. */
function withoutBody(exchange: Exchange): Exchange {
  const { responseBody: _body, ...rest } = exchange;
  return rest;
}

const GRAPHQL_ERROR = '{"data":null,"errors":[{"message":"Cannot query field \\"nope\\""}]}';
const REST_OK = '{"data":{"id":1,"query":"shoes"}}';

/** A 2xx JSON exchange with the given request. */
const call = (spec: Partial<ExchangeSpec>, body = GRAPHQL_ERROR): Exchange =>
  exchangeOf({ status: 200, mimeType: 'application/json', body, ...spec });

const json = { name: 'Content-Type', value: 'application/json' };

describe('failureCanHideIn2xx agrees with isFailure', () => {
  it('lets through every 2xx failure in the HAR fixtures, judged without its body', () => {
    const found = everyFixtureExchange().filter(
      ({ exchange }) => exchange.status >= 200 && exchange.status < 300 && isFailure(exchange),
    );
    // The fixtures hold 2xx failures of every kind (GraphQL errors, Slack `ok: false`, event-stream
    // errors): a gate that stopped any of them would lose it in live capture.
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const { file, exchange } of found)
      expect(failureCanHideIn2xx(withoutBody(exchange)), `${file} #${exchange.index}`).toBe(true);
  });

  it('never lets through what cannot be a failure', () => {
    expect(failureCanHideIn2xx(call({ status: 204 }))).toBe(false);
    expect(failureCanHideIn2xx(call({ status: 304, url: 'https://x.test/graphql' }))).toBe(false);
    expect(failureCanHideIn2xx(call({ status: 404 }))).toBe(false); // failed by status, not hidden
  });

  it('judges by what capture knows: the same answer with and without the body', () => {
    const cases = [
      call({ url: 'https://slack.com/api/chat.postMessage' }, '{"ok":false,"error":"x"}'),
      call({ method: 'POST', requestBody: '{"query":"{ a }"}' }),
      call({}, REST_OK),
    ];
    for (const exchange of cases)
      expect(failureCanHideIn2xx(exchange)).toBe(failureCanHideIn2xx(withoutBody(exchange)));
  });

  it('is only a gate for live capture: HAR import still counts a GraphQL error behind a REST-looking request', () => {
    const restLooking = call({ method: 'GET', url: 'https://api.example.com/v1/things' });
    expect(failureCanHideIn2xx(restLooking)).toBe(false);
    expect(isFailure(restLooking)).toBe(true);
  });
});

describe('failureCanHideIn2xx: where a 2xx failure can hide', () => {
  it('an event stream, by media type', () => {
    expect(failureCanHideIn2xx(call({ mimeType: 'text/event-stream; charset=utf-8' }))).toBe(true);
  });

  it("a host whose provider declares 2xx failures (Slack's ok:false), and not its neighbours", () => {
    expect(failureCanHideIn2xx(call({ url: 'https://slack.com/api/conversations.list' }))).toBe(true);
    expect(failureCanHideIn2xx(call({ url: 'https://hooks.slack.com/services/T/B/x' }))).toBe(true);
    expect(failureCanHideIn2xx(call({ url: 'https://notslack.com/api/x' }))).toBe(false);
    expect(failureCanHideIn2xx(call({ url: 'https://api.example.com/?next=https://slack.com/' }))).toBe(
      false,
    );
  });

  it('not a plain REST JSON success', () => {
    expect(failureCanHideIn2xx(call({}, REST_OK))).toBe(false);
    expect(
      failureCanHideIn2xx(call({ method: 'POST', requestHeaders: [json], requestBody: '{"name":"a"}' })),
    ).toBe(false);
  });

  it('a GraphQL call only where the response is JSON', () => {
    const graphql = { method: 'POST', requestBody: '{"query":"{ viewer { id } }"}' };
    expect(failureCanHideIn2xx(call(graphql))).toBe(true);
    expect(failureCanHideIn2xx(call({ ...graphql, mimeType: 'image/png' }))).toBe(false);
  });
});

describe('isGraphqlRequest (GraphQL over HTTP, §"Request")', () => {
  const post = (requestBody: string, extra: Partial<ExchangeSpec> = {}) =>
    isGraphqlRequest(call({ method: 'POST', requestHeaders: [json], requestBody, ...extra }));
  const get = (url: string) => isGraphqlRequest(call({ method: 'GET', url }));

  it('a JSON POST whose top level carries a GraphQL document', () => {
    expect(post('{"query":"query Viewer { viewer { login } }","variables":{}}')).toBe(true);
    expect(post('{"query":"{ viewer { login } }"}')).toBe(true);
    expect(post('{"query":"# comment\\n  mutation { like(id: 1) }"}')).toBe(true);
    expect(post('{"query":"fragment F on User { id } query { me { ...F } }"}')).toBe(true);
  });

  it('a batch: an array of request objects', () => {
    expect(post('[{"query":"{ a }"},{"query":"{ b }"}]')).toBe(true);
    expect(post('[{"id":1},{"operationName":"B","variables":{}}]')).toBe(true);
    expect(post('[{"id":1},{"query":"red shoes"}]')).toBe(false);
  });

  it('stored operations: operationName, Apollo persisted-query extensions, documentId, doc_id', () => {
    expect(post('{"operationName":"Viewer","variables":{}}')).toBe(true);
    expect(
      post(
        '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}',
      ),
    ).toBe(true);
    expect(post('{"documentId":"sha256:ecf4edb4","variables":{"id":"1"}}')).toBe(true);
    expect(post('{"doc_id":"1234567890","variables":{}}')).toBe(true);
  });

  it('a request body typed application/graphql, or asking for a GraphQL response', () => {
    expect(
      post('{ viewer { id } }', { requestHeaders: [{ name: 'Content-Type', value: 'application/graphql' }] }),
    ).toBe(true);
    const accept = { name: 'Accept', value: 'application/graphql-response+json, application/json;q=0.9' };
    expect(
      isGraphqlRequest(call({ method: 'GET', url: 'https://x.test/api', requestHeaders: [accept] })),
    ).toBe(true);
  });

  it('a response typed application/graphql-response+json', () => {
    expect(isGraphqlRequest(call({ mimeType: 'application/graphql-response+json; charset=utf-8' }))).toBe(
      true,
    );
  });

  it('a GET with the spec\'s query parameters (§"GET")', () => {
    expect(get('https://x.test/api?query=%7Bviewer%7Bid%7D%7D')).toBe(true);
    expect(get('https://x.test/api?query=query+Q%7Bme%7Bid%7D%7D&operationName=Q')).toBe(true);
    expect(
      get(
        'https://x.test/api?operationName=Q&variables=%7B%7D&extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%7D%7D',
      ),
    ).toBe(true);
    expect(get('https://x.test/api?extensions=%7B%22persistedQuery%22%3A%7B%7D%7D')).toBe(true);
  });

  it('a form-encoded POST (doc_id) and a multipart upload (operations field)', () => {
    const form = { name: 'Content-Type', value: 'application/x-www-form-urlencoded' };
    expect(post('doc_id=123&variables=%7B%7D', { requestHeaders: [form] })).toBe(true);
    const multipart = { name: 'Content-Type', value: 'multipart/form-data; boundary=b' };
    const upload =
      '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"mutation($f: Upload!) { up(f: $f) }"}\r\n--b--';
    expect(post(upload, { requestHeaders: [multipart] })).toBe(true);
  });

  it('a path segment named graphql or gql', () => {
    expect(get('https://api.github.com/graphql')).toBe(true);
    expect(get('https://shop.test/admin/api/2024-01/graphql.json')).toBe(true);
    expect(get('https://x.com/i/api/graphql/abc123/UserByScreenName?variables=%7B%7D')).toBe(true);
    expect(get('https://x.test/gql')).toBe(true);
    expect(get('https://graphql.example.com/v1/users')).toBe(false); // a host, not a path segment
    expect(get('https://x.test/docs/graphql-guide')).toBe(false);
  });

  it('a POST whose body the browser did not hand over', () => {
    expect(isGraphqlRequest(call({ method: 'POST', requestHeaders: [json] }))).toBe(true);
    expect(isGraphqlRequest(call({ method: 'POST' }))).toBe(false); // no body was sent
  });

  describe('near misses: REST that mentions the words', () => {
    it('"query" in a nested field, or a top-level query that is not a GraphQL document', () => {
      expect(post('{"filter":{"query":"{ a }"},"operationName2":1}')).toBe(false);
      expect(post('{"data":[{"operationName":"x","extensions":{"persistedQuery":{}}}]}')).toBe(false);
      expect(post('{"query":"red shoes","hitsPerPage":20}')).toBe(false); // a search API
      expect(post('{"query":{"match":{"title":"x"}}}')).toBe(false); // Elasticsearch
      expect(post('{"query":"queryable things"}')).toBe(false);
      expect(post('{"extensions":["png"],"documentId":""}')).toBe(false);
    });

    it('a search parameter, and parameters that only end in the names', () => {
      expect(get('https://x.test/search?query=red+shoes')).toBe(false);
      expect(get('https://x.test/search?q=%7Ba%7D&subquery=%7Ba%7D&myoperationName=Q')).toBe(false);
      expect(get('https://x.test/search?query=%E0%A4%A')).toBe(false); // bad percent-encoding
    });

    it('a form or multipart body without GraphQL fields', () => {
      const form = { name: 'Content-Type', value: 'application/x-www-form-urlencoded' };
      expect(post('name=a&query=red+shoes', { requestHeaders: [form] })).toBe(false);
      const multipart = { name: 'Content-Type', value: 'multipart/form-data; boundary=b' };
      expect(
        post('--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--b--', {
          requestHeaders: [multipart],
        }),
      ).toBe(false);
    });
  });
});

describe("a 2xx failure rule follows the user's host mapping, as recognition does", () => {
  const okFalse = (url: string) =>
    exchangeOf({ method: 'POST', url, status: 200, body: '{"ok":false,"error":"x"}' });

  it("applies Slack's `ok: false` to a host mapped to Slack (a proxy, with or without its port)", () => {
    for (const [url, hostMap] of [
      ['https://chat-proxy.corp.example/api/chat.postMessage', { 'chat-proxy.corp.example': 'slack' }],
      ['http://localhost:8080/api/chat.postMessage', { 'localhost:8080': 'slack' }],
      ['http://localhost:8080/api/chat.postMessage', { localhost: 'slack' }],
    ] as const) {
      expect(isFailure(okFalse(url)), url).toBe(false);
      expect(isFailure(okFalse(url), { hostMap }), url).toBe(true);
      expect(failureCanHideIn2xx(withoutBody(okFalse(url)), { hostMap }), url).toBe(true);
    }
  });

  it('drops the rule for a Slack host the user mapped to a profile without one', () => {
    const slack = okFalse('https://slack.com/api/chat.postMessage');
    expect(isFailure(slack)).toBe(true);
    expect(isFailure(slack, { hostMap: { 'slack.com': 'stripe' } })).toBe(false);
    expect(failureCanHideIn2xx(withoutBody(slack), { hostMap: { 'slack.com': 'stripe' } })).toBe(false);
    // A mapping to a profile no registry has is ignored, as in recognition.
    expect(isFailure(slack, { hostMap: { 'slack.com': 'no-such-profile' } })).toBe(true);
  });
});
