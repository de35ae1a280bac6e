import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange, Header } from '../exchange.ts';
import { headerValue } from '../header-value.ts';
import { registryFor } from '../profiles/index.ts';
import {
  CleanJudgments,
  nameWords,
  PLACEHOLDER_PATTERN,
  RedactionSession,
  redactPath,
  redactText,
  safeDecode,
} from '../redact/index.ts';

/** One piece of the plain-text ticket; placeholders are their own segment with their kind. */
export interface TicketSegment {
  text: string;
  redactedKind?: string;
}

/** One distinct removed value in the ticket: its kind, its placeholder, how often it appears. */
export interface RemovedItem {
  kind: string;
  placeholder: string;
  count: number;
}

/** One line of the ticket: a label and a value already redacted. */
export interface TicketField {
  label: string;
  value: string;
  /** A machine identifier (path, id, code): written as code in Markdown. */
  code?: boolean;
}

/**
 * What the integrator should know that support does not need (DESIGN.md "Redaction and the
 * ticket": advice meant for the integrator is shown beside the ticket, not pasted): our verdict,
 * the action, the documentation. Our own words, never passed through the detectors.
 */
export interface TicketAdvice {
  label: string;
  text: string;
  href?: string;
}

/** A support ticket already redacted, addressed to the provider's support. */
export interface TicketDraft {
  /** The plain-text ticket (what Copy copies, what the CLI's `ticket` holds). */
  text: string;
  /** `text` split so a UI can highlight placeholders; joining the segments' text gives `text`. */
  segments: TicketSegment[];
  removed: RemovedItem[];
  fields: TicketField[];
  /** Shown beside the ticket, never in it. */
  advice: TicketAdvice[];
  /** The same ticket as Markdown, rendered on first use. */
  readonly markdown: string;
}

/** The two lines the user fills in (ranex.txt › "Talking to support": expected vs got). */
export const FILL_IN = '(fill in)';

// RFC 3986 Appendix B: scheme, authority and path of a URL; query and fragment are not on the allowlist.
const URI = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?/;

function utc(exchange: Exchange): string {
  return exchange.startedMs > 0 ? new Date(exchange.startedMs).toISOString() : exchange.startedAt;
}

function rateLimitLine(diagnosis: Diagnosis): string | undefined {
  const info = diagnosis.rateLimit;
  if (info === undefined) return undefined;
  const parts: string[] = [];
  if (info.remaining !== undefined)
    parts.push(`${info.remaining} remaining${info.limit === undefined ? '' : ` of ${info.limit}`}`);
  else if (info.limit !== undefined) parts.push(`limit ${info.limit}`);
  if (info.resetS !== undefined) parts.push(`resets in ${info.resetS} s`);
  if (info.policy !== undefined) parts.push(`policy ${info.policy}`);
  return parts.length === 0 ? undefined : `${parts.join(', ')} (${info.dialect} headers)`;
}

/**
 * How telling a header is as the id a provider's support looks a request up by: 0 a request id
 * of any vendor spelling (`X-Request-Id`, `Request-Id`, `Twilio-Request-Id`, `x-slack-req-id`,
 * `x-amzn-RequestId`, `apigw-requestid`), 1 a correlation id or an edge id (`X-Correlation-Id`,
 * `CF-Ray`, `x-amz-cf-id`, `x-vercel-id`, `x-amz-id-2`), 2 a trace id (`X-Trace-Id`,
 * `X-Cloud-Trace-Context`, `X-B3-TraceId`, `traceparent`), -1 none.
 */
export function requestIdRank(name: string): number {
  return byName(name).requestIdRank;
}

function rankOf(name: string): number {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? '';
  const prev = words[words.length - 2] ?? '';
  if (last === 'requestid' || last === 'reqid' || (last === 'id' && (prev === 'request' || prev === 'req')))
    return 0;
  if ((last === 'id' && prev === 'correlation') || last === 'correlationid') return 1;
  const lower = name.toLowerCase();
  // `x-amz-id-2`: S3's extended request id, which AWS support asks for with `x-amz-request-id`
  // (Amazon S3 API Reference, "Common Response Headers").
  if (lower === 'cf-ray' || lower === 'x-amz-cf-id' || lower === 'x-vercel-id' || lower === 'x-amz-id-2')
    return 1;
  // `traceparent`: W3C Trace Context §3.2, the trace id an OpenTelemetry-instrumented API logs.
  if (
    (last === 'id' && prev === 'trace') ||
    last === 'traceid' ||
    lower === 'x-cloud-trace-context' ||
    lower === 'traceparent'
  )
    return 2;
  return -1;
}

