import { describe, expect, it } from 'vitest';
import { redactText } from '../../../src/core/redact/redact-text.ts';
import { RedactionSession } from '../../../src/core/redact/redaction-session.ts';

describe('RedactionSession', () => {
  it('gives the same value the same placeholder and a different value the next number', () => {
    const session = new RedactionSession();
    expect(session.placeholder('email', 'a@x.test')).toBe('[email-1]');
    expect(session.placeholder('email', 'b@x.test')).toBe('[email-2]');
    expect(session.placeholder('email', 'a@x.test')).toBe('[email-1]');
    expect(session.placeholder('api-key', 'a@x.test')).toBe('[api-key-1]');
  });

  it('counts removals per placeholder and per kind', () => {
    const session = new RedactionSession();
    redactText('from ann@x.test to bob@y.test, cc ann@x.test', session);
    expect(session.removed()).toEqual([
      { kind: 'email', placeholder: '[email-1]', count: 2 },
      { kind: 'email', placeholder: '[email-2]', count: 1 },
    ]);
    expect(session.countsByKind()).toEqual({ email: 3 });
    expect(session.kindOf('[email-2]')).toBe('email');
    expect(session.kindOf('[email-3]')).toBeUndefined();
  });

  it('starts fresh in a new session (placeholders are stable only within one export)', () => {
    const first = new RedactionSession();
    first.placeholder('email', 'a@x.test');
    first.placeholder('email', 'b@x.test');
    expect(new RedactionSession().placeholder('email', 'b@x.test')).toBe('[email-1]');
  });
});
