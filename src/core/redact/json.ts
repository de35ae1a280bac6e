import { setOwn } from '../formats/json-value.ts';
import { asciiCodes, PAST_ASCII } from './ascii-codes.ts';
import { detectorGates, isoTimestampEnd } from './detect.ts';
import {
  fieldKind,
  isCodeCredential,
  isCodeName,
  isContextualName,
  isIdentifierName,
  isLabelName,
  isMetadataName,
  isScimDisplayName,
  isUrlAt,
} from './field-names.ts';
import {
  CandidatePrefixes,
  isPlaceholder,
  jsonStringEnd,
  type KnownValues,
  type RedactionKind,
  type RedactionSession,
  SECRET_KINDS,
  type Span,
} from './session.ts';
import { TextBuilder } from './text-builder.ts';
import {
  KEPT_SCAN_LENGTH,
  keptScan,
  mayKeep,
  redactKnown,
  redactText,
  redactTextOrUrl,
  redactWhole,
  redactWholeAt,
  type BodyScans,
  type ValueMemo,
} from './values.ts';

/**
 * JSON redaction, two ways with the same rules: a scan over JSON text (request and response
 * bodies: the hot path of a sanitized export, megabytes at a time) and a walk over parsed values
 * (HAR custom `_fields`, broken entries). Values under a sensitive name are replaced whole; the
 * name is read with the name of the object around it (`customer.name`, `card.number`), and a
 * `{"name": "AWS_SECRET_ACCESS_KEY", "value": "…"}` pair (environment lists, HAR-like headers) is
 * read as the field its `name` says; every other string passes the detectors, object keys too
 * (maps keyed by email exist). Numbers under a sensitive name (a PIN, a phone) are replaced too.
 */

/** Kinds whose value is still sensitive when it is a JSON number (a PIN, a zip code, a phone). */
const NUMERIC_KINDS = new Set<RedactionKind>([
  'password',
  'secret',
  'api-key',
  'token',
  'phone',
  'card',
  'iban',
  'bank-account',
  'national-id',
  'dob',
  'address',
]);

/** Keys that name the other half of a name/value pair. */
const PAIR_NAMES = new Set(['name', 'key', 'Name', 'Key', 'variable', 'header']);
const PAIR_VALUES = new Set(['value', 'Value', 'val']);

/** What an object key means for redaction, computed once per key spelling. */
export interface KeyInfo {
  kind: RedactionKind | undefined;
  /** The key's meaning depends on the object it sits in (`name`, `number`, `line1`). */
  contextual: boolean;
  /** The key contains nothing the detectors find, so it can be written back unchanged. */
  clean: boolean;
  /**
   * detectorGates of the key (0 when clean), handed to redactText with the key: a key that is
   * not clean was gated twice at each occurrence, once here and once there.
   */
  gates: number;
  /** 1: names a name/value pair (`name`, `key`); 2: holds its value (`value`). */
  role: 0 | 1 | 2;
  /** A code-like name (`code`, `key`, `appid`: isCodeName): its value goes when it looks generated. */
  code: boolean;
  /**
   * A descriptive field (`id`, `status`, `expires_in`: isMetadataName): a sensitive container's
   * kind does not reach it (see `describes`).
   */
  metadata: boolean;
  /** A record's identifier (isIdentifierName): a string of digits under it is kept (see digitsOnly). */
  identifier: boolean;
  /** A label (`name`, `title`: isLabelName), see `describes`. */
  label: boolean;
  /** `displayName` (isScimDisplayName): a person's name, unless its object is a SCIM Group (isGroupSchema). */
  display: boolean;
  /** `schemas`: a SCIM resource's schema URIs (RFC 7643 §3), which say whether it is a Group. */
  schemas: boolean;
}

const keyCache = new Map<string, KeyInfo>();

/** What a key's words say (KeyInfo without `clean` and `role`), by the key with its digits as `0`. */
type NameFacts = Pick<KeyInfo, 'kind' | 'contextual' | 'code' | 'metadata' | 'identifier' | 'label'>;
const shapeCache = new Map<string, NameFacts>();
const DIGIT_RUNS = /\d+/g;

export function jsonKeyInfo(key: string): KeyInfo {
  let info = keyCache.get(key);
  if (info === undefined) {
    const facts = nameFacts(key);
    const gates = key.length < 4 ? 0 : detectorGates(key);
    info = {
      kind: facts.kind,
      contextual: facts.contextual,
      clean: gates === 0,
      gates,
      role: PAIR_NAMES.has(key) ? 1 : PAIR_VALUES.has(key) ? 2 : 0,
      code: facts.code,
      metadata: facts.metadata,
      identifier: facts.identifier,
      label: facts.label,
      display: isScimDisplayName(key),
      schemas: key === 'schemas',
    };
    if (keyCache.size < 50_000) keyCache.set(key, info);
  }
  return info;
}

/**
 * The key's meaning by its words. No word list of field-names holds a digit, and a digit run is a
 * word of its own there (nameWords splits at letter/digit seams), so keys that differ only in
 * their numbers (`page.section12.label_123`, `item_7`) mean the same: a map of thousands of
 * distinct keys (an i18n bundle, records keyed by number) is read once per shape, where reading
 * each key's words cost ~30x JSON.parse per MB.
 */
function nameFacts(key: string): NameFacts {
  const shape = key.length <= 256 && /\d/.test(key) ? key.replace(DIGIT_RUNS, '0') : undefined;
  let facts = shape === undefined ? undefined : shapeCache.get(shape);
  if (facts === undefined) {
    const kind = fieldKind(key);
    facts = {
      kind,
      contextual: kind === undefined && isContextualName(key),
      code: kind === undefined && isCodeName(key),
      metadata: kind === undefined && isMetadataName(key),
      identifier: kind === undefined && isIdentifierName(key),
      label: isLabelName(key),
    };
    if (shape !== undefined) {
      if (shapeCache.size >= 10_000) shapeCache.clear();
      shapeCache.set(shape, facts);
    }
  }
  return facts;
}

