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
}

export type TriageArgsResult = { ok: true; args: TriageArgs } | { ok: false; error: string };

/** `[--json] [--map HOST=PROFILE]... FILE.har`, or `--help` (which needs no file). */
export function parseTriageArgs(argv: readonly string[]): TriageArgsResult {
  const parsed = parseCliArgs(argv, { flags: ['json', 'help'], valued: ['map'] });
  if (!parsed.ok) return parsed;
  const { flags, values, positionals } = parsed.args;
  const mappings = new Map<string, ProviderId>();
  for (const value of values.get('map') ?? []) {
    const mapping = parseHostMapping(value);
    if (!mapping.ok) return mapping;
    mappings.set(mapping.host, mapping.profile);
  }
  // fromEntries defines own properties, so even a host spelled "__proto__" stays a plain key.
  const hostMap = Object.fromEntries(mappings);
  if (flags.has('help')) return { ok: true, args: { help: true, json: false, file: '', hostMap } };
  const file = singleFileArgument(positionals);
  if (!file.ok) return file;
  return { ok: true, args: { help: false, json: flags.has('json'), file: file.file, hostMap } };
}