/**
 * The request id to quote to support: the error body's own field first (error-envelope.txt ›
 * "Request Tracking": always include request_id), then the most telling response header, then one
 * the client sent.
 */
export function requestIdOf(
  exchange: Exchange,
  diagnosis: Diagnosis,
): { value: string; source: string } | undefined {
  const fromBody = diagnosis.error?.requestId;
  if (fromBody !== undefined && fromBody !== '') return { value: fromBody, source: 'response body' };
  for (const headers of [exchange.responseHeaders, exchange.requestHeaders]) {
    let best: Header | undefined;
    let bestRank = 3;
    for (const header of headers) {
      const rank = requestIdRank(header.name);
      if (rank !== -1 && rank < bestRank && header.value.trim() !== '') {
        best = header;
        bestRank = rank;
      }
    }
    if (best !== undefined) return { value: best.value.trim(), source: best.name };
  }
  return undefined;
}

/** Version words that are not the API's: the client, its runtime, the transport. */
const NOT_API_VERSIONS = new Set([
  'client',
  'sdk',
  'app',
  'runtime',
  'browser',
  'os',
  'platform',
  'lib',
  'library',
  'package',
  'user',
  'agent',
  'ua',
  'node',
  'python',
  'ruby',
  'java',
  'go',
  'http',
  'tls',
  'ssl',
  'protocol',
  'full',
  'build',
  'firmware',
  'device',
  'model',
]);

/**
 * Headers naming the API version a request asked for or was served with, by one rule rather than
 * a list: the name's last word is `version` (`Persona-Version`, `Stripe-Version`,
 * `anthropic-version`, `X-GitHub-Api-Version`, `Notion-Version`, `x-ms-version`), unless it is a
 * client or transport version (`X-Client-Version`, `Sec-CH-UA-Full-Version`).
 */
export function isApiVersionHeader(name: string): boolean {
  return byName(name).apiVersion;
}

function readsAsApiVersion(name: string): boolean {
  const words = nameWords(name);
  if (words[0] === 'sec' || words[words.length - 1] !== 'version') return false;
  return !words.slice(0, -1).some((word) => NOT_API_VERSIONS.has(word));
}

/**
 * What the ticket reads from a header's name alone, worked out once per distinct name: a ticket
 * looks at every header of its exchange, and splitting each name into words again for every
 * failure showed in the triage profile (issue 12). Header names are few; the table is bounded anyway.
 */
const NAME_RULES = new Map<string, { requestIdRank: number; apiVersion: boolean }>();

function byName(name: string): { requestIdRank: number; apiVersion: boolean } {
  let rules = NAME_RULES.get(name);
  if (rules === undefined) {
    rules = { requestIdRank: rankOf(name), apiVersion: readsAsApiVersion(name) };
    if (NAME_RULES.size >= 4096) NAME_RULES.clear();
    NAME_RULES.set(name, rules);
  }
  return rules;
}

function apiVersions(exchange: Exchange): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const headers of [exchange.requestHeaders, exchange.responseHeaders])
    for (const header of headers) {
      if (!isApiVersionHeader(header.name)) continue;
      const lower = header.name.toLowerCase();
      if (seen.has(lower) || header.value.trim() === '') continue;
      seen.add(lower);
      out.push(`${header.name}: ${header.value.trim()}`);
    }
  // Azure's `api-version` query parameter (Azure REST API guidelines "API versioning").
  const query = URI.exec(exchange.url)?.[3] ?? '';
  if (!query.toLowerCase().includes('api-version') && !query.includes('%')) return out;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && safeDecode(pair.slice(0, eq), true).toLowerCase() === 'api-version')
      out.push(`api-version: ${safeDecode(pair.slice(eq + 1), true)}`);
  }
  return out;
}

