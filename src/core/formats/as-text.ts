// A field longer than this is not a message a person wrote; cut it so tickets and rows stay readable.
const MAX_FIELD_CHARS = 2000;

/** A string or number field as trimmed text, or undefined when absent, empty or another type. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}…` : text;
}
