import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  type FailureFilter,
  filterFailures,
  parseFilterText,
} from '../../../src/core/view/index.ts';
import { row } from './rows.ts';

const rows = [
  row({ id: 1, status: 429, provider: 'persona', category: 'rate_limited', host: 'api.withpersona.com' }),
  row({ id: 2, status: 503, method: 'POST', retry: 'conditional', host: 'api.ranex.io', provider: 'ranex' }),
  row({ id: 3, status: 0, category: 'network_error', host: 'db.internal', networkError: 'net::ERR_FAILED' }),
  row({
    id: 4,
    status: 400,
    category: 'bad_request',
    retry: 'no',
    code: 'parameter_invalid',
    message: 'Bad email',
  }),
  row({ id: 5, status: 200, category: 'bad_request', retry: 'no', path: '/graphql', method: 'POST' }),
];

function ids(filter: Partial<FailureFilter>): number[] {
  return filterFailures(rows, { ...EMPTY_FILTER, ...filter }).map((r) => r.id);
}

describe('filterFailures', () => {
  it('lets everything through with the empty filter', () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5]);
  });

  it('matches free text against method, host, path, status, code, message, provider and category', () => {
    expect(ids({ text: 'PERSONA' })).toEqual([1]);
    expect(ids({ text: 'bad email' })).toEqual([4]);
    expect(ids({ text: '503' })).toEqual([2]);
    expect(ids({ text: 'graphql' })).toEqual([5]);
    expect(ids({ text: 'network_error' })).toEqual([3]);
    expect(ids({ text: '"bad email"' })).toEqual([4]);
    expect(ids({ text: '-post' })).toEqual([1, 3, 4]);
  });

  it('understands Network-panel-like tokens', () => {
    expect(ids({ text: 'status:429' })).toEqual([1]);
    expect(ids({ text: 'status:5xx' })).toEqual([2]);
    expect(ids({ text: 'status:network' })).toEqual([3]);
    expect(ids({ text: 'provider:persona' })).toEqual([1]);
    expect(ids({ text: 'method:post' })).toEqual([2, 5]);
    expect(ids({ text: '-host:api.' })).toEqual([3]);
    expect(ids({ text: '-host:example.com' })).toEqual([1, 2, 3]);
    expect(ids({ text: 'domain:*.internal' })).toEqual([3]);
    expect(ids({ text: 'retry:conditional' })).toEqual([2]);
    expect(ids({ text: 'code:PARAMETER_INVALID' })).toEqual([4]);
    expect(ids({ text: 'category:rate' })).toEqual([1]);
  });

  it('accepts the Network panel spellings and numeric status forms', () => {
    expect(ids({ text: 'status-code:0' })).toEqual([3]);
    expect(ids({ text: 'status:2xx' })).toEqual([5]);
    expect(ids({ text: 'status:42' })).toEqual([]);
    expect(ids({ text: 'is:network' })).toEqual([3]);
    expect(ids({ text: 'path:GRAPH' })).toEqual([5]);
    expect(ids({ text: 'status:' })).toEqual([]); // a key without a value is plain text
  });

  it('ORs repeated keys and ANDs different ones', () => {
    expect(ids({ text: 'status:429 status:503' })).toEqual([1, 2]);
    expect(ids({ text: 'status:429 status:503 method:POST' })).toEqual([2]);
  });

  it('treats unknown keys and URLs as plain text', () => {
    expect(ids({ text: 'https://api.ranex.io' })).toEqual([]);
    expect(ids({ text: 'foo:bar' })).toEqual([]);
    expect(parseFilterText('https://x foo:bar').terms.map((t) => t.match)).toEqual(['https://x', 'foo:bar']);
    // Names every object inherits are no keys either.
    const inherited = parseFilterText('constructor:x __proto__:y');
    expect(inherited.tokens).toEqual([]);
    expect(inherited.terms.map((t) => t.match)).toEqual(['constructor:x', '__proto__:y']);
  });

  it('accepts a regular expression and falls back to literal text when it is invalid', () => {
    expect(ids({ text: '/^get\\n/' })).toEqual([1, 3, 4]);
    expect(ids({ text: '/(/' })).toEqual([]);
  });

  it('applies the chip and select filters', () => {
    expect(ids({ providers: ['ranex', 'persona'] })).toEqual([1, 2]);
    expect(ids({ categories: ['bad_request'] })).toEqual([4, 5]);
    expect(ids({ retry: ['no'] })).toEqual([4, 5]);
    expect(ids({ statusClasses: ['4xx', 'network'] })).toEqual([1, 3, 4]);
    expect(ids({ statusClasses: ['other'] })).toEqual([5]);
    expect(ids({ hosts: ['DB.internal'] })).toEqual([3]);
    expect(ids({ retry: ['no'], text: 'method:get' })).toEqual([4]);
  });
});
