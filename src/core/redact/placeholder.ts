/** A placeholder issued by RedactionSession: `[email-1]`, `[api-key-12]`. */
export const PLACEHOLDER_PATTERN = /\[([a-z]+(?:-[a-z]+)*)-(\d+)\]/g;

const WHOLE = /^\[[a-z]+(?:-[a-z]+)*-\d+\]$/;

/** The text is exactly one placeholder (so redacting it again would only lose information). */
export function isPlaceholder(text: string): boolean {
  return text.length < 40 && WHOLE.test(text);
}