function fromQueryOrPath(url: string, names: readonly string[]): { name: string; value: string } | undefined {
  const [beforeQuery = '', query = ''] = url.split('#')[0]?.split('?') ?? [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = safeDecode(pair.slice(0, eq), true);
    if (eq > 0 && names.includes(name)) return { name, value: safeDecode(pair.slice(eq + 1), true) };
  }
  // `/…/externalUserId/abc` or `;externalUserId=abc` (matrix parameter) in the path.
  const segments = beforeQuery.split('/').map((segment) => safeDecode(segment));
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    for (const name of names) {
      if (segment === name && segments[i + 1]) return { name, value: segments[i + 1] ?? '' };
      const matrix = segment.indexOf(`;${name}=`);
      if (matrix !== -1) return { name, value: segment.slice(matrix + name.length + 2).split(';')[0] ?? '' };
    }
  }
  return undefined;
}

function fromJsonBody(body: string, names: readonly string[]): { name: string; value: string } | undefined {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return undefined;
  }
  const stack: unknown[] = [root];
  let node: unknown;
  while ((node = stack.pop()) !== undefined) {
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (names.includes(key) && (typeof value === 'string' || typeof value === 'number'))
        return { name: key, value: String(value) };
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return undefined;
}

/**
 * The identifier the provider's support asks for (ranex.txt › "Talking to support": the
 * applicant's externalUserId; Persona's reference id), read from the URL or the request body —
 * only that one field's value, the body itself never reaches the ticket.
 */
export function supportIdentifierOf(
  exchange: Exchange,
  names: readonly string[],
): { name: string; value: string } | undefined {
  if (names.length === 0) return undefined;
  const found = fromQueryOrPath(exchange.url, names);
  if (found !== undefined) return found;
  const body = exchange.requestBody;
  if (body === undefined) return undefined;
  return fromJsonBody(body, names) ?? fromQueryOrPath(`?${body}`, names);
}

/** Clean judgments remembered across tickets (see CleanJudgments). */
const clean = new CleanJudgments();

/**
 * Judge every value of one exchange into `session` and seal it, so whatever is then redacted from
 * that exchange (a ticket field, its URL, its response) replaces a value judged sensitive anywhere
 * in it, not only where a detector sees it (issue 9: one decision per value). Bodies are judged
 * without writing their redacted copy (`judgeBodyText`): only the session's verdicts are kept.
 */
export function judgeExchange(exchange: Exchange, session: RedactionSession): void {
  clean.judge(clean.urls, '', exchange.url, session);
  for (const { name, value } of exchange.requestHeaders) clean.judge(clean.headers, name, value, session);
  for (const { name, value } of exchange.responseHeaders) clean.judge(clean.headers, name, value, session);
  const requestType = exchange.requestMimeType ?? headerValue(exchange.requestHeaders, 'content-type') ?? '';
  if (exchange.requestBody !== undefined)
    clean.judge(clean.bodies, requestType, exchange.requestBody, session);
  if (exchange.responseBody !== undefined)
    clean.judge(clean.bodies, exchange.mimeType, exchange.responseBody, session);
  session.seal();
}

/**
 * ALLOWLIST FIRST: only the fields support asks for (DESIGN.md "Redaction and the ticket";
 * ranex.txt › "Talking to support" and "What to log"; error-envelope.txt › "Request Tracking").
 * Values taken from the exchange pass the detectors and the known values; our own labels and
 * words never do. Request bodies never appear.
 */