const SECRET_KIND_SET: ReadonlySet<RedactionKind> = new Set(SECRET_KINDS);

/**
 * The SCIM Group resource's schema (RFC 7643 §4.2, §8.7.1). A Group's `displayName` names the
 * group (§4.2: "A human-readable name for the Group", `"Tour Guides"`), where a User's names the
 * person (§4.1.1): GitHub's SCIM group `"displayName": "octo-org"` was replaced as a person's name,
 * and then in every URL naming that organisation (190 values of GitHub's REST examples). Read from
 * `schemas`, which a resource lists before its attributes in every example of RFC 7643 §8.
 */
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

function isGroupSchema(text: string, start: number, end: number): boolean {
  return end - start === GROUP_SCHEMA.length && text.startsWith(GROUP_SCHEMA, start);
}

/**
 * Whether a field inside a container of this kind describes the thing rather than holding it. A
 * descriptive field (KeyInfo.metadata): under `"session": {…}` an `id` or `status` is the
 * session's, but under `"driver_license": {…}` or `"national_id": {…}` the `id` may be the number
 * itself. A label (KeyInfo.label) under a credential: OpenAI's service account
 * `api_key: {"name": "Secret Key", "value": "sk-…"}` names the key it holds (under a person, a
 * `name` is the person's).
 */
function describes(metadata: boolean, label: boolean, kind: RedactionKind | undefined): boolean {
  // `undefined` is ruled out before `kind` meets a string: a comparison that has seen both
  // undefined and a string is compiled as a call to V8's generic equality, once per value.
  if (kind === undefined) return metadata;
  return (metadata && kind !== 'national-id') || (label && SECRET_KIND_SET.has(kind));
}

/**
 * Whether a string that a sensitive container's kind reaches (not its own key's) is something of
 * another kind: a date or date-time (ISO 8601) is no credential, name or address, only a birth
 * date; a URL is not itself a credential or a person (a secret inside one, in its userinfo, a
 * token parameter or a webhook path, is found by the detectors). Such a value is judged by the
 * detectors instead: Twilio's `credentials[]` resources lost their `date_created` and `url`, and
 * Plaid's identity `address` objects their timestamps (the vendors' own OpenAPI examples). `text`
 * is JSON source or a decoded value; [start, end) is the string's content.
 */
function unlikeKind(kind: RedactionKind, text: string, start: number, end: number): boolean {
  if (end - start >= 10 && kind !== 'dob' && isoTimestampEnd(text, start) === end) return true;
  if (kind === 'email') return false;
  return isUrlAt(text, start);
}

/**
 * Whether the string text[start, end) is its own field's name (`"name": "name"`,
 * `"event_payload_key": "event_payload_key"`): a schema's example that holds no data (Stripe's
 * `fixtures3.json` has both). It is judged by the detectors instead, like any other text. Not a
 * password or secret: `"password": "password"` and a JWT signed with `"secret"` are real, if weak.
 */
function namesItself(
  kind: RedactionKind,
  key: string | undefined,
  text: string,
  start: number,
  end: number,
): boolean {
  if (key === undefined || key.length !== end - start || key.length < 3) return false;
  if (kind === 'password' || kind === 'secret') return false;
  for (let i = 0; i < key.length; i++)
    if ((key.charCodeAt(i) | 32) !== (text.charCodeAt(start + i) | 32)) return false;
  return true;
}

/**
 * Whether a JSON number that a sensitive container's kind reaches (`contained`: not its own
 * key's) is a measure rather than part of what the container holds: a fraction, exponent or sign (a score, a
 * ratio), or fewer digits than any street number, postcode, phone or PIN it could be part of (a
 * count: Plaid's identity match `address.edits_30d: 2`, `address.score: 100`). Birth dates,
 * cards, bank and national numbers keep every number (Stripe's `dob: {day: 14, month: 7}`). A
 * phone's own key is read the same way: no phone number has fewer than 6 digits or a fraction
 * (Twilio Insights' `calls_by_device_type.mobile: 400`).
 */
function measureNumber(
  kind: RedactionKind,
  contained: boolean,
  text: string,
  start: number,
  end: number,
): boolean {
  if (!contained && kind !== 'phone') return false;
  if (
    kind === 'dob' ||
    kind === 'card' ||
    kind === 'iban' ||
    kind === 'bank-account' ||
    kind === 'national-id'
  )
    return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return true;
  }
  return end - start < (kind === 'phone' ? 6 : 4);
}

/** A container's kind as it reaches a leaf of the parsed tree (see unlikeKind, measureNumber). */
function containedKind(kind: RedactionKind | undefined, value: unknown): RedactionKind | undefined {
  if (kind === undefined) return undefined;
  if (typeof value === 'string') return unlikeKind(kind, value, 0, value.length) ? undefined : kind;
  if (typeof value !== 'number') return kind;
  const text = String(value);
  return measureNumber(kind, true, text, 0, text.length) ? undefined : kind;
}

/** A pair's `name` that reads as a credential or personal field (`AWS_SECRET_ACCESS_KEY`). */
function pairKind(name: string): RedactionKind | undefined {
  return name.length > 64 ? undefined : fieldKind(name);
}

/**
 * A JSON string value: whole under a sensitive name (`kind` set), otherwise through the detectors
 * (a URL through redactUrl: see redactTextOrUrl). `gates`: the detector gates of `value`'s
 * characters, when the caller has worked them out.
 */
function redactJsonString(
  value: string,
  kind: RedactionKind | undefined,
  session: RedactionSession,
  gates?: number,
): string {
  if (kind !== undefined)
    return value === '' || isPlaceholder(value) ? value : redactWhole(kind, value, session);
  return redactTextOrUrl(value, session, gates);
}

// --- The text scan ------------------------------------------------------------------------------

