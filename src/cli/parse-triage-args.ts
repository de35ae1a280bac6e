import type { ProviderId } from '../core/diagnosis.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import { parseHostMapping } from './parse-host-mapping.ts';
import { singleFileArgument } from './single-file-argument.ts';

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

/**
 * `[--json] [--map HOST=PROFILE]... [--profile FILE.json]... FILE.har`, or `--help` (which needs no
 * file). `knownIds` are the profile ids a mapping may name; the caller loads `--profile` files first
 * (see `profileFilesOf`) so their ids count.
 */
export function parseTriageArgs(argv: readonly string[], knownIds?: readonly string[]): TriageArgsResult {
  const parsed = parseCliArgs(argv, { flags: ['json', 'help'], valued: ['map', 'profile'] });
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
  const parsed = parseCliArgs(argv, { flags: ['json', 'help'], valued: ['map', 'profile'] });
  return parsed.ok ? (parsed.args.values.get('profile') ?? []) : [];
}
