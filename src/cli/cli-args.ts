import { readFileSync } from 'node:fs';
import type { ProviderId } from '../core/diagnosis.ts';
import { BUILT_IN_PROVIDER_IDS, loadProfileText, type Profile } from '../core/profiles/index.ts';
import { describeInputError } from './har-input.ts';

// Command-line arguments of both commands: a small strict parser and what each option means.

/** Which options a command accepts: boolean flags and options that take a value (repeatable). */
export interface CliArgSpec {
  flags: readonly string[];
  valued: readonly string[];
}

export interface CliArgs {
  flags: Set<string>;
  /** Values of valued options in command-line order, by option name (without dashes). */
  values: Map<string, string[]>;
  positionals: string[];
}

export type CliArgsResult = { ok: true; args: CliArgs } | { ok: false; error: string };

const SHORT_ALIASES: Readonly<Record<string, string>> = { '-h': 'help' };

/**
 * A small strict argument parser: `--flag`, `--option VALUE`, `--option=VALUE`, `--` to end options.
 * Written out (rather than node:util parseArgs) so every mistake gets our own one-line message.
 */
export function parseCliArgs(argv: readonly string[], spec: CliArgSpec): CliArgsResult {
  const args: CliArgs = { flags: new Set(), values: new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      args.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = SHORT_ALIASES[arg] ?? (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--/, '');
    if (spec.flags.includes(name) && eq === -1) args.flags.add(name);
    else if (spec.flags.includes(name)) return { ok: false, error: `option --${name} takes no value` };
    else if (spec.valued.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) return { ok: false, error: `option --${name} needs a value` };
      args.values.set(name, [...(args.values.get(name) ?? []), value]);
    } else return { ok: false, error: `unknown option ${eq === -1 ? arg : arg.slice(0, eq)}` };
  }
  return { ok: true, args };
}

export type SingleFileResult = { ok: true; file: string } | { ok: false; error: string };

/** Both commands read exactly one capture; anything else is a usage mistake worth naming. */
export function singleFileArgument(positionals: readonly string[]): SingleFileResult {
  const [file] = positionals;
  if (file === undefined) return { ok: false, error: 'missing the HAR file to read' };
  if (positionals.length > 1)
    return { ok: false, error: `expected one HAR file, got ${positionals.length}: ${positionals.join(' ')}` };
  if (file === '') return { ok: false, error: 'the HAR file name is empty' };
  return { ok: true, file };
}

export type HostMappingResult =
  { ok: true; host: string; profile: ProviderId } | { ok: false; error: string };

/**
 * The host part as the classifier will see it: `new URL(...).hostname` of the exchange's URL is
 * lowercase and punycoded, so the key is normalised the same way; a port, path or scheme is refused
 * rather than silently dropped, because the mapping would then never match.
 */
function normaliseHost(text: string): string | undefined {
  try {
    const url = new URL(`http://${text}/`);
    const plain = url.hostname !== '' && url.host === url.hostname && url.pathname === '/';
    return plain && url.username === '' && url.search === '' && url.hash === '' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One `--map HOST=PROFILE` value: a host name and one of the profile ids the classifier knows (the
 * built-ins, or `knownIds` when `--profile` files were loaded).
 */
export function parseHostMapping(
  value: string,
  knownIds: readonly string[] = BUILT_IN_PROVIDER_IDS,
): HostMappingResult {
  const eq = value.indexOf('=');
  if (eq === -1) return { ok: false, error: `--map "${value}": expected HOST=PROFILE` };
  const hostText = value.slice(0, eq).trim();
  const profile = value
    .slice(eq + 1)
    .trim()
    .toLowerCase();
  const host = hostText === '' ? undefined : normaliseHost(hostText);
  if (host === undefined)
    return { ok: false, error: `--map "${value}": "${hostText}" is not a host name (e.g. api.example.com)` };
  if (!knownIds.includes(profile))
    return {
      ok: false,
      error: `--map "${value}": unknown profile "${profile}" (one of: ${knownIds.join(', ')})`,
    };
  return { ok: true, host, profile };
}

export interface TriageArgs {
  help: boolean;
  json: boolean;
  /** The HAR file; empty only when `help` is set. */
  file: string;
  /** `--map` values, lowercase host -> profile id; a later mapping of the same host wins. */
  hostMap: Record<string, ProviderId>;
  /** `--profile` files, in command-line order. */
  profileFiles: string[];
}

export type TriageArgsResult = { ok: true; args: TriageArgs } | { ok: false; error: string };

const TRIAGE_SPEC: CliArgSpec = { flags: ['json', 'help'], valued: ['map', 'profile'] };

/**
 * `[--json] [--map HOST=PROFILE]... [--profile FILE.json]... FILE.har`, or `--help` (which needs no
 * file). `knownIds` are the profile ids a mapping may name; the caller loads `--profile` files first
 * (see `profileFilesOf`) so their ids count.
 */
export function parseTriageArgs(argv: readonly string[], knownIds?: readonly string[]): TriageArgsResult {
  const parsed = parseCliArgs(argv, TRIAGE_SPEC);
  if (!parsed.ok) return parsed;
  const { flags, values, positionals } = parsed.args;
  const mappings = new Map<string, ProviderId>();
  for (const value of values.get('map') ?? []) {
    const mapping = parseHostMapping(value, knownIds);
    if (!mapping.ok) return mapping;
    mappings.set(mapping.host, mapping.profile);
  }
  // fromEntries defines own properties, so even a host spelled "__proto__" stays a plain key.
  const hostMap = Object.fromEntries(mappings);
  const profileFiles = values.get('profile') ?? [];
  if (flags.has('help'))
    return { ok: true, args: { help: true, json: false, file: '', hostMap, profileFiles } };
  const file = singleFileArgument(positionals);
  if (!file.ok) return file;
  return { ok: true, args: { help: false, json: flags.has('json'), file: file.file, hostMap, profileFiles } };
}

/** The `--profile` values alone, read before the full parse so that `--map` may name their ids. */
export function profileFilesOf(argv: readonly string[]): string[] {
  const parsed = parseCliArgs(argv, TRIAGE_SPEC);
  return parsed.ok ? (parsed.args.values.get('profile') ?? []) : [];
}

export type LoadProfilesResult = { ok: true; profiles: Profile[] } | { ok: false; error: string };

/**
 * `--profile FILE.json` values, read and checked in command-line order (a later file with the same
 * id wins). The first unreadable or invalid file stops the run with one line naming the file and
 * the first problem, with its path inside the document.
 */
export function loadProfileFiles(files: readonly string[]): LoadProfilesResult {
  const byId = new Map<string, Profile>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return { ok: false, error: `--profile ${file}: ${describeInputError(error)}` };
    }
    const loaded = loadProfileText(text);
    if (!loaded.ok) return { ok: false, error: `--profile ${file}: ${loaded.error}` };
    byId.set(loaded.profile.id, loaded.profile);
  }
  return { ok: true, profiles: [...byId.values()] };
}