/**
 * Replacements of ranges of one text, recorded and applied at once. Positions live in an
 * Int32Array and pieces are references to strings that exist anyway (placeholders held by the
 * session), so tens of thousands of edits give the garbage collector little to trace; the output
 * rope is only built in `apply`. Edits are usually added in order; a deferred pair value is added
 * late, and then `sort` puts them in order. A body's edits from the judging pass are kept for the
 * writing pass (see HarSanitizer), which reads them back with `from`, `to` and `piece`.
 */
export class EditList {
  private ranges = new Int32Array(64);
  private pieces: string[] = [];
  private sorted = true;
  /**
   * Where the strings the edits leave in place could hold a known value (a scan of a large body
   * records them): searching that body's text for known values is skipped when none can.
   */
  prefixes: CandidatePrefixes | undefined;

  add(from: number, to: number, piece: string): void {
    const at = this.pieces.length * 2;
    if (at === this.ranges.length) {
      const ranges = new Int32Array(this.ranges.length * 2);
      ranges.set(this.ranges);
      this.ranges = ranges;
    }
    if (at > 0 && from < (this.ranges[at - 1] ?? 0)) this.sorted = false;
    this.ranges[at] = from;
    this.ranges[at + 1] = to;
    this.pieces.push(piece);
  }

  get count(): number {
    return this.pieces.length;
  }

  from(edit: number): number {
    return this.ranges[edit * 2] ?? 0;
  }

  to(edit: number): number {
    return this.ranges[edit * 2 + 1] ?? 0;
  }

  piece(edit: number): string {
    return this.pieces[edit] ?? '';
  }

  /** Puts the edits in text order (they must not overlap). */
  sort(): this {
    if (this.sorted) return this;
    const count = this.pieces.length;
    const order = Array.from({ length: count }, (_, i) => i);
    order.sort((a, b) => (this.ranges[a * 2] ?? 0) - (this.ranges[b * 2] ?? 0));
    const ranges = new Int32Array(this.ranges.length);
    const pieces: string[] = [];
    for (let n = 0; n < count; n++) {
      const i = order[n] ?? n;
      ranges[n * 2] = this.ranges[i * 2] ?? 0;
      ranges[n * 2 + 1] = this.ranges[i * 2 + 1] ?? 0;
      pieces.push(this.pieces[i] ?? '');
    }
    this.ranges = ranges;
    this.pieces = pieces;
    this.sorted = true;
    return this;
  }

  /**
   * The text with every edit made and every span (ordered, between the edits, each with its
   * placeholder) replaced too; `pieces[edit]`, where set, is written instead of that edit's piece.
   */
  applyWith(text: string, spans: readonly Span[], pieces: readonly (string | undefined)[] = []): string {
    this.sort();
    if (spans.length === 0 && pieces.length === 0) return this.apply(text);
    const out = new EditList();
    let next = 0;
    for (let edit = 0; edit <= this.count; edit++) {
      const to = edit < this.count ? this.from(edit) : text.length;
      for (let span = spans[next]; span !== undefined && span.start < to; span = spans[++next])
        out.add(span.start, span.end, span.placeholder ?? '');
      if (edit < this.count) out.add(this.from(edit), this.to(edit), pieces[edit] ?? this.piece(edit));
    }
    return out.apply(text);
  }

  /** The text with every edit made (the text itself when there are none). Edits must not overlap. */
  apply(text: string): string {
    const count = this.pieces.length;
    if (count === 0) return text;
    this.sort();
    // Joined in chunks (TextBuilder): a dense body has tens of thousands of edits.
    const out = new TextBuilder();
    let copied = 0;
    for (let i = 0; i < count; i++) {
      out.add(text.slice(copied, this.ranges[i * 2]));
      out.add(this.pieces[i] ?? '');
      copied = this.ranges[i * 2 + 1] ?? copied;
    }
    out.add(text.slice(copied));
    return out.text();
  }
}

interface Frame {
  array: boolean;
  /** Set when the container sits under a sensitive name: every value inside goes whole. */
  kind: RedactionKind | undefined;
  /** The sensitive kind named by the last key read in an object, for the value that follows. */
  keyKind: RedactionKind | undefined;
  expectKey: boolean;
  /** The key this container sits under, for contextual names. */
  entry: KeyEntry | undefined;
  /** The role of the last key read (see KeyInfo.role). */
  role: 0 | 1 | 2;
  /** The kind a sibling `name`/`key` string gave this object's `value`. */
  pairKind: RedactionKind | undefined;
  /** The last key read is code-like (KeyInfo.code), for the value that follows. */
  codeKey: boolean;
  /** The last key read is descriptive (KeyInfo.metadata): the container's kind stops at it. */
  metadataKey: boolean;
  /** The last key read is a label (KeyInfo.label): a credential container's kind stops at it. */
  labelKey: boolean;
  /** A sibling `name`/`key` string is code-like: this object's `value` goes when it looks generated. */
  pairCode: boolean;
  /** A `value` string met before its `name`: [start, end] of the string, quotes included. */
  deferredStart: number;
  deferredEnd: number;
  /** Arrays opened directly inside this array and not closed yet (see JsonTextScan.open). */
  nested: number;
  /** Its `schemas` listed the SCIM Group schema: a later `displayName` names no person (GROUP_SCHEMA). */
  group: boolean;
}

/** text[start, end) is one or more ASCII digits and nothing else. */
function digitsOnly(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

/**
 * Whether `literal` is spelled at `i` of a text (`codes`: its asciiCodes), its first character
 * already known to match: by character, where two `startsWith` calls per literal cost 3 % of the
 * scan of a Stripe-shaped list body, whose values are 40-60 % `null`. (Ruled out first when it
 * would end past the text: a read past a typed array's end makes V8 compile a slower load.)
 */
function literalAt(codes: Uint8Array, i: number, literal: string): boolean {
  if (i + literal.length > codes.length) return false;
  for (let n = 1; n < literal.length; n++) if (codes[i + n] !== literal.charCodeAt(n)) return false;
  return true;
}

function isNumberCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69
  );
}

