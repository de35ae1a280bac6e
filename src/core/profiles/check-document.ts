import { CATEGORIES } from '../diagnosis.ts';
import { parsePath } from '../formats/index.ts';
import { PROFILE_FORMAT_VERSION, type ProfileDocument } from './profile-format.ts';

/*
 * The run-time check of a profile document against profile.schema.json. The panel runs under MV3's
 * content security policy (no eval, no new Function), which rules out validators that compile a
 * schema to code; a CSP-safe interpreter such as @cfworker/json-schema costs 6.4 KB gzipped, a
 * tenth of the panel's budget. These few combinators cost well under 1 KB, give messages written
 * for a person ("rules[2].then.retry: …"), and a unit test runs the JSON Schema itself, through a
 * real validator, over the same valid and invalid documents to keep the two in step.
 */

type Check = (value: unknown, path: string, problems: string[]) => void;

const MAX_TEXT = 2000;
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const HOST = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
const HEADER = /^[!#$%&'*+.^_`|~0-9a-zA-Z-]{1,100}$/;
const STATUS_CLASS = ['1xx', '2xx', '3xx', '4xx', '5xx'];
const HAS = ['code', 'type', 'message', 'param', 'requestId', 'quotaFailure', 'retryDelay'];
const FIELDS = ['code', 'type', 'message', 'requestId', 'param', 'docUrl'];

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
const where = (path: string): string => (path === '' ? 'the profile' : path);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(options: { pattern?: RegExp; hint?: string; max?: number } = {}): Check {
  return (value, path, problems) => {
    if (typeof value !== 'string' || value.trim() === '')
      return void problems.push(`${where(path)}: expected a non-empty string, got ${show(value)}`);
    if (value.length > (options.max ?? MAX_TEXT))
      return void problems.push(`${where(path)}: longer than ${options.max ?? MAX_TEXT} characters`);
    if (options.pattern !== undefined && !options.pattern.test(value))
      problems.push(`${where(path)}: ${show(value)} is not ${options.hint ?? 'valid'}`);
  };
}

/** A regular expression source, compiled here so a broken one is a message, not a crash later. */
const regex: Check = (value, path, problems) => {
  text({ max: 500 })(value, path, problems);
  if (typeof value !== 'string') return;
  try {
    new RegExp(value, 'i');
  } catch (error) {
    problems.push(`${where(path)}: not a valid regular expression (${(error as Error).message})`);
  }
};

function oneOf(values: readonly (string | number | boolean)[]): Check {
  return (value, path, problems) => {
    if (!values.includes(value as string))
      problems.push(`${where(path)}: ${show(value)} is not one of ${values.join(', ')}`);
  };
}

function number(min: number, max: number, integer = false): Check {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
      return void problems.push(
        `${where(path)}: expected ${integer ? 'an integer' : 'a number'}, got ${show(value)}`,
      );
    if (value < min || value > max) problems.push(`${where(path)}: ${value} is outside ${min}…${max}`);
  };
}

const boolean: Check = (value, path, problems) => {
  if (typeof value !== 'boolean') problems.push(`${where(path)}: expected true or false, got ${show(value)}`);
};

function list(item: Check, min = 0, max = 200): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value))
      return void problems.push(`${where(path)}: expected a list, got ${show(value)}`);
    if (value.length < min)
      problems.push(`${where(path)}: needs at least ${min} item${min === 1 ? '' : 's'}`);
    if (value.length > max) problems.push(`${where(path)}: at most ${max} items`);
    value.slice(0, max).forEach((entry, index) => item(entry, at(path, index), problems));
  };
}

function record(values: Check, keys: Check = text({ max: 200 })): Check {
  return (value, path, problems) => {
    if (!isRecord(value)) return void problems.push(`${where(path)}: expected an object, got ${show(value)}`);
    for (const [key, entry] of Object.entries(value)) {
      keys(key, at(path, key), problems);
      values(entry, at(path, key), problems);
    }
  };
}

function object(properties: Record<string, Check>, required: readonly string[] = []): Check {
  return (value, path, problems) => {
    if (!isRecord(value)) return void problems.push(`${where(path)}: expected an object, got ${show(value)}`);
    for (const key of required)
      if (!Object.hasOwn(value, key)) problems.push(`${where(path)}: missing "${key}"`);
    for (const [key, entry] of Object.entries(value)) {
      const check = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (check === undefined)
        problems.push(
          `${where(path)}: unknown property "${key}" (known: ${Object.keys(properties).join(', ')})`,
        );
      else check(entry, at(path, key), problems);
    }
  };
}

/** A body path (`error.errors[0].reason`): dot-separated keys with optional `[n]` indexes. */
const jsonPath: Check = (value, path, problems) => {
  text({ max: 200 })(value, path, problems);
  if (typeof value === 'string' && parsePath(value) === undefined)
    problems.push(`${where(path)}: ${show(value)} is not a path such as error.code or errors[0].reason`);
};

/** A field source: a body path, or `header:Name`. */
const sourcePath: Check = (value, path, problems) => {
  if (typeof value === 'string' && /^header:/i.test(value))
    return header(value.replace(/^header:\s*/i, ''), path, problems);
  jsonPath(value, path, problems);
};

