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