const KEY_SLOTS = 1024;

/**
 * Objects (and arrays in objects) open at once that a JSON scan follows. Real API documents nest
 * tens of levels; arrays directly inside arrays cost no frame (see JsonTextScan.open).
 */
const MAX_FRAMES = 4096;

/** A key as spelled in the body, what it means, and the keys read after it (see KeyTable). */
interface KeyEntry {
  key: string;
  /**
   * The key's characters, which `predicted` compares with the body's asciiCodes (or with the
   * text, for a key past ASCII): startsWith, or a loop over both strings, cost ~60 ns a key, a
   * tenth of a list body's scan; two typed arrays are compared without a string read.
   */
  codes: Uint16Array;
  /**
   * Every character is ASCII: compared with the body's asciiCodes alone. A key past ASCII is
   * compared with the text (its codes read PAST_ASCII there, whatever the character).
   */
  ascii: boolean;
  info: KeyInfo;
  /** The last SUCCESSORS distinct keys read right after this one, the latest first. */
  next: KeyEntry[];
  /** Its prefixes were recorded in this scan's CandidatePrefixes (once per spelling). */
  recorded: boolean;
  /** A contextual key's kind under each container key it was read in (see contextualKind). */
  contexts: Map<KeyEntry, RedactionKind | null> | undefined;
}

function keyEntry(key: string): KeyEntry {
  const codes = new Uint16Array(key.length);
  let ascii = true;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    codes[i] = code;
    if (code >= PAST_ASCII) ascii = false;
  }
  return { key, codes, ascii, info: jsonKeyInfo(key), next: [], recorded: false, contexts: undefined };
}

/**
 * fieldKind of a contextual key (`name`, `number`, `line1`) under the container key `context`,
 * remembered per pair of entries: fieldKind's own cache is keyed by the two names joined, a new
 * string hashed at each of the thousands of `address.line1` of a list (2 % of the scan of a
 * Stripe-shaped list body).
 */
function contextualKind(entry: KeyEntry, context: KeyEntry): RedactionKind | undefined {
  entry.contexts ??= new Map();
  let kind = entry.contexts.get(context);
  if (kind === undefined) {
    kind = fieldKind(entry.key, context.key) ?? null;
    // Records keyed by random ids give a key thousands of containers: past a few hundred, each is
    // read afresh (as fieldKind's cache does past its size).
    if (entry.contexts.size < 256) entry.contexts.set(context, kind);
  }
  return kind ?? undefined;
}

/**
 * Successors a key remembers. A key that closes a nested object in several places (`address`,
 * `url`, `object`, `type` in a Stripe charge) is followed by a different key in each: with one
 * successor, a fifth of the keys of a Stripe-shaped list body were mispredicted, each then hashed
 * and looked up after the failed comparison.
 */
const SUCCESSORS = 4;

/**
 * Object keys recognised in place. A big body repeats a few dozen keys in the same order (a list
 * of records of one shape), so each key remembers the keys that followed it: when the text at the
 * next key's position spells one of them and its closing quote, it is recognised by a comparison.
 */
class KeyTable {
  private readonly entries: (KeyEntry | undefined)[] = new Array<KeyEntry | undefined>(KEY_SLOTS);
  private last: KeyEntry | undefined;

  /** The key whose spelling and closing quote start at `start` of the text (`bytes`: its asciiCodes). */
  predicted(text: string, bytes: Uint8Array, start: number): KeyEntry | undefined {
    const successors = this.last?.next;
    if (successors === undefined) return undefined;
    for (let n = 0; n < successors.length; n++) {
      const next = successors[n];
      if (next === undefined) break;
      const codes = next.codes;
      const length = codes.length;
      if (start + length >= bytes.length || bytes[start + length] !== 34) continue;
      let i = 0;
      if (next.ascii) while (i < length && bytes[start + i] === codes[i]) i++;
      else while (i < length && text.charCodeAt(start + i) === codes[i]) i++;
      if (i === length) {
        this.last = next;
        return next;
      }
    }
    return undefined;
  }

  lookup(text: string, start: number, end: number): KeyEntry | undefined {
    let hash = 2166136261;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 92) return undefined;
      hash = Math.imul(hash ^ code, 16777619);
    }
    const slot = (hash >>> 0) & (KEY_SLOTS - 1);
    let entry = this.entries[slot];
    if (entry === undefined || entry.key.length !== end - start || !text.startsWith(entry.key, start)) {
      const key = text.slice(start, end);
      entry = keyEntry(key);
      this.entries[slot] = entry;
    }
    if (this.last !== undefined) {
      const successors = this.last.next;
      const known = successors.indexOf(entry);
      if (known !== -1) successors.splice(known, 1);
      else if (successors.length === SUCCESSORS) successors.pop();
      successors.unshift(entry);
    }
    this.last = entry;
    return entry;
  }
}

/**
 * One scan of a JSON text. Strings are found with indexOf, most values are ruled out in place
 * (no copy) by the detector gates, only changed values are re-encoded, and everything else
 * (formatting included) is copied as it was. Safety does not depend on the JSON being
 * well-formed: anything outside strings must be structure, a number or a literal, or the text is
 * handed back to the text redactor.
 */
class JsonTextScan {
  private readonly frames: Frame[] = [];
  /** Containers open (all must close for the text to be JSON), and frames in use. */
  private depth = 0;
  private level = 0;
  private top: Frame | undefined;
  private readonly keys = new KeyTable();
  private readonly edits = new EditList();
  private readonly prefixes: CandidatePrefixes | undefined;
  /**
   * The body's asciiCodes: the loops that read every character (structure, numbers, keys, the
   * detector gates) read bytes, not the string (see ascii-codes.ts for why).
   */
  private readonly codes: Uint8Array;

