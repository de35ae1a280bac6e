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
