/** Percent-decoding that never throws: malformed escapes (`%E0%A4%A`) keep the raw text. */
export function safeDecode(text: string, plusIsSpace = false): string {
  const raw = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
