import type { FailureRow } from '../../../src/core/view/index.ts';

/** A failure row with plausible defaults; tests override only what they are about. */
export function row(overrides: Partial<FailureRow> & { id: number }): FailureRow {
  return {
    method: 'GET',
    host: 'api.example.com',
    path: '/v1/things',
    status: 500,
    startedAt: new Date(1_700_000_000_000 + overrides.id * 1000).toISOString(),
    startedMs: 1_700_000_000_000 + overrides.id * 1000,
    durationMs: 12,
    provider: 'generic',
    category: 'server_error',
    retry: 'yes',
    ...overrides,
  };
}
