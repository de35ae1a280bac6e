const MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, expected a HAR file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the file name is too long',
};

/** A Node file-system error as a short phrase: the code decides, the stack never reaches the user. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return MESSAGES[code] ?? `cannot read the file (${code})`;
  return `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
}