  /** `record`: the body will be searched for known values, so its candidate prefixes are recorded. */
  constructor(
    private readonly text: string,
    private readonly session: RedactionSession,
    record: boolean,
  ) {
    this.prefixes = record ? new CandidatePrefixes(text.length) : undefined;
    this.codes = asciiCodes(text);
    this.edits.prefixes = this.prefixes;
  }

  run(): EditList | undefined {
    const codes = this.codes;
    const length = codes.length;
    let i = 0;
    while (i < length) {
      const code = codes[i] ?? PAST_ASCII;
      if (code === 34) i = this.string(i);
      else if (code === 123 || code === 91) i = this.open(i, code === 91);
      else if (code === 125 || code === 93) i = this.close(i);
      else if (code === 44) {
        if (this.top !== undefined && !this.top.array) this.top.expectKey = true;
        i++;
      } else if (code === 58 || code === 32 || code === 10 || code === 13 || code === 9) i++;
      else if (code === 45 || (code >= 48 && code <= 57)) i = this.number(i);
      else if (code === 110 ? literalAt(codes, i, 'null') : code === 116 && literalAt(codes, i, 'true'))
        i += 4;
      else if (code === 102 && literalAt(codes, i, 'false')) i += 5;
      else return undefined;
      if (i === -1) return undefined;
    }
    if (this.depth !== 0) return undefined;
    return this.edits;
  }

  /**
   * A value's own key decides before the container it sits in: under `{"ssn": {"holder_name": …}}`
   * the name is a name, not a national id it cannot fit (which left it to the detectors, and a
   * name in free text is not found). The container decides for keys that name nothing.
   */
  private valueKind(top: Frame | undefined): RedactionKind | undefined {
    if (top === undefined) return undefined;
    return top.keyKind ?? (describes(top.metadataKey, top.labelKey, top.kind) ? undefined : top.kind);
  }

  private open(i: number, array: boolean): number {
    const parent = this.top;
    this.depth++;
    if (array && parent !== undefined && parent.array) {
      // An array directly inside an array reads exactly as its parent does (same kind, same
      // name, and an array frame has no state of its own): counted on the parent instead of a
      // frame per level, so `[[[[…]]]]` a million deep allocates nothing.
      parent.nested++;
      return i + 1;
    }
    // Past MAX_FRAMES open objects the text is read as text (still redacted, without the keys'
    // help): `[{"{"[{"{"…` in a text body opened a frame every five characters and none closed,
    // and holding hundreds of thousands of frames cost ~120x JSON.parse per MB in garbage
    // collection, growing faster than the text.
    if (this.level === MAX_FRAMES) return -1;
    const kind = this.valueKind(parent);
    // The key a container is read under: its own, or for an array's items the array's.
    const entry = parent === undefined ? undefined : parent.array ? parent.entry : this.lastEntry;
    let frame = this.frames[this.level];
    if (frame === undefined) {
      frame = {
        array,
        kind,
        keyKind: undefined,
        expectKey: !array,
        entry,
        role: 0,
        pairKind: undefined,
        codeKey: false,
        metadataKey: false,
        labelKey: false,
        pairCode: false,
        deferredStart: -1,
        deferredEnd: -1,
        nested: 0,
        group: false,
      };
      this.frames.push(frame);
    } else {
      frame.array = array;
      frame.kind = kind;
      frame.keyKind = undefined;
      frame.expectKey = !array;
      frame.entry = entry;
      frame.role = 0;
      frame.pairKind = undefined;
      frame.codeKey = false;
      frame.metadataKey = false;
      frame.labelKey = false;
      frame.pairCode = false;
      frame.deferredStart = -1;
      frame.deferredEnd = -1;
      frame.nested = 0;
      frame.group = false;
    }
    if (parent !== undefined) parent.role = 0;
    this.level++;
    this.top = frame;
    return i + 1;
  }

  /** The last object key read (for the key of a container opened right after it). */
  private lastEntry: KeyEntry | undefined;

  private close(i: number): number {
    if (this.depth === 0) return -1;
    this.depth--;
    const top = this.top;
    if (top !== undefined && top.nested > 0) {
      top.nested--;
      return i + 1;
    }
    if (top !== undefined && top.deferredStart !== -1) this.flushDeferred(top);
    this.level--;
    this.top = this.level === 0 ? undefined : this.frames[this.level - 1];
    return i + 1;
  }

  /** A `value` met before its `name`: judged now that the whole object was read. */
  private flushDeferred(top: Frame): void {
    const start = top.deferredStart;
    const end = top.deferredEnd;
    top.deferredStart = -1;
    const kind = top.kind ?? top.pairKind ?? (top.pairCode ? this.generatedKind(start, end) : undefined);
    this.stringValue(kind, start, end);
  }

  /** 'secret' when the string at [i, end] (quotes included) looks generated (see KeyInfo.code). */
  private generatedKind(i: number, end: number): RedactionKind | undefined {
    const value = this.decoded(i, end);
    return value !== undefined && isCodeCredential(value, false) ? 'secret' : undefined;
  }

  private number(i: number): number {
    const text = this.text;
    const codes = this.codes;
    let end = i + 1;
    while (end < codes.length && isNumberCode(codes[end] ?? PAST_ASCII)) end++;
    const kind = this.valueKind(this.top);
    if (
      kind !== undefined &&
      NUMERIC_KINDS.has(kind) &&
      !measureNumber(kind, this.top?.keyKind === undefined, text, i, end)
    )
      this.edits.add(i, end, `"${redactWholeAt(kind, text, i, end, this.session)}"`);
    if (this.top !== undefined) this.top.role = 0;
    return end;
  }