const url = text({ pattern: /^https?:\/\/\S+$/, hint: 'an http(s) URL' });
const header = text({ pattern: HEADER, hint: 'a header name' });
const seconds = number(0, 86_400);

const fieldSource: Check = (value, path, problems) => {
  if (typeof value === 'string') return sourcePath(value, path, problems);
  object({ from: sourcePath, match: regex }, ['from', 'match'])(value, path, problems);
};

const bodyShape = object({
  has: list(jsonPath, 1, 20),
  equals: record((value, path, problems) => {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
      problems.push(`${where(path)}: expected a string, number, boolean or null`);
  }, jsonPath),
});

const statusMatch: Check = (value, path, problems) => {
  if (typeof value === 'string') return oneOf(STATUS_CLASS)(value, path, problems);
  number(0, 599, true)(value, path, problems);
};

const backoff = object({
  delaysS: list(seconds, 1, 20),
  initialS: seconds,
  factor: number(1, 10),
  count: number(1, 20, true),
  capS: seconds,
  jitter: boolean,
});

const rule = object(
  {
    id: text({ pattern: /^[A-Za-z0-9][\w.-]{0,62}$/, hint: 'a rule id (letters, digits, . _ -)' }),
    when: object({
      status: list(statusMatch, 1, 50),
      method: list(text({ pattern: /^[A-Za-z]{1,20}$/, hint: 'an HTTP method' }), 1, 20),
      path: regex,
      code: list(text({ max: 200 }), 1, 100),
      type: list(text({ max: 300 }), 1, 100),
      message: regex,
      has: list(oneOf(HAS), 1, HAS.length),
      bodyFormat: list(text({ max: 50 }), 1, 20),
      responseHeaders: record(
        (value, path, problems) => (value === '' ? undefined : regex(value, path, problems)),
        header,
      ),
      idempotencyKey: boolean,
      serverWait: boolean,
      rateLimitExhausted: boolean,
    }),
    then: object({
      category: oneOf(CATEGORIES),
      retry: oneOf(['yes', 'no', 'conditional', 'when-idempotent']),
      condition: text(),
      wait: oneOf(['server', 'schedule']),
      backoff,
      maxAttempts: number(1, 100, true),
      idempotencyKey: oneOf(['same', 'new', 'none']),
      action: text(),
      note: text({ max: 300 }),
    }),
    doc: object({ url, section: text({ max: 300 }), title: text({ max: 200 }) }, ['section']),
  },
  ['id', 'when', 'then', 'doc'],
);

const document = object(
  {
    $schema: text(),
    formatVersion: (value, path, problems) => {
      if (value !== PROFILE_FORMAT_VERSION)
        problems.push(
          `${path}: this version reads format ${PROFILE_FORMAT_VERSION}, the file says ${show(value)}`,
        );
    },
    id: text({ pattern: ID, hint: 'an id of lower-case letters, digits and dashes' }),
    name: text({ max: 100 }),
    docUrl: url,
    docTitle: text({ max: 200 }),
    recognize: object({
      hosts: list(
        text({ pattern: HOST, hint: 'a host name such as api.example.com or *.example.com' }),
        1,
        50,
      ),
      signatures: list(
        object({
          requestHeaders: list(header, 1, 10),
          responseHeaders: list(header, 1, 10),
          body: bodyShape,
          bodyFormat: list(text({ max: 50 }), 1, 20),
        }),
        1,
        10,
      ),
    }),
    fields: object(Object.fromEntries(FIELDS.map((name) => [name, list(fieldSource, 1, 10)]))),
    failureWhen: list(bodyShape, 1, 10),
    retryHeaders: list(header, 1, 5),
    idempotency: object({
      header,
      methods: list(text({ pattern: /^[A-Za-z]{1,20}$/, hint: 'an HTTP method' }), 0, 20),
      requests: list(
        object({
          method: list(text({ pattern: /^[A-Za-z]{1,20}$/, hint: 'an HTTP method' }), 1, 20),
          path: regex,
          bodyFields: list(text({ max: 100 }), 1, 20),
          note: text({ max: 300 }),
        }),
        1,
        20,
      ),
      advice: text(),
    }),
    backoff,
    supportIdentifiers: list(text({ max: 100 }), 0, 20),
    rules: list(rule, 0, 200),
  },
  ['formatVersion', 'id', 'name', 'recognize', 'rules'],
);

/** Problems a structurally valid document can still have: two rules with one id. */
function semanticProblems(doc: ProfileDocument): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  doc.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) problems.push(`rules[${index}].id: "${rule.id}" is used by an earlier rule`);
    seen.add(rule.id);
  });
  return problems;
}

export type CheckResult = { ok: true; document: ProfileDocument } | { ok: false; problems: string[] };

/**
 * Whether `value` is a profile document of the supported format version; every problem found is
 * listed (up to 20), each with the path to the offending value. Never throws.
 */
export function checkProfileDocument(value: unknown): CheckResult {
  const problems: string[] = [];
  document(value, '', problems);
  if (problems.length === 0) problems.push(...semanticProblems(value as ProfileDocument));
  if (problems.length === 0) return { ok: true, document: value as ProfileDocument };
  const shown = problems.slice(0, 20);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  return { ok: false, problems: shown };
}
