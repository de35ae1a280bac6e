import { describe, expect, it } from 'vitest';
import { groupFailures, pathTemplate } from '../../../src/core/view/index.ts';
import { row } from './rows.ts';

describe('pathTemplate', () => {
  it.each([
    ['/v1/users/12345/orders', '/v1/users/:id/orders'],
    ['/api/v1/inquiries/inq_VqZ7bqMqeSsNkvJjMaYbeTEr', '/api/v1/inquiries/:id'],
    ['/things/3f2b8c1e-9d4a-4b7e-8f00-0a1b2c3d4e5f', '/things/:id'],
    ['/resources/applicants/5e1c2d3a4b5c6d7e8f901234/info', '/resources/applicants/:id/info'],
    ['/files/aGVsbG8gd29ybGQgdGhpcyBpcyBvcGFxdWU', '/files/:id'],
    ['/v1beta2/models/gpt/completions', '/v1beta2/models/gpt/completions'],
    ['/oauth2/token', '/oauth2/token'],
    ['/', '/'],
  ])('%s -> %s', (path, template) => {
    expect(pathTemplate(path)).toBe(template);
  });
});

describe('groupFailures', () => {
  it('groups method + path template + status + code with count, first/last time and member ids', () => {
    const rows = [
      row({ id: 1, path: '/v1/users/1', status: 404, code: 'not_found', startedMs: 300 }),
      row({ id: 2, path: '/v1/users/2', status: 404, code: 'not_found', startedMs: 100 }),
      row({ id: 3, path: '/v1/users/3', status: 404, code: 'gone', startedMs: 200 }),
      row({ id: 4, path: '/v1/users/4', status: 404, code: 'not_found', startedMs: 200, method: 'DELETE' }),
      row({ id: 5, path: '/v1/users/5', status: 404, code: 'not_found', startedMs: 500 }),
      row({ id: 6, path: '/v1/users/6', status: 500, startedMs: 50 }),
    ];
    const groups = groupFailures(rows);
    expect(groups.map((g) => [g.method, g.template, g.status, g.code, g.count, g.ids])).toEqual([
      ['GET', '/v1/users/:id', 404, 'not_found', 3, [1, 2, 5]],
      ['GET', '/v1/users/:id', 404, 'gone', 1, [3]],
      ['DELETE', '/v1/users/:id', 404, 'not_found', 1, [4]],
      ['GET', '/v1/users/:id', 500, undefined, 1, [6]],
    ]);
    const first = groups[0];
    expect(first).toMatchObject({ firstMs: 100, lastMs: 500 });
    expect(first?.latest.id).toBe(5);
    expect(first?.members.map((m) => m.id)).toEqual([1, 2, 5]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(4);
  });
});