  /** The string opening at `i`; returns where the scan continues, or -1 when it is unterminated. */
  private string(i: number): number {
    const top = this.top;
    if (top !== undefined && top.expectKey) {
      const predicted = this.keys.predicted(this.text, this.codes, i + 1);
      if (predicted !== undefined) return this.knownKey(top, predicted, i, i + 1 + predicted.key.length);
    }
    const end = jsonStringEnd(this.text, i + 1);
    if (end === -1) return -1;
    if (top !== undefined && top.expectKey) return this.key(top, i, end);
    if (top !== undefined && !top.array && top.role !== 0) {
      const role = top.role;
      top.role = 0;
      if (role === 1) {
        const name = this.decoded(i, end);
        if (name === undefined) return -1;
        top.pairKind = pairKind(name);
        top.pairCode = top.pairKind === undefined && isCodeName(name);
      } else if (role === 2 && top.kind === undefined && top.keyKind === undefined) {
        if (top.pairKind === undefined && top.pairCode) {
          this.stringValue(this.generatedKind(i, end), i, end);
          return end + 1;
        }
        if (top.pairKind === undefined) {
          // The name may come after the value: decide when the object closes.
          top.deferredStart = i;
          top.deferredEnd = end;
          return end + 1;
        }
        this.stringValue(top.pairKind, i, end);
        return end + 1;
      }
    }
    if (top?.array === true && top.entry?.info.schemas === true && isGroupSchema(this.text, i + 1, end)) {
      const owner = this.frames[this.level - 2];
      if (owner !== undefined && !owner.array) owner.group = true;
    }
    let kind = this.valueKind(top);
    if (kind !== undefined && top?.keyKind === undefined && unlikeKind(kind, this.text, i + 1, end))
      kind = undefined;
    if (
      kind !== undefined &&
      top?.array === false &&
      namesItself(kind, this.lastEntry?.key, this.text, i + 1, end)
    )
      kind = undefined;
    kind ??= top?.codeKey === true ? this.generatedKind(i, end) : undefined;
    if (kind === undefined && top !== undefined) {
      // An identifier's digits are kept, searched only for values judged elsewhere (redactKnown).
      const owner = top.array ? top.entry : this.lastEntry;
      if (owner?.info.identifier === true && digitsOnly(this.text, i + 1, end)) {
        this.prefixes?.string(this.text, i + 1, end, this.codes);
        return end + 1;
      }
    }
    return this.stringValue(kind, i, end) ? end + 1 : -1;
  }

  /** Redacts the string at [i, end] (quotes included); false when its escapes are invalid. */
  private stringValue(kind: RedactionKind | undefined, i: number, end: number): boolean {
    const text = this.text;
    // Most values (ids, statuses, timestamps, prose) are ruled out in place, without a copy; a
    // value shorter than 4 characters is never changed.
    // (The gates record the candidate prefixes of a string they rule out; any other string no
    // edit replaces is recorded on its own.)
    let gates: number | undefined;
    if (kind === undefined) {
      if (end - i <= 4) return true;
      gates = detectorGates(text, i + 1, end, this.prefixes, this.codes);
      if (gates === 0) return true;
    }
    if (kind !== undefined && !hasBackslash(text, i + 1, end)) {
      if (end === i + 1) return true;
      if (text.charCodeAt(i + 1) === 91 && isPlaceholder(text.slice(i + 1, end))) {
        this.prefixes?.string(text, i + 1, end, this.codes);
        return true;
      }
      this.edits.add(i + 1, end, redactWholeAt(kind, text, i + 1, end, this.session));
      return true;
    }
    const value = this.decoded(i, end);
    if (value === undefined) return false;
    // A value as long as its source has no escape: the same characters, so the same gates (the text
    // redactor walked them again, 3x JSON.parse per MB on a string of short words and digit groups).
    const out = redactJsonString(value, kind, this.session, value.length === end - i - 1 ? gates : undefined);
    if (out !== value) this.edits.add(i, end + 1, JSON.stringify(out));
    else this.prefixes?.string(text, i + 1, end, this.codes);
    return true;
  }

  private knownKey(top: Frame, known: KeyEntry, i: number, end: number): number {
    top.expectKey = false;
    this.lastEntry = known;
    const info = known.info;
    const kind = info.kind;
    top.role = top.kind === undefined ? info.role : 0;
    top.keyKind =
      info.display && top.group
        ? undefined
        : // A person-name key is read with its container too: under an organisation it names the
          // organisation (Adyen's `organization.legalName`, see fieldKind). (`undefined` is ruled
          // out first: see describes.)
          ((kind !== undefined && kind === 'name' && top.entry !== undefined
            ? contextualKind(known, top.entry)
            : kind) ??
          (info.contextual && top.entry !== undefined ? contextualKind(known, top.entry) : undefined) ??
          (info.role === 2 ? top.pairKind : undefined));
    top.codeKey = info.code;
    top.metadataKey = info.metadata;
    top.labelKey = info.label;
    if (this.prefixes !== undefined && !known.recorded) {
      // A key's spelling is recorded once per scan (a list repeats the same few keys).
      this.prefixes.string(this.text, i + 1, end, this.codes);
      known.recorded = true;
    }
    if (!info.clean) {
      const redacted = redactText(known.key, this.session, info.gates);
      if (redacted !== known.key) this.edits.add(i, end + 1, JSON.stringify(redacted));
    }
    return end + 1;
  }

  private key(top: Frame, i: number, end: number): number {
    const known = this.keys.lookup(this.text, i + 1, end);
    if (known !== undefined) return this.knownKey(top, known, i, end);
    const key = this.decoded(i, end);
    if (key === undefined) return -1;
    return this.knownKey(top, keyEntry(key), i, end);
  }

  /** The string at [i, end] (quotes included) decoded, or undefined when its escapes are invalid. */
  private decoded(i: number, end: number): string | undefined {
    // A slice of 13 characters or more is a view into the body in V8 (a SlicedString; v8
    // src/objects/string.h, SlicedString::kMinLength), and every character the detectors then
    // read goes through that indirection: redactText over such a view took 20-30 % longer than
    // over its own copy. JSON.parse of the quoted text makes that copy natively (~1 ms per MB),
    // and decodes escapes in the same step.
    if (end - i <= 13 && !hasBackslash(this.text, i + 1, end)) return this.text.slice(i + 1, end);
    try {
      return JSON.parse(this.text.slice(i, end + 1)) as string;
    } catch {
      return undefined;
    }
  }
}