function ticketFields(exchange: Exchange, diagnosis: Diagnosis, session: RedactionSession): TicketField[] {
  const fields: TicketField[] = [];
  const fromExchange = (label: string, value: string | number | undefined, code = false): void => {
    if (value === undefined || value === '') return;
    const redacted = redactText(String(value), session);
    fields.push(code ? { label, value: redacted, code } : { label, value: redacted });
  };
  const ours = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields.push({ label, value });
  };
  // A user profile's own fields are not at hand here; its name and doc travel in the Diagnosis.
  const profile = registryFor(undefined).byId(diagnosis.provider);
  const [, authority, path = ''] = URI.exec(exchange.url) ?? [];
  ours('Provider', diagnosis.providerName);
  if (authority !== undefined && authority !== '')
    fromExchange('Host', authority.slice(authority.lastIndexOf('@') + 1));
  fields.push({
    label: 'Request',
    value: `${exchange.method} ${redactPath(path || '/', session)}`,
    code: true,
  });
  if (exchange.graphqlOperationName !== undefined)
    fromExchange('GraphQL operation', exchange.graphqlOperationName, true);
  ours('Time (UTC)', utc(exchange));
  if (exchange.status === 0)
    fromExchange('Status', `no response (${exchange.networkError ?? 'network error'})`);
  else fromExchange('Status', `${exchange.status} ${exchange.statusText}`.trim());
  for (const version of apiVersions(exchange)) fromExchange('API version', version, true);
  const error = diagnosis.error;
  fromExchange('Error code', error?.code, true);
  fromExchange('Error type', error?.type, true);
  fromExchange('Error title', error?.title);
  fromExchange('Parameter', error?.param, true);
  fromExchange('Message', error?.message?.replace(/\s+/g, ' ').trim());
  fromExchange('Request ID', requestIdOf(exchange, diagnosis)?.value, true);
  const limited = exchange.status === 429 || diagnosis.category === 'rate_limited';
  if (limited && diagnosis.retryAfterS !== undefined) ours('Retry-After', `${diagnosis.retryAfterS} s`);
  if (limited) ours('Rate limit', rateLimitLine(diagnosis));
  const identifier = supportIdentifierOf(exchange, profile?.supportIdentifiers ?? []);
  if (identifier !== undefined) fromExchange(identifier.name, identifier.value, true);
  return fields;
}

function adviceFor(diagnosis: Diagnosis): TicketAdvice[] {
  const profile = registryFor(undefined).byId(diagnosis.provider);
  const advice: TicketAdvice[] = [
    { label: 'Verdict', text: `${diagnosis.category} (${diagnosis.class} error; retry: ${diagnosis.retry})` },
    { label: 'Recommended action', text: diagnosis.action },
  ];
  const href = diagnosis.doc.url ?? profile?.docUrl;
  const doc = `${diagnosis.providerName}: ${diagnosis.doc.section}`;
  advice.push(
    href === undefined ? { label: 'Documentation', text: doc } : { label: 'Documentation', text: doc, href },
  );
  return advice;
}

/**
 * Placeholders numbered by where they first appear in this ticket (`[email-1]` is the first email
 * the reader meets), whatever order the exchange was judged in.
 */
function renumber(fields: TicketField[], session: RedactionSession): Set<string> {
  const mapping = new Map<string, string>();
  const next = new Map<string, number>();
  const rename = (text: string): string =>
    text.replace(PLACEHOLDER_PATTERN, (placeholder: string, kind: string) => {
      if (session.kindOf(placeholder) === undefined) return placeholder;
      let renamed = mapping.get(placeholder);
      if (renamed === undefined) {
        const number = (next.get(kind) ?? 0) + 1;
        next.set(kind, number);
        renamed = `[${kind}-${number}]`;
        mapping.set(placeholder, renamed);
      }
      return renamed;
    });
  for (const field of fields) field.value = rename(field.value);
  return new Set(mapping.values());
}

function titleOf(fields: readonly TicketField[]): string {
  const request = fields.find((field) => field.label === 'Request')?.value ?? '';
  const status = fields.find((field) => field.label === 'Status')?.value ?? '';
  return `API error: ${request} → ${status}`;
}

function removedOf(text: string): RemovedItem[] {
  const items = new Map<string, RemovedItem>();
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const item = items.get(match[0]);
    if (item === undefined) items.set(match[0], { kind: match[1] ?? '', placeholder: match[0], count: 1 });
    else item.count++;
  }
  return [...items.values()];
}