/**
 * JSON text in, redacted JSON text out — or undefined when the text is not JSON (the caller then
 * redacts it as text). The scan's edits do not depend on the pass (it runs without the known
 * values), so `scans` (an export held in memory) keeps them for a large body between the judging
 * pass and the writing pass; a sealed session's known values are then found inside the strings.
 */
export function redactJsonText(
  text: string,
  session: RedactionSession,
  scans?: BodyScans,
): string | undefined {
  const edits = scanJsonText(text, session, scans, true);
  if (edits === null) return undefined;
  const known = session.known(true);
  if (known === undefined || known.size === 0) return edits.apply(text);
  // A scan whose edits are not one of the shapes jsonWithKnown reads is applied first and its
  // text searched; should that fail too, the body is redacted as text (never handed back as is).
  return jsonWithKnown(text, edits, known) ?? jsonWithKnown(edits.apply(text), new EditList(), known);
}

/**
 * The scan's edits of a JSON text (its values judged into the session), kept in `scans` for the
 * writing pass when it is large; null when the text is not JSON.
 */
export function scanJsonText(
  text: string,
  session: RedactionSession,
  scans?: BodyScans,
  writing = false,
): EditList | null {
  // A large body's candidate prefixes are recorded when it is about to be searched for known
  // values, or when its scan is kept for the pass that will search it.
  const record = writing ? text.length >= KEPT_SCAN_LENGTH : mayKeep(scans, text);
  return keptScan(
    scans,
    scans?.json,
    text,
    session,
    () => new JsonTextScan(text, session, record).run() ?? null,
  );
}

/** Occurrences of a value occursBetween looks at before it answers "occurs" unseen. */
const MAX_OCCURRENCES = 64;

/**
 * Whether `value` occurs in `text` outside every edit of `scan` (sorted), where
 * findInJsonStrings would search: each occurrence found (natively) is checked against the edits
 * around it. Values judged in this body occur inside its edits, which is not an occurrence.
 */
function occursBetween(text: string, scan: EditList, value: string): boolean {
  let seen = 0;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    if (++seen > MAX_OCCURRENCES) return true;
    // The last edit starting at or before `at`, by bisection.
    let low = 0;
    let high = scan.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (scan.from(middle) <= at) low = middle + 1;
      else high = middle;
    }
    const before = low - 1;
    const gapStart = before >= 0 ? scan.to(before) : 0;
    const gapEnd = low < scan.count ? scan.from(low) : text.length;
    if (at >= gapStart && at + value.length <= gapEnd) return true;
  }
  return false;
}

/** text[from, to) with the known values inside it replaced (a piece an edit wrote). */
function pieceWithKnown(text: string, from: number, to: number, known: KnownValues): string {
  const spans: Span[] = [];
  known.find(text, from, to, true, spans);
  if (spans.length === 0) return text;
  const out = new TextBuilder();
  let copied = 0;
  for (const span of spans) {
    out.add(text.slice(copied, span.start));
    out.add(span.placeholder ?? '');
    copied = span.end;
  }
  out.add(text.slice(copied));
  return out.text();
}

/**
 * The scanned JSON text with every known value inside a string replaced, as if the scan's edits
 * had been made and the strings of that text searched, but without building it: the text between
 * two edits is searched in place, in one pass over its strings, and each edit's piece on its own
 * (the content of a string replaced whole, or a string literal: a re-encoded string or key, a
 * number written as a string). Strings only: a known value that is also a JSON number elsewhere
 * must not turn that number into a bare placeholder. Undefined if an edit is not one of those
 * shapes (the caller then builds the scanned text and searches that).
 */
function jsonWithKnown(text: string, scan: EditList, known: KnownValues): string | undefined {
  scan.sort();
  const spans: Span[] = [];
  /** The pieces with known values replaced, where that changed them (index: edit). */
  const pieces: (string | undefined)[] = [];
  // The strings between the edits are searched unless the scan's record of where a value could
  // start says no known value can (asked only when the known values' table is small next to the text).
  const prefixes = scan.prefixes;
  let search = prefixes === undefined || known.prefixTableSize * 4 > text.length;
  if (!search && prefixes !== undefined) {
    prefixes.settle(text);
    search = known.mayOccurIn(prefixes, (value) => occursBetween(text, scan, value));
  }
  let inside = false;
  let at = 0;
  for (let edit = 0; ; edit++) {
    const next = edit < scan.count ? scan.from(edit) : text.length;
    if (search) inside = known.findInJsonStrings(text, at, next, inside, spans);
    if (edit === scan.count) break;
    const to = scan.to(edit);
    const piece = scan.piece(edit);
    // Unsearched, where an edit stands is read from its piece: a literal (a re-encoded string or
    // key, a number written as a string) is written in its own quotes, while the content of a
    // string replaced whole never starts with one (it held no escape).
    if (!search) inside = piece.charCodeAt(0) !== 34;
    let written: string;
    if (inside) {
      // The content of a string, replaced whole: the quotes around it stay.
      if (text.charCodeAt(next - 1) !== 34 || text.charCodeAt(to) !== 34) return undefined;
      written = pieceWithKnown(piece, 0, piece.length, known);
    } else {
      // A string or key re-encoded, or a number written as a string: a literal in its own quotes.
      if (piece.charCodeAt(0) !== 34 || piece.charCodeAt(piece.length - 1) !== 34) return undefined;
      written = pieceWithKnown(piece, 1, piece.length - 1, known);
    }
    if (written !== piece) pieces[edit] = written;
    at = to;
  }
  return scan.applyWith(text, spans, pieces);
}