function removedLine(removed: readonly RemovedItem[]): string | undefined {
  if (removed.length === 0) return undefined;
  const byKind = new Map<string, number>();
  for (const item of removed) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
  return [...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function renderText(fields: readonly TicketField[], removed: readonly RemovedItem[]): string {
  const lines = [titleOf(fields), '', ...fields.map((field) => `${field.label}: ${field.value}`)];
  lines.push('', `Expected: ${FILL_IN}`, `What happened: ${FILL_IN}`);
  const line = removedLine(removed);
  if (line !== undefined) lines.push('', `Removed before sharing: ${line}`);
  return `${lines.join('\n')}\n`;
}

/** An inline code span that survives backticks in the value (CommonMark §6.1). */
function code(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * Backslash-escapes what CommonMark would read as markup (§2.4: any ASCII punctuation may be
 * escaped), except inside placeholders, which must stay readable and whole.
 */
function escapeMarkdown(value: string): string {
  let out = '';
  let from = 0;
  for (const match of value.matchAll(PLACEHOLDER_PATTERN)) {
    out += value.slice(from, match.index).replace(/[\\`*_[\]<>#|~!]/g, '\\$&') + match[0];
    from = match.index + match[0].length;
  }
  return out + value.slice(from).replace(/[\\`*_[\]<>#|~!]/g, '\\$&');
}

function renderMarkdown(fields: readonly TicketField[], removed: readonly RemovedItem[]): string {
  const request = fields.find((field) => field.label === 'Request')?.value ?? '';
  const status = fields.find((field) => field.label === 'Status')?.value ?? '';
  const lines = [`### API error: ${code(request)} → ${escapeMarkdown(status)}`, ''];
  for (const field of fields)
    lines.push(
      `- **${field.label}:** ${field.code === true ? code(field.value) : escapeMarkdown(field.value)}`,
    );
  lines.push('', `**Expected:** ${FILL_IN}`, '', `**What happened:** ${FILL_IN}`);
  const line = removedLine(removed);
  if (line !== undefined) lines.push('', `_Removed before sharing: ${line}_`);
  return `${lines.join('\n')}\n`;
}

function segmentsOf(text: string, placeholders: ReadonlySet<string>): TicketSegment[] {
  const segments: TicketSegment[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (!placeholders.has(match[0])) continue;
    if (match.index > from) segments.push({ text: text.slice(from, match.index) });
    segments.push({ text: match[0], redactedKind: match[1] ?? '' });
    from = match.index + match[0].length;
  }
  if (from < text.length || segments.length === 0) segments.push({ text: text.slice(from) });
  return segments;
}

/** The ticket's fields, redacted and renumbered, what was removed, and the plain text. */
function draft(
  exchange: Exchange,
  diagnosis: Diagnosis,
): { fields: TicketField[]; removed: RemovedItem[]; issued: Set<string>; text: string } {
  const session = new RedactionSession();
  judgeExchange(exchange, session);
  const fields = ticketFields(exchange, diagnosis, session);
  const issued = renumber(fields, session);
  const removed = removedOf(fields.map((field) => field.value).join('\n')).filter((item) =>
    issued.has(item.placeholder),
  );
  return { fields, removed, issued, text: renderText(fields, removed) };
}

/**
 * The plain-text ticket alone (what the CLI's `ticket` holds): `buildTicket(…).text` without the
 * parts only a UI reads, so a triage of thousands of failures builds nothing it does not print.
 */
export function ticketText(exchange: Exchange, diagnosis: Diagnosis): string {
  return draft(exchange, diagnosis).text;
}

/**
 * A support-ticket draft for one failed exchange (DESIGN.md "Redaction and the ticket"): built
 * from an allowlist of fields, every value taken from the exchange redacted with one decision per
 * value across the exchange, placeholders numbered in reading order, the integrator's advice kept
 * beside it, and the list of what was removed so the user sees it before copying. Cheap enough to
 * call per failure: the detectors are set up once per process, the Markdown is rendered on demand.
 */
export function buildTicket(exchange: Exchange, diagnosis: Diagnosis): TicketDraft {
  const { fields, removed, issued, text } = draft(exchange, diagnosis);
  let markdown: string | undefined;
  return {
    text,
    segments: segmentsOf(text, issued),
    removed,
    fields,
    advice: adviceFor(diagnosis),
    get markdown(): string {
      markdown ??= renderMarkdown(fields, removed);
      return markdown;
    },
  };
}