// --- The tree walk -------------------------------------------------------------------------------

type Container = Record<string, unknown> | unknown[];

function put(target: Container, key: string, value: unknown): void {
  if (Array.isArray(target)) (target as unknown as Record<string, unknown>)[key] = value;
  else setOwn(target, key, value);
}

interface TreeFrame {
  source: Container;
  target: Container;
  kind: RedactionKind | undefined;
  name: string | undefined;
  /** An object's keys (undefined for an array) and the index of the next child to visit. */
  keys: string[] | undefined;
  at: number;
  /** The kind a sibling `name`/`key` string gives this object's `value`. */
  pair: RedactionKind | undefined;
  /** A sibling `name`/`key` string is code-like (see Frame.pairCode). */
  pairCode: boolean;
  /** The index in `keys` of a `schemas` listing the SCIM Group schema, or -1 (see Frame.group). */
  groupAt: number;
}

/** A string of digits only: kept under an identifier's name (see KeyInfo.identifier). */
function identifierDigits(value: unknown): value is string {
  return typeof value === 'string' && digitsOnly(value, 0, value.length);
}

function leaf(
  value: unknown,
  kind: RedactionKind | undefined,
  session: RedactionSession,
  memo: ValueMemo | undefined,
): unknown {
  if (typeof value === 'string')
    return memo === undefined || (kind === undefined && value.length < 4)
      ? redactJsonString(value, kind, session)
      : memo.run(kind === undefined ? 'j' : `j${kind}`, value, (text) =>
          redactJsonString(text, kind, session),
        );
  if (
    typeof value === 'number' &&
    kind !== undefined &&
    NUMERIC_KINDS.has(kind) &&
    !measureNumber(kind, false, String(value), 0, String(value).length)
  )
    return redactWhole(kind, String(value), session);
  return value;
}

/**
 * A redacted copy of a parsed JSON value (the input is not modified), walked with an explicit
 * stack so a deep document cannot overflow the call stack. Values are visited in document order,
 * as the text scan visits them, so a value met under two names gets the placeholder of the first
 * one either way. `memo` (a HAR export's pass) remembers the outputs of strings met before.
 */
export function redactJson(root: unknown, session: RedactionSession, memo?: ValueMemo): unknown {
  if (typeof root !== 'object' || root === null) return leaf(root, undefined, session, memo);
  const stack: TreeFrame[] = [];
  const make = (source: Container, kind: RedactionKind | undefined, name: string | undefined): Container => {
    const array = Array.isArray(source);
    const target: Container = array ? new Array(source.length) : {};
    let keys: string[] | undefined;
    let pair: RedactionKind | undefined;
    let pairCode = false;
    let groupAt = -1;
    if (!array) {
      const record = source as Record<string, unknown>;
      keys = Object.keys(record);
      const schemas = record['schemas'];
      if (Array.isArray(schemas) && schemas.some((uri) => uri === GROUP_SCHEMA))
        groupAt = keys.indexOf('schemas');
      for (const key of keys) {
        const value = record[key];
        if (PAIR_NAMES.has(key) && typeof value === 'string') {
          pair ??= pairKind(value);
          pairCode ||= isCodeName(value);
        }
      }
    }
    stack.push({ source, target, kind, name, keys, at: 0, pair, pairCode, groupAt });
    return target;
  };
  const top = make(root as Container, undefined, undefined);
  let frame: TreeFrame | undefined;
  while ((frame = stack[stack.length - 1]) !== undefined) {
    const { source, target, kind, name, keys } = frame;
    if (keys === undefined) {
      const items = source as unknown[];
      if (frame.at >= items.length) {
        stack.pop();
        continue;
      }
      const i = frame.at++;
      const value: unknown = items[i];
      const itemKind = containedKind(kind, value);
      (target as unknown[])[i] =
        typeof value === 'object' && value !== null
          ? make(value as Container, kind, name)
          : itemKind === undefined &&
              name !== undefined &&
              jsonKeyInfo(name).identifier &&
              identifierDigits(value)
            ? redactKnown(value, session)
            : leaf(value, itemKind, session, memo);
      continue;
    }
    const key = keys[frame.at++];
    if (key === undefined) {
      stack.pop();
      continue;
    }
    const value = (source as Record<string, unknown>)[key];
    const info = jsonKeyInfo(key);
    // The key's own kind first, then the container's, as JsonTextScan.valueKind reads them; a
    // sibling `name` gives a `value` its kind only outside a sensitive container, as in the scan.
    const keyed =
      info.display && frame.groupAt !== -1 && frame.at - 1 > frame.groupAt
        ? undefined
        : ((info.kind === 'name' && name !== undefined ? fieldKind(key, name) : info.kind) ??
          (info.contextual && name !== undefined ? fieldKind(key, name) : undefined) ??
          (info.role === 2 && kind === undefined ? frame.pair : undefined));
    const contained =
      keyed !== undefined || describes(info.metadata, info.label, kind)
        ? undefined
        : containedKind(kind, value);
    const judged =
      keyed ??
      contained ??
      // A code-like key, or the `value` of a pair named by one, as the scan judges them.
      ((info.code || (info.role === 2 && frame.pairCode)) &&
      typeof value === 'string' &&
      isCodeCredential(value, false)
        ? 'secret'
        : undefined);
    const own =
      judged !== undefined && typeof value === 'string' && namesItself(judged, key, value, 0, value.length)
        ? undefined
        : judged;
    // The key is redacted before what it holds, as it comes first in the text.
    const written = info.clean
      ? key
      : memo === undefined
        ? redactText(key, session, info.gates)
        : memo.run('t', key, (text) => redactText(text, session, info.gates));
    const out =
      typeof value === 'object' && value !== null
        ? make(value as Container, own, key)
        : own === undefined && info.identifier && identifierDigits(value)
          ? redactKnown(value, session)
          : leaf(value, own, session, memo);
    put(target, written, out);
  }
  return top;
}
